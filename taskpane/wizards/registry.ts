import type { WizardComponent } from './types';
import { CompWizard } from './comp/CompWizard';
import { CreditWizard } from './credit/CreditWizard';
import { ForecastWizard } from './forecast/ForecastWizard';
import { QuotaWizard } from './quota/QuotaWizard';
import { ShareWizard } from './share/ShareWizard';
import { TerritoryWizard } from './territory/TerritoryWizard';
import { PerformanceWizard } from './performance/PerformanceWizard';

export type WizardId = 'comp' | 'territory' | 'quota' | 'forecast' | 'performance' | 'credit' | 'share';

/** The wizards the task pane offers, in tab order. */
export const WIZARDS: readonly { id: WizardId; label: string; component: WizardComponent }[] = [
  { id: 'comp', label: 'Comp plan', component: CompWizard },
  { id: 'territory', label: 'Territory', component: TerritoryWizard },
  { id: 'quota', label: 'Quota', component: QuotaWizard },
  { id: 'forecast', label: 'Forecast', component: ForecastWizard },
  { id: 'performance', label: 'Performance', component: PerformanceWizard },
  { id: 'credit', label: 'Credit', component: CreditWizard },
  { id: 'share', label: 'Share', component: ShareWizard },
];
