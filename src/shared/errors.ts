/**
 * Errors raised by the modeling core for bad input. They carry the Excel error kind they map to, so every
 * layer above (custom functions, wizards) reports them the same way.
 */

/** The Excel error kinds the core can ask for: `#VALUE!`, `#N/A`, `#NUM!`. */
export type ModelErrorKind = 'value' | 'notAvailable' | 'number';

/** A bad input that the caller can fix; `message` names the argument (or cell) and what was expected. */
export class ModelInputError extends Error {
  readonly kind: ModelErrorKind;

  constructor(message: string, kind: ModelErrorKind = 'value') {
    super(message);
    this.name = 'ModelInputError';
    this.kind = kind;
  }
}

/** Throws a `#VALUE!` input error with `message`. */
export function invalid(message: string): never {
  throw new ModelInputError(message, 'value');
}

/** Throws a `#N/A` input error (a lookup that failed) with `message`. */
export function notFound(message: string): never {
  throw new ModelInputError(message, 'notAvailable');
}

/** True when `e` is a `ModelInputError` (also across bundle copies, by name). */
export function isModelInputError(e: unknown): e is ModelInputError {
  return e instanceof ModelInputError || (e instanceof Error && e.name === 'ModelInputError' && 'kind' in e);
}

/**
 * An error in one cell of an array result (e.g. one record ROUTE cannot route), so that the rest of the array still
 * spills: the function adapter turns it into a `CustomFunctions.Error` element of the returned array, which Excel
 * shows in that cell (CustomFunctionsRuntime 1.2) with `message` in its error indicator.
 */
export class CellError {
  /** A brand, so that a copy from another bundle is recognised too. */
  readonly cellError = true;
  readonly kind: ModelErrorKind;
  readonly message: string;

  constructor(kind: ModelErrorKind, message: string) {
    this.kind = kind;
    this.message = message;
  }
}

/** True when `v` is a `CellError` (also across bundle copies, by shape). */
export function isCellError(v: unknown): v is CellError {
  return (
    v instanceof CellError ||
    (typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      (v as CellError).cellError === true &&
      typeof (v as CellError).kind === 'string')
  );
}
