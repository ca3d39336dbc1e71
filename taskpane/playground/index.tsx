import { mount } from '../mount';
import { buildSampleWorkbook } from '../../sample/workbook';
import { loadSample } from './loadSample';
import { Playground } from './Playground';

// The stand-alone playground: the task pane without Excel, on the sample company.
const sheets = buildSampleWorkbook();
const { workbook, engine } = loadSample(sheets);
const widths = Object.fromEntries(sheets.map((s) => [s.name, s.widths ?? []]));
mount(<Playground workbook={workbook} engine={engine} widths={widths} />);
