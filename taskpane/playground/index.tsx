import { mount } from '../mount';
import { buildSampleWorkbook } from '../../sample/workbook';
import { workbookSnapshot } from './loadSample';
import { Playground, bookOf, type PlaygroundBook } from './Playground';

// The stand-alone playground: the task pane without Excel, on the sample company (or a workbook the user opens).
// The grid paints at once; the formulas compute in the background (see useBackgroundCompute).
const initial = bookOf(buildSampleWorkbook(), 'SalesOps-Sample.xlsx');
let current: PlaygroundBook = initial;

// A read-only handle for the browser console and the tests: every sheet's values once computed, and progress.
(globalThis as unknown as { salesOpsPlayground: unknown }).salesOpsPlayground = {
  snapshot: async () => {
    while (current.engine.computeSome(1000) > 0) await new Promise((r) => setTimeout(r, 0));
    return workbookSnapshot(current.workbook);
  },
  pending: () => current.engine.pendingCount(),
  /** Every formula cell as "Sheet!A1=formula" lines, in order. */
  formulas: () => current.workbook.formulaCells().map((f) => `${f.sheet}!${f.address}${f.formula}`),
};

mount(<Playground initial={initial} onBook={(b) => (current = b)} />);
