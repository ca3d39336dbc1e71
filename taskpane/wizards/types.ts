import type * as React from 'react';
import type { WorkbookPort } from '../workbook/port';

/** What every wizard component receives. */
export interface WizardProps {
  port: WorkbookPort;
}

export type WizardComponent = (props: WizardProps) => React.JSX.Element;
