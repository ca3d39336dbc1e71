/**
 * The function contract harness: loads the built dist/functions.js in a bare `vm` context whose only extra global
 * is a recording `CustomFunctions`, and reads dist/functions.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { type CustomFunctionsStub, createCustomFunctionsStub } from '../support/customFunctionsStub';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface ParamMeta {
  name: string;
  type?: string;
  dimensionality?: 'scalar' | 'matrix';
  optional?: boolean;
  repeating?: boolean;
}
export interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: 'scalar' | 'matrix' };
  options?: Record<string, unknown>;
}

/** dist/functions.json as parsed JSON. */
export function readMetadata(): { functions: FunctionMeta[] } {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'functions.json'), 'utf8')) as {
    functions: FunctionMeta[];
  };
}

/** Evaluates dist/functions.js in a fresh context with only `CustomFunctions` added; returns the recorder. */
export function loadBuiltFunctions(
  transform: (code: string) => string = (c) => c,
): CustomFunctionsStub & { context: vm.Context } {
  const stub = createCustomFunctionsStub();
  const context = vm.createContext({ CustomFunctions: stub });
  const code = transform(fs.readFileSync(path.join(ROOT, 'dist', 'functions.js'), 'utf8'));
  vm.runInContext(code, context, { filename: 'functions.js', timeout: 10_000 });
  return { ...stub, context };
}

/** One documented sample call: arguments as Excel passes them, and the expected value or error. */
export interface FunctionSample {
  id: string;
  /** What the sample shows, for the test name. */
  what: string;
  args: unknown[];
  /** The expected value (numbers compared to 1e-9 relative), or an expected Excel error. */
  expect: unknown;
}
