import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, type Theme } from '@fluentui/react-components';
import { currentTheme } from './theme';

/** Renders `node` inside the Fluent provider (Office's theme unless `theme` is given) into the page's #root. */
export function mount(node: React.ReactNode, theme: Theme = currentTheme()): void {
  const el = document.getElementById('root');
  if (!el) throw new Error('no #root element');
  createRoot(el).render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      {node}
    </FluentProvider>,
  );
}
