/**
 * Entry of dist/functions.js: registers every custom function. The build (custom-functions-metadata-plugin)
 * appends a `CustomFunctions.associate(id, fn)` call to each file listed in functions/files.cjs for each JSDoc
 * `@customfunction`, and writes functions.json from the same JSDoc.
 */
import './general';
import './comp';
import './quota';
import './territory';
import './forecast';
import './performance';
