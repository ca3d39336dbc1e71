import { App } from '../App';
import { mount } from '../mount';

// The stand-alone playground: the task pane without Excel.
mount(<App />);
