import { mount } from '../mount';
import { buildSampleWorkbook } from '../../sample/workbook';
import { loadSample, workbookSnapshot } from './loadSample';
import { Playground } from './Playground';

// The stand-alone playground: the task pane without Excel, on the sample company.
const sheets = buildSampleWorkbook();
const { workbook, engine } = loadSample(sheets);
const widths = Object.fromEntries(sheets.map((s) => [s.name, s.widths ?? []]));

// A read-only handle for the browser console and the determinism test: every sheet's values, as computed here.
(globalThis as unknown as { salesOpsPlayground: { snapshot: () => Promise<unknown> } }).salesOpsPlayground = {
  snapshot: () => workbookSnapshot(workbook),
};

mount(<Playground workbook={workbook} engine={engine} widths={widths} />);
