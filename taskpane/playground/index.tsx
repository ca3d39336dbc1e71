import { App } from '../App';
import { mount } from '../mount';
import { buildSampleWorkbook } from '../../sample/workbook';
import { loadSample } from './loadSample';

// The stand-alone playground: the task pane without Excel, on the sample company.
const { workbook } = loadSample(buildSampleWorkbook());
mount(<App port={workbook} />);
