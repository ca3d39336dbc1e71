/**
 * The one declaration of a custom function: its name, descriptions, parameters, result shape and the function
 * Excel calls. Each domain file (functions/<domain>.ts) exports a table of these; functions/catalog.ts joins the
 * tables, and from that list come functions.json (`functionsJson`, written by the build), the
 * `CustomFunctions.associate` calls (functions/index.ts) and the playground's registry.
 */
import type { CheckedResult } from './adapter';

/** One parameter, as functions.json states it. */
export interface ParameterDeclaration {
  /** The argument name Excel shows, snake_case (e.g. "target_incentive"); error messages name it. */
  name: string;
  /** One sentence with units, shown in Excel's formula builder. */
  description: string;
  /** "matrix": the argument is a range (a 2-D array); omitted: a single value. */
  dimensionality?: 'matrix';
  /** An optional argument (Excel passes null when it is left out); optional ones come last. */
  optional?: true;
  /** What Excel passes; "any" (the default) lets the core coerce, as every function here does. */
  type?: 'any' | 'number' | 'string' | 'boolean';
}

/**
 * The function Excel calls: parameters `any` (Excel passes untyped cells), one per declared parameter and without
 * default values (`Function.length` is the declared count, which the contract test checks), returning what
 * `excelCall` (or a `ResultCache`'s `call`) returns: an `ExcelResult` or a `CustomFunctions.Error`, typed
 * `CheckedResult` so that a declaration calling a kernel directly, skipping `excelCall`, is a type error.
 */
export type ExcelFunction = (...args: any[]) => CheckedResult;

/** One custom function: SALESOPS.<name>. */
export interface FunctionDeclaration {
  /** The upper-case name (and id) after the SALESOPS. namespace, e.g. "PAYOUT". */
  name: string;
  /** One or two sentences on what the function returns, with units. */
  description: string;
  parameters: readonly ParameterDeclaration[];
  /** "matrix": the result spills (a 2-D array); omitted: a single value. */
  result?: 'matrix';
  /** The adapter: `(a, b, …) => excelCall(kernel, a, b, …)`. */
  fn: ExcelFunction;
}

/** A parameter of functions.json, its keys in the order the metadata tooling writes them. */
interface ParameterMetadata {
  description: string;
  dimensionality?: 'matrix';
  name: string;
  optional?: true;
  type: string;
}

interface FunctionMetadata {
  description: string;
  id: string;
  name: string;
  parameters: ParameterMetadata[];
  result: { dimensionality?: 'matrix' };
}

/** The functions.json object for `declarations` (in their order). */
export function functionsMetadata(declarations: readonly FunctionDeclaration[]): {
  allowCustomDataForDataTypeAny: boolean;
  functions: FunctionMetadata[];
} {
  return {
    allowCustomDataForDataTypeAny: true,
    functions: declarations.map((d) => ({
      description: d.description,
      id: d.name,
      name: d.name,
      parameters: d.parameters.map((p) => ({
        description: p.description,
        ...(p.dimensionality === undefined ? {} : { dimensionality: p.dimensionality }),
        name: p.name,
        ...(p.optional ? { optional: true as const } : {}),
        type: p.type ?? 'any',
      })),
      result: d.result === undefined ? {} : { dimensionality: d.result },
    })),
  };
}

/** The text of functions.json: four-space indentation, no final newline (as the Office tooling wrote it). */
export function functionsJson(declarations: readonly FunctionDeclaration[]): string {
  return JSON.stringify(functionsMetadata(declarations), null, 4);
}

/** Checks a declaration list: unique upper-case names, optional parameters last, every description given. */
export function checkDeclarations(declarations: readonly FunctionDeclaration[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const d of declarations) {
    if (!/^[A-Z][A-Z0-9.]*$/.test(d.name)) problems.push(`${d.name}: the name must be upper case`);
    if (seen.has(d.name)) problems.push(`${d.name}: declared twice`);
    seen.add(d.name);
    if (d.description.trim() === '') problems.push(`${d.name}: no description`);
    if (d.fn.length !== d.parameters.length)
      problems.push(`${d.name}: fn takes ${d.fn.length} arguments, ${d.parameters.length} declared`);
    d.parameters.forEach((p, i) => {
      if (p.description.trim() === '') problems.push(`${d.name}: ${p.name} has no description`);
      if (!p.optional && d.parameters.slice(0, i).some((q) => q.optional))
        problems.push(`${d.name}: ${p.name} is required after an optional parameter`);
    });
  }
  return problems;
}
