import { App } from './App';
import { HostMessage } from './HostMessage';
import { type Boot, READY_TIMEOUT_S, hostHints, openedByOffice, paneStateFor } from './host';
import { mount } from './mount';
import { ExcelWorkbook } from './workbook/excel';

// Inside Excel, render the wizards over the Excel adapter once Office.js is ready. Anywhere else, say so (see
// host.ts): the "open this in Excel" state in a plain browser, an error inside another host or when Office.js
// did not load or answer. Never an in-memory workbook here: that is the playground's.
function boot(): Promise<Boot> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return Promise.resolve({ officeJs: 'missing' });
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ officeJs: 'timeout', seconds: READY_TIMEOUT_S }), READY_TIMEOUT_S * 1000);
    void Office.onReady((info) => {
      clearTimeout(timer);
      resolve({
        ready: { host: info.host ? String(info.host) : null, platform: info.platform ? String(info.platform) : null },
      });
    });
  });
}

void boot().then((b) => {
  const state = paneStateFor(b, openedByOffice(hostHints(window)));
  document.documentElement.dataset.paneState = state.kind;
  mount(state.kind === 'excel' ? <App port={new ExcelWorkbook()} /> : <HostMessage state={state} />);
});
