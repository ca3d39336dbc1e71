import { App } from './App';
import { mount } from './mount';

// Inside Office, render once Office.js is ready; in a plain browser (no Office global), render at once.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => mount(<App />));
} else {
  mount(<App />);
}
