/**
 * What the task pane page shows, decided from what Office.js reported: the wizards over the Excel workbook inside
 * Excel; the "open this in Excel" state in a plain browser; an error inside an Office host that is not Excel or
 * where Office.js did not load or answer. Never the in-memory workbook: a wizard there would "write" and nothing
 * would reach the workbook (the in-memory workbook is for the playground and the tests).
 */

/** What `Office.onReady` resolves with (`host` and `platform` are null outside Office). */
export interface ReadyInfo {
  host?: string | null;
  platform?: string | null;
}

/** How the page was started: Office.onReady answered, Office.js was missing, or it did not answer in time. */
export type Boot = { ready: ReadyInfo } | { officeJs: 'missing' } | { officeJs: 'timeout'; seconds: number };

/** What the pane shows. */
export type PaneState = { kind: 'excel' } | { kind: 'outside' } | { kind: 'error'; title: string; message: string };

/** How long to wait for Office.onReady before saying that Office did not answer (s). */
export const READY_TIMEOUT_S = 20;

/** What the page can see of the app that opened it, before and without Office.js. */
export interface HostHints {
  search: string;
  hash: string;
  /** `window.name`: Office on the web names the add-in's frame with JSON holding `hostInfo` and `xdmInfo`. */
  frameName: string;
  /** `sessionStorage.hostInfoValue`, where Office.js keeps the host info across reloads of the pane. */
  storedHostInfo: string | null;
  /** Windows desktop: `window.external.GetHostInfo` (the Office host object). */
  externalHostInfo: boolean;
  /** Office's embedding webviews: `agaveHost` (Mac), `chrome.webview` (WebView2 on Windows). */
  embedded: boolean;
}

/**
 * True when Office opened the page. Office.js finds its host in these same places: `_host_Info=<App>$<Platform>$…`
 * in the URL's query or hash, `window.external.GetHostInfo()`, the `agaveHost` object, the frame's name, or
 * sessionStorage; a webview (WebView2, WKWebView with `agaveHost`) is never a plain browser tab either.
 */
export function openedByOffice(h: HostHints): boolean {
  return (
    /[?&#]_host_Info=/i.test(`${h.search}&${h.hash}`) ||
    /_host_Info|hostInfo|xdmInfo/i.test(h.frameName) ||
    Boolean(h.storedHostInfo) ||
    h.externalHostInfo ||
    h.embedded
  );
}

/** The hints of `w` (a window), each read defensively: a sandboxed frame may refuse sessionStorage. */
export function hostHints(w: Window): HostHints {
  const g = w as unknown as {
    external?: { GetHostInfo?: unknown };
    agaveHost?: unknown;
    chrome?: { webview?: unknown };
  };
  let storedHostInfo: string | null = null;
  try {
    storedHostInfo = w.sessionStorage.getItem('hostInfoValue');
  } catch {
    storedHostInfo = null;
  }
  return {
    search: w.location.search,
    hash: w.location.hash,
    frameName: w.name,
    storedHostInfo,
    externalHostInfo: typeof g.external?.GetHostInfo === 'function',
    embedded: g.agaveHost !== undefined || g.chrome?.webview !== undefined,
  };
}

/** The pane's state for how the page started (`boot`) and whether Office opened it (`byOffice`). */
export function paneStateFor(boot: Boot, byOffice: boolean): PaneState {
  if ('ready' in boot) {
    const host = boot.ready.host;
    if (typeof host === 'string' && host.toLowerCase() === 'excel') return { kind: 'excel' };
    if (host) {
      return {
        kind: 'error',
        title: 'Sales Ops Modeler works in Excel only',
        message: `This is ${host}. Open an Excel workbook and start Sales Ops Modeler from Home › Sales Ops Modeler.`,
      };
    }
    if (!byOffice) return { kind: 'outside' };
    return {
      kind: 'error',
      title: 'Office did not say which app this is',
      message:
        'Office.js started but reported no host, so the wizards cannot reach the workbook. Close the task pane ' +
        'and open it again; if it stays, restart Excel.',
    };
  }
  if (!byOffice) return { kind: 'outside' };
  if (boot.officeJs === 'missing') {
    return {
      kind: 'error',
      title: 'Office.js did not load',
      message:
        'The task pane could not load Office.js from https://appsforoffice.microsoft.com, so it cannot reach the ' +
        'workbook and nothing would be written. Check the network (a proxy or firewall may block that address), ' +
        'then close and reopen the task pane. Developers behind a firewall: OFFICE_JS=local npm start.',
    };
  }
  return {
    kind: 'error',
    title: 'Office did not answer',
    message:
      `Office.js loaded but Office did not report ready within ${boot.seconds} s. Close the task pane and open it ` +
      'again; if it stays, restart Excel.',
  };
}
