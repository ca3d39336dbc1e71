import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';

/** Renders `node` inside the Fluent provider into the page's #root element. */
export function mount(node: React.ReactNode): void {
  const el = document.getElementById('root');
  if (!el) throw new Error('no #root element');
  createRoot(el).render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}
