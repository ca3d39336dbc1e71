/**
 * Entry of dist/functions.js: registers every custom function of functions/catalog.ts with Excel. functions.json
 * is written from the same list at build time (scripts/functionsJsonPlugin.cjs).
 */
import { SALESOPS_FUNCTIONS } from './catalog';

for (const f of SALESOPS_FUNCTIONS) CustomFunctions.associate(f.name, f.fn);
