/**
 * The playground has no Excel, so no `CustomFunctions` global. The function adapter (functions/adapter.ts) builds
 * its errors with `new CustomFunctions.Error(CustomFunctions.ErrorCode.x, message)`: this shim provides the same
 * error codes and an Error class, so the functions run unchanged and their errors show as #VALUE!, #N/A, etc.
 */

const CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** The shim's error value: an Excel error code and an optional message. */
export class PlaygroundCustomFunctionError {
  readonly code: string;
  readonly message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

/** Installs `globalThis.CustomFunctions` unless a runtime (Excel, or a test stub) already provides one. */
export function installCustomFunctionsShim(): void {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  if (g.CustomFunctions !== undefined) return;
  g.CustomFunctions = {
    Error: PlaygroundCustomFunctionError,
    ErrorCode: CODES,
    associate: () => undefined,
  };
}

const KNOWN = new Set<string>(Object.values(CODES));

/** The code and message of a `CustomFunctions.Error`-like value (from this shim, Excel or a stub), else undefined. */
export function readCustomFunctionError(v: unknown): { code: string; message?: string } | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const code = (v as { code?: unknown }).code;
  if (typeof code !== 'string' || !KNOWN.has(code)) return undefined;
  const message = (v as { message?: unknown }).message;
  return { code, message: typeof message === 'string' && message !== '' ? message : undefined };
}
