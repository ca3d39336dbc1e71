/**
 * The function declarations (functions/catalog.ts) without a build: they are well formed, and the functions.json
 * they derive is the committed contract, test/contract/functions.snapshot.json, to the byte. A change to a name,
 * a description or a parameter is a change of the contract Excel sees: make it on purpose and refresh the snapshot
 * with `UPDATE_FUNCTIONS_SNAPSHOT=1 npx jest test/contract/declarations.test.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SALESOPS_FUNCTIONS } from '../../functions/catalog';
import { excelCall } from '../../functions/adapter';
import {
  type FunctionDeclaration,
  checkDeclarations,
  functionsJson,
  functionsMetadata,
} from '../../functions/declaration';

const SNAPSHOT = path.join(__dirname, 'functions.snapshot.json');

test('the declarations are well formed (unique upper-case names, optional parameters last, descriptions)', () => {
  expect(checkDeclarations(SALESOPS_FUNCTIONS)).toEqual([]);
});

test('negative control: a malformed declaration list is reported', () => {
  const [first] = SALESOPS_FUNCTIONS;
  const bad = [first, first, { ...first, name: 'lower', parameters: [{ name: 'x', description: '' }] }];
  expect(checkDeclarations(bad)).toEqual([
    `${first.name}: declared twice`,
    'lower: the name must be upper case',
    `lower: fn takes ${first.fn.length} arguments, 1 declared`,
    'lower: x has no description',
  ]);
});

test('the derived functions.json is the committed snapshot, byte for byte', () => {
  const derived = functionsJson(SALESOPS_FUNCTIONS);
  if (process.env.UPDATE_FUNCTIONS_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, derived);
  expect(derived).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
});

test('the derivation is deterministic and keeps the declared order', () => {
  expect(functionsJson(SALESOPS_FUNCTIONS)).toBe(functionsJson(SALESOPS_FUNCTIONS));
  expect(functionsMetadata(SALESOPS_FUNCTIONS).functions.map((f) => f.id)).toEqual(
    SALESOPS_FUNCTIONS.map((f) => f.name),
  );
});

test('a declaration calls its kernel through excelCall: returning the kernel directly is a type error', () => {
  const kernel = (): number[][] => [[1]];
  const through: FunctionDeclaration = { name: 'X', description: 'x', parameters: [], fn: () => excelCall(kernel) };
  // `npm run typecheck` fails if this stops being an error (a number[][] is a valid ExcelResult, but unchecked).
  // @ts-expect-error: a kernel's result is not a CheckedResult.
  const direct: FunctionDeclaration = { name: 'X', description: 'x', parameters: [], fn: () => kernel() };
  expect(through.fn()).toEqual([[1]]);
  expect(direct.fn()).toEqual([[1]]);
});
