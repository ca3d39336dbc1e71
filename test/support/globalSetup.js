/* eslint-env node */
// Builds what the tests load, once, before any worker starts: dist/functions.js always (when stale) and, for a
// run that may include the browser or security tests, the pages too, so parallel workers never build at once.
const { ensureFunctionsBuilt, ensurePagesBuilt } = require('./build');

module.exports = async (globalConfig) => {
  ensureFunctionsBuilt();
  const selection = [globalConfig.testPathPattern || '', ...(globalConfig.nonFlagArgs || [])].join(' ').trim();
  if (selection === '' || /e2e|security/.test(selection)) ensurePagesBuilt();
};
