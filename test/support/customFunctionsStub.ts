/**
 * A stand-in for Excel's `CustomFunctions` global: the same error codes, an `Error` class, and an `associate`
 * that records registrations. Used by unit tests of functions/ and by the contract harness.
 */
export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export type ErrorCodeValue = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class StubCustomFunctionsError {
  readonly code: string;
  readonly message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

export interface CustomFunctionsStub {
  associate(id: string | Record<string, unknown>, fn?: unknown): void;
  Error: typeof StubCustomFunctionsError;
  ErrorCode: typeof ERROR_CODES;
  associations: Map<string, (...args: unknown[]) => unknown>;
  duplicates: string[];
}

/** A fresh recording `CustomFunctions` object. */
export function createCustomFunctionsStub(): CustomFunctionsStub {
  const associations = new Map<string, (...args: unknown[]) => unknown>();
  const duplicates: string[] = [];
  const add = (id: string, fn: unknown) => {
    if (associations.has(id)) duplicates.push(id);
    associations.set(id, fn as (...args: unknown[]) => unknown);
  };
  return {
    associate(id, fn) {
      if (typeof id === 'string') add(id, fn);
      else for (const [k, v] of Object.entries(id)) add(k, v);
    },
    Error: StubCustomFunctionsError,
    ErrorCode: ERROR_CODES,
    associations,
    duplicates,
  };
}

/** True when `v` is an Excel error value from the stub; with `code`, of that code. */
export function isExcelError(v: unknown, code?: string): v is StubCustomFunctionsError {
  return v instanceof StubCustomFunctionsError && (code === undefined || v.code === code);
}
