// The source files that hold JSDoc-tagged custom functions, in registration order. webpack's
// CustomFunctionsMetadataPlugin generates functions.json from them; functions/index.ts imports each one
// (a test checks both lists agree).
module.exports = [
  'functions/general.ts',
  'functions/comp.ts',
  'functions/quota.ts',
  'functions/territory.ts',
  'functions/forecast.ts',
  'functions/performance.ts',
];
