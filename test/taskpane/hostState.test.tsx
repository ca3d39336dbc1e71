/** @jest-environment jsdom */
/**
 * No silent fallback inside Office: the task pane page renders the wizards over the Excel workbook only when
 * Office.onReady says Excel; in a plain browser it shows "open this in Excel"; inside another host, or when
 * Office.js did not load or answer, an error. It never renders over an in-memory workbook.
 */
import '@testing-library/jest-dom';
import './support/dom';
import { renderInFluent } from './support/render';
import { act, screen } from '@testing-library/react';
import { HostMessage } from '../../taskpane/HostMessage';
import { type PaneState, hostHints, openedByOffice, paneStateFor } from '../../taskpane/host';

const EXCEL_WIN = '?_host_Info=Excel$Win32$16.01$en-US$$$$0';

describe('paneStateFor', () => {
  it('Excel → the wizards; a plain browser → "open this in Excel"', () => {
    expect(paneStateFor({ ready: { host: 'Excel', platform: 'PC' } }, true)).toEqual({ kind: 'excel' });
    expect(paneStateFor({ ready: { host: null, platform: null } }, false)).toEqual({ kind: 'outside' });
    expect(paneStateFor({ officeJs: 'missing' }, false)).toEqual({ kind: 'outside' });
    expect(paneStateFor({ officeJs: 'timeout', seconds: 20 }, false)).toEqual({ kind: 'outside' });
  });

  it('inside Office, anything but Excel is an error that says what to do', () => {
    const word = paneStateFor({ ready: { host: 'Word', platform: 'PC' } }, true);
    expect(word).toMatchObject({ kind: 'error', title: 'Sales Ops Modeler works in Excel only' });
    expect(paneStateFor({ ready: { host: 'Word' } }, false).kind).toBe('error');
    const missing = paneStateFor({ officeJs: 'missing' }, true);
    expect(missing).toMatchObject({ kind: 'error', title: 'Office.js did not load' });
    expect((missing as { message: string }).message).toMatch(/proxy or firewall.*reopen the task pane/s);
    expect(paneStateFor({ officeJs: 'timeout', seconds: 20 }, true)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('within 20 s'),
    });
    expect(paneStateFor({ ready: { host: null } }, true)).toMatchObject({ kind: 'error' });
  });

  it('knows when Office opened the page, from where Office.js looks for its host', () => {
    const none = {
      search: '',
      hash: '',
      frameName: '',
      storedHostInfo: null,
      externalHostInfo: false,
      embedded: false,
    };
    expect(openedByOffice(none)).toBe(false);
    expect(openedByOffice({ ...none, search: '?sheet=1', hash: '#top', frameName: 'main' })).toBe(false);
    expect(openedByOffice({ ...none, search: EXCEL_WIN })).toBe(true);
    expect(openedByOffice({ ...none, hash: '#_host_Info=Excel$Mac$16.00$en-US$$$$0' })).toBe(true);
    expect(openedByOffice({ ...none, search: '?et=&_host_Info=Excel|Web|16.00' })).toBe(true);
    expect(openedByOffice({ ...none, frameName: '{"baseFrameName":"x","hostInfo":"Excel|Web|16.00|en-US"}' })).toBe(
      true,
    );
    expect(openedByOffice({ ...none, storedHostInfo: 'Excel$Win32$16.01$en-US$$$$0' })).toBe(true);
    expect(openedByOffice({ ...none, externalHostInfo: true })).toBe(true);
    expect(openedByOffice({ ...none, embedded: true })).toBe(true);
  });

  it('reads those hints from a window', () => {
    window.history.replaceState(null, '', `/taskpane.html${EXCEL_WIN}`);
    try {
      expect(hostHints(window)).toMatchObject({ search: EXCEL_WIN, externalHostInfo: false, embedded: false });
      expect(openedByOffice(hostHints(window))).toBe(true);
      window.sessionStorage.setItem('hostInfoValue', 'Excel$Mac$16.00$en-US$$$$0');
      window.history.replaceState(null, '', '/taskpane.html');
      expect(openedByOffice(hostHints(window))).toBe(true);
      window.sessionStorage.clear();
      expect(openedByOffice(hostHints(window))).toBe(false);
      const w = window as unknown as { chrome?: unknown };
      w.chrome = { webview: {} }; // WebView2, as in Excel on Windows
      expect(openedByOffice(hostHints(window))).toBe(true);
      delete w.chrome;
    } finally {
      window.history.replaceState(null, '', '/');
      window.sessionStorage.clear();
    }
  });
});

