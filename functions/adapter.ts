/**
 * The one wrapper every custom function runs through: it calls a core computation, maps core input errors to
 * Excel errors (`#VALUE!`/`#N/A` with the core's message, `#NUM!` for a size limit with its message or for
 * anything else without one), and checks that what goes back to
 * Excel is a valid value (a finite number, text, a boolean, or a rectangular 2-D array of those).
 */
import { type ModelErrorKind, isCellError, isModelInputError } from '../src/shared/errors';

/** A value Excel accepts back from a custom function; an array may hold errors in single cells. */
export type ExcelScalar = number | string | boolean;
export type ExcelResult = ExcelScalar | (ExcelScalar | CustomFunctions.Error)[][];

declare const CHECKED: unique symbol;
/**
 * What `excelCall` returns: an `ExcelResult` or the Excel error in its place, marked (for the type checker only;
 * nothing at run time) as having come through `excelCall`, so a declaration's `fn` cannot return a kernel's
 * result directly, even one that happens to be a valid `ExcelResult`.
 */
export type CheckedResult = (ExcelResult | CustomFunctions.Error) & { readonly [CHECKED]: true };

/** Excel caps custom error messages; longer ones are cut with an ellipsis. */
const MAX_MESSAGE = 255;

/**
 * Builds a `CustomFunctions.Error` of `kind` with `message`. A #NUM! keeps its message only when the core gave one
 * (a size limit: the message names the limit and the way round it); Excel shows messages of #VALUE! and #N/A only
 * and ignores the one of #NUM! (office-js issue #2885), the playground and the tests read it.
 */
export function excelError(kind: ModelErrorKind, message?: string): CustomFunctions.Error {
  const code =
    kind === 'notAvailable'
      ? CustomFunctions.ErrorCode.notAvailable
      : kind === 'value'
        ? CustomFunctions.ErrorCode.invalidValue
        : CustomFunctions.ErrorCode.invalidNumber;
  if (message === undefined) return new CustomFunctions.Error(code);
  const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  return new CustomFunctions.Error(code, text);
}

/** Thrown by `checkResult` when a computation produced something Excel cannot show (NaN, Infinity, ragged). */
class BadResult extends Error {}

function checkScalar(v: unknown): ExcelScalar {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new BadResult('non-finite number');
    return Object.is(v, -0) ? 0 : v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  throw new BadResult(`unsupported value of type ${typeof v}`);
}

/** A cell of an array result: a core `CellError` becomes that cell's Excel error (the rest of the array spills). */
function checkCell(v: unknown): ExcelScalar | CustomFunctions.Error {
  return isCellError(v) ? excelError(v.kind, v.message) : checkScalar(v);
}

/**
 * Validates a result for Excel: blanks (`null`) in arrays become "", a `CellError` in an array becomes an error in
 * that cell (Excel accepts `CustomFunctions.Error` elements in a returned array), anything non-finite is refused.
 */
export function checkResult(v: unknown): ExcelResult {
  if (!Array.isArray(v)) return checkScalar(v);
  if (v.length === 0) throw new BadResult('empty array');
  const rows = v.map((r) => (Array.isArray(r) ? r : [r]));
  const w = rows[0].length;
  if (w === 0) throw new BadResult('empty row');
  return rows.map((r) => {
    if (r.length !== w) throw new BadResult('ragged array');
    return r.map(checkCell);
  });
}

/**
 * Runs `compute(...args)` and returns its result checked for Excel, or the Excel error that stands for what went
 * wrong. Never throws. Passing the arguments through (`excelCall(commissionOf, amount, tiers, method)`) instead of
 * capturing them in a closure saves an allocation per call, which counts for functions filled down a column.
 */
export function excelCall<A extends unknown[]>(compute: (...args: A) => unknown, ...args: A): CheckedResult {
  try {
    const result = compute(...args);
    // A finite number, most functions' result, without the general check (−0 becomes 0, as there).
    if (typeof result === 'number' && result - result === 0) return (result + 0) as CheckedResult;
    return checkResult(result) as CheckedResult;
  } catch (e) {
    if (isModelInputError(e)) return excelError(e.kind, e.message) as CheckedResult;
    return excelError('number') as CheckedResult;
  }
}
