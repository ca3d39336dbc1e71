import { App } from './App';
import { mount } from './mount';
import { ExcelWorkbook } from './workbook/excel';
import { MemoryWorkbook } from './workbook/memory';

// Inside Office, render once Office.js is ready, over the Excel adapter. In a plain browser (no Office global),
// render over an empty in-memory workbook so the pane can still be looked at.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => mount(<App port={new ExcelWorkbook()} />));
} else {
  mount(<App port={new MemoryWorkbook()} />);
}
