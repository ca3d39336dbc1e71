/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import { renderInFluent } from './support/render';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { App } from '../../taskpane/App';
import { luminance, themeFor } from '../../taskpane/theme';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';

jest.mock('@fluentui/react-charts', () => jest.requireActual('./support/chartsMock'));
jest.mock('../../taskpane/wizards/territory/spawnWorker', () => ({ spawnWorker: () => undefined }));

describe('App shell', () => {
  it('offers the seven wizards as keyboard-operable tabs over the given port', async () => {
    const user = userEvent.setup({ delay: null });
    renderInFluent(<App port={new MemoryWorkbook()} />);
    expect(screen.getAllByRole('tab')).toHaveLength(7);
    for (const name of ['Comp plan', 'Territory', 'Quota', 'Forecast', 'Performance', 'Credit', 'Share'])
      expect(screen.getByRole('tab', { name })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Comp plan' })).toBeInTheDocument();
    // keyboard: a focused tab is chosen with Enter (arrow-key focus moves are Tabster's, which jsdom cannot lay out)
    screen.getByRole('tab', { name: 'Territory' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('region', { name: 'Territory carve' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Forecast' }));
    expect(screen.getByRole('region', { name: 'Forecast' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { current: 'step' })).toHaveTextContent('1. History');
  });
});

describe('Office theme', () => {
  it('follows the Office body colour, isDarkTheme and forced colors', () => {
    // luminance of white = 1, black = 0; #333333: channel 0.2 → ((0.2 + 0.055) / 1.055)^2.4 = 0.0331
    expect(luminance('#ffffff')).toBeCloseTo(1, 6);
    expect(luminance('#000')).toBe(0);
    expect(luminance('#333333')).toBeCloseTo(0.0331, 4);
    expect(luminance('not a colour')).toBeUndefined();
    expect(themeFor(undefined, false)).toBe(webLightTheme);
    expect(themeFor({ bodyBackgroundColor: '#FFFFFF' }, false)).toBe(webLightTheme);
    expect(themeFor({ bodyBackgroundColor: '#333333' }, false)).toBe(webDarkTheme);
    expect(themeFor({ isDarkTheme: true }, false)).toBe(webDarkTheme);
    expect(themeFor({ bodyBackgroundColor: '#FFFFFF' }, true)).toBe(teamsHighContrastTheme);
  });
});