describe('HostMessage', () => {
  const show = (state: Exclude<PaneState, { kind: 'excel' }>) => renderInFluent(<HostMessage state={state} />);

  it('outside Office: "Open this in Excel" and the way to the playground', () => {
    show({ kind: 'outside' });
    expect(screen.getByRole('status')).toHaveTextContent('Open this in Excel');
    expect(screen.getByRole('link', { name: 'playground' })).toHaveAttribute('href', 'playground.html');
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('inside Office: the error as an alert', () => {
    show({ kind: 'error', title: 'Office.js did not load', message: 'Check the network.' });
    expect(screen.getByRole('alert')).toHaveTextContent('Office.js did not loadCheck the network.');
  });
});

describe('taskpane/index.tsx', () => {
  const excelConstructed = jest.fn();
  jest.mock('../../taskpane/workbook/excel', () => ({
    ExcelWorkbook: class {
      constructor() {
        excelConstructed();
      }
    },
  }));
  jest.mock('../../taskpane/App', () => ({ App: () => <p>the wizards</p> }));
  jest.mock('../../taskpane/workbook/memory', () => {
    throw new Error('the task pane must not load the in-memory workbook');
  });

  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
    document.body.innerHTML = '';
    window.history.replaceState(null, '', '/');
    excelConstructed.mockClear();
  });

  async function boot(search: string, office?: unknown): Promise<void> {
    window.history.replaceState(null, '', `/taskpane.html${search}`);
    document.body.innerHTML = '<div id="root"></div>';
    if (office) g.Office = office;
    await act(async () => {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('../../taskpane/index');
      });
      for (let i = 0; i < 10; i++) await Promise.resolve();
    });
  }

  it('in Excel: the wizards over the Excel workbook', async () => {
    await boot(EXCEL_WIN, {
      onReady: (cb: (i: unknown) => void) => Promise.resolve(cb({ host: 'Excel', platform: 'PC' })),
    });
    expect(await screen.findByText('the wizards')).toBeInTheDocument();
    expect(excelConstructed).toHaveBeenCalledTimes(1);
    expect(document.documentElement.dataset.paneState).toBe('excel');
  });

  it('inside Office without Office.js: an error, no wizards', async () => {
    await boot(EXCEL_WIN);
    expect(await screen.findByRole('alert')).toHaveTextContent('Office.js did not load');
    expect(screen.queryByText('the wizards')).toBeNull();
    expect(excelConstructed).not.toHaveBeenCalled();
  });

  it('in Word: an error', async () => {
    await boot('?_host_Info=Word$Win32$16.01$en-US$$$$0', {
      onReady: (cb: (i: unknown) => void) => Promise.resolve(cb({ host: 'Word', platform: 'PC' })),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('works in Excel only');
  });

  it('in a plain browser: "open this in Excel"', async () => {
    await boot('', { onReady: (cb: (i: unknown) => void) => Promise.resolve(cb({ host: null, platform: null })) });
    expect(await screen.findByRole('status')).toHaveTextContent('Open this in Excel');
    expect(document.documentElement.dataset.paneState).toBe('outside');
  });

  it('when Office never answers, says so after the timeout', async () => {
    jest.useFakeTimers();
    try {
      await boot(EXCEL_WIN, { onReady: () => new Promise(() => undefined) });
      await act(async () => {
        jest.advanceTimersByTime(19_999);
        for (let i = 0; i < 10; i++) await Promise.resolve();
        expect(document.getElementById('root')).toBeEmptyDOMElement(); // still waiting at 19.999 s
        jest.advanceTimersByTime(1);
        for (let i = 0; i < 10; i++) await Promise.resolve();
        jest.advanceTimersByTime(1000); // React's own scheduling (the module registry's copy of React)
        for (let i = 0; i < 10; i++) await Promise.resolve();
      });
      jest.useRealTimers();
      expect(await screen.findByRole('alert')).toHaveTextContent('Office did not answer');
    } finally {
      jest.useRealTimers();
    }
  });
});
