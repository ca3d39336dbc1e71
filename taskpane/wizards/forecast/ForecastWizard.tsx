import * as React from 'react';
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { WizardFrame } from '../../components/WizardFrame';
import { useWizardStyles } from '../styles';
import type { WizardProps } from '../types';
import { HistorySteps } from './HistorySteps';
import { PipelineSteps } from './PipelineSteps';
import type { ForecastMode } from './types';
import { useHistoryWizard } from './useHistoryWizard';
import { usePipelineWizard } from './usePipelineWizard';

/**
 * The Forecast tab: two wizards, each with its own state and steps — a forecast from history (SALESOPS.FORECAST)
 * or the weighted pipeline of an opportunity table (SALESOPS.PIPELINE) — chosen on their first step.
 */
export function ForecastWizard({ port }: WizardProps): React.JSX.Element {
  const history = useHistoryWizard(port);
  const pipeline = usePipelineWizard(port);
  const [mode, setMode] = React.useState<ForecastMode>('history');
  const styles = useWizardStyles();
  const w = mode === 'pipeline' ? pipeline : history;
  const choose = (m: ForecastMode): void => {
    setMode(m);
    if (m === 'pipeline') pipeline.goTo('opportunities');
    else history.goTo('history');
  };
  return (
    <WizardFrame title="Forecast" {...w.frame}>
      <div className={styles.form}>
        {w.step === 0 ? (
          <Field label="Forecast from">
            <RadioGroup value={mode} onChange={(_, d) => choose(d.value === 'pipeline' ? 'pipeline' : 'history')}>
              <Radio value="history" label="History (time series)" />
              <Radio value="pipeline" label="Pipeline (opportunity table)" />
            </RadioGroup>
          </Field>
        ) : null}
        {mode === 'pipeline' ? <PipelineSteps w={pipeline} port={port} /> : <HistorySteps w={history} port={port} />}
      </div>
    </WizardFrame>
  );
}
