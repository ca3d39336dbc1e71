/* eslint-env node */
const { ensureFunctionsBuilt } = require('./build');

module.exports = async () => {
  ensureFunctionsBuilt();
};
