import * as React from 'react';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { type RenderResult, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WizardComponent } from '../../../taskpane/wizards/types';
import type { WorkbookPort } from '../../../taskpane/workbook/port';

/** Renders `ui` inside Fluent's provider, as the task pane does (light theme unless told). */
export function renderInFluent(ui: React.ReactElement, theme: Theme = webLightTheme): RenderResult {
  return render(<FluentProvider theme={theme}>{ui}</FluentProvider>);
}

/** Renders a wizard on `port`, with a user-event session that does not wait between keystrokes. */
export function renderWizard(
  Wizard: WizardComponent,
  port: WorkbookPort,
): { user: ReturnType<typeof userEvent.setup>; view: RenderResult } {
  const user = userEvent.setup({ delay: null });
  const view = renderInFluent(<Wizard port={port} />);
  return { user, view };
}
