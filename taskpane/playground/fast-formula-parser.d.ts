// Minimal typings for fast-formula-parser (MIT), as used by the playground's formula engine.
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export interface Position {
    sheet: string;
    row: number;
    col: number;
  }
  /** An argument as the parser hands it to a function. */
  export interface FunctionArg {
    value: unknown;
    isArray: boolean;
    omitted?: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
  }
  export class FormulaError {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    readonly message: string;
    static DIV0: FormulaError;
    static NA: FormulaError;
    static NAME: FormulaError;
    static NULL: FormulaError;
    static NUM: FormulaError;
    static REF: FormulaError;
    static VALUE: FormulaError;
  }
  export interface ParserConfig {
    functions?: Record<string, (...args: FunctionArg[]) => unknown>;
    onCell?: (ref: CellRef & { sheet: string }) => unknown;
    onRange?: (ref: RangeRef & { sheet: string }) => unknown[][];
    onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null;
  }
  export default class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: Position, allowReturnArray?: boolean): unknown;
    static FormulaError: typeof FormulaError;
    static DepParser: typeof DepParser;
  }
  export class DepParser {
    constructor(config?: { onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null });
    parse(formula: string, position: Position): (CellRef | RangeRef)[];
  }
}
