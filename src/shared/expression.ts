/**
 * Formula rules (e.g. a plan component `min(attainment, 1.5) * target_incentive * (new_logos >= 3 ? 1.1 : 1)`),
 * read and evaluated by a locked-down mathjs instance. Locked down three ways (SECURITY.md, "Formula rules"):
 *
 * 1. The instance is built with `create()` from the number-only factories plan rules need (arithmetic,
 *    comparison, and/or/not, min, max, abs, round, floor, ceil, plus our `clamp`): no matrices, units, strings,
 *    BigNumbers, no `evaluate`, `simplify`, `derivative`, `resolve`. After our `parse` and `compile` are taken,
 *    `import`, `createUnit`, `evaluate`, `parse`, `compile`, `simplify`, `derivative` and `resolve` are replaced
 *    on the instance by functions that throw (mathjs' own security guidance).
 * 2. Before parsing: at most EXPRESSION_LIMITS.length characters, only the characters of arithmetic (no quotes,
 *    brackets, braces, semicolons, `$`, `@`, `#`, backslashes), and at most EXPRESSION_LIMITS.depth nested
 *    parentheses. After parsing, a whitelist walk of the tree: finite number constants, symbols that are
 *    variables of the plan, the allowed operators, `?:`, parentheses, and calls of the allowed functions by name
 *    with their arity — nothing else (no accessors, assignments, function definitions, objects, arrays, indexes,
 *    ranges, blocks, strings, booleans); tree depth at most EXPRESSION_LIMITS.depth.
 * 3. Evaluation passes only numbers (a Map of the variables the formula reads) and accepts only a finite number
 *    (or a comparison's true/false, as 1/0) back.
 *
 * Parse and check once (`compileExpression`), evaluate per rep (`evaluate`): pure number → number, deterministic.
 * The core keeps no state: the instance below is built once at load and never changed after (memos of compiled
 * plans live outside src/).
 */
import {
  type MathNode,
  absDependencies,
  addDependencies,
  andDependencies,
  ceilDependencies,
  compileDependencies,
  create,
  divideDependencies,
  equalDependencies,
  floorDependencies,
  largerDependencies,
  largerEqDependencies,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  powDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
} from 'mathjs/number';
import { invalid } from './errors';

/** Limits of a formula: characters, and nesting depth (of parentheses, and of the parsed tree). */
export const EXPRESSION_LIMITS = { length: 1_000, depth: 32 } as const;

/** The functions a formula may call: name → [least, most] arguments, and what it does (for the wizard). */
export const EXPRESSION_FUNCTIONS: Readonly<Record<string, { arity: readonly [number, number]; doc: string }>> = {
  min: { arity: [1, 32], doc: 'min(a, b, …): the smallest' },
  max: { arity: [1, 32], doc: 'max(a, b, …): the largest' },
  abs: { arity: [1, 1], doc: 'abs(x): the absolute value' },
  round: { arity: [1, 2], doc: 'round(x) or round(x, digits): half away from zero' },
  floor: { arity: [1, 1], doc: 'floor(x): down to a whole number' },
  ceil: { arity: [1, 1], doc: 'ceil(x): up to a whole number' },
  clamp: { arity: [3, 3], doc: 'clamp(x, low, high): x kept between low and high' },
};

/** mathjs operator function → the operator as written, for messages and the wizard. */
const OPERATORS: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  unaryMinus: '-',
  unaryPlus: '+',
  smaller: '<',
  larger: '>',
  smallerEq: '<=',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
  and: 'and',
  or: 'or',
  not: 'not',
};

/** The operators a formula may use, as written (the wizard lists them). */
export const EXPRESSION_OPERATORS: readonly string[] = [
  '+ - * / ^',
  '< <= > >= == !=',
  'and or not',
  'condition ? a : b',
];

/** Words a variable can never be named (operators, constants of the parser, functions). */
const RESERVED = new Set([
  'and',
  'or',
  'not',
  'xor',
  'mod',
  'to',
  'in',
  'true',
  'false',
  'null',
  'undefined',
  'end',
  ...Object.keys(EXPRESSION_FUNCTIONS),
]);

// The instance: only the factories above; config number-only; then the risky functions replaced by throwers.
const math = create(
  {
    parseDependencies,
    compileDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    powDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
    smallerDependencies,
    largerDependencies,
    smallerEqDependencies,
    largerEqDependencies,
    equalDependencies,
    unequalDependencies,
    andDependencies,
    orDependencies,
    notDependencies,
    minDependencies,
    maxDependencies,
    absDependencies,
    roundDependencies,
    floorDependencies,
    ceilDependencies,
  },
  { number: 'number', matrix: 'Array' },
);
const parse = math.parse;
const disabled = (name: string) => () => {
  throw new Error(`${name} is disabled in plan formulas`);
};
math.import(
  {
    clamp: (x: number, low: number, high: number): number => Math.min(Math.max(x, low), high),
    ...Object.fromEntries(
      ['import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'derivative', 'resolve'].map((n) => [
        n,
        disabled(n),
      ]),
    ),
  },
  { override: true },
);

// Warm-up: mathjs' typed functions settle their conversions on their first call; one evaluation of every operator
// and function at load keeps that (up to ~15 ms) out of the first rep's formula.
parse(
  'clamp(max(min(abs(-x), round(x, 1), floor(x), ceil(x)), 1), 0, 2) ^ 2 / 3 * 1 - +1 < 1 <= 1 > 1 >= (1 == 1) != 1 and 1 or not 1 ? 1 : 0',
)
  .compile()
  .evaluate(new Map([['x', 1.5]]));

/** Where a formula went wrong: a message and the 1-based character position (0 when it is the whole formula). */
export interface ExpressionProblem {
  readonly message: string;
  readonly position: number;
}

/** A checked and compiled formula. */
export interface CompiledExpression {
  readonly source: string;
  /** The variables it reads (canonical names), in order of first appearance. */
  readonly reads: readonly string[];
  /** Evaluates with `value(name)` for each variable it reads; a finite number, or throws naming `where`. */
  evaluate(value: (name: string) => number): number;
}

/**
 * A plan-table header or measure name as a variable name: accents dropped, lower case, every run of other
 * characters one `_`, no `_` at either end; a leading digit gets `m_` (`New logos` → `new_logos`,
 * `2025 ARR (€)` → `m_2025_arr`). Variables match ignoring case and `_`, so `newlogos` reads `new_logos`.
 */
export function variableName(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(s) ? `m_${s}` : s;
}

/** The key variables match by: lower case, no `_`. */
function variableKey(name: string): string {
  return name.toLowerCase().replace(/_/g, '');
}

/** Why `name` cannot be a variable (a reserved word or a function name), or undefined when it can. */
export function reservedVariable(name: string): string | undefined {
  if (name === '') return 'it has no letters or digits';
  if (RESERVED.has(variableKey(name)) || RESERVED.has(name)) return `"${name}" is a word of the formula language`;
  return undefined;
}

const ALLOWED_CHARS = /^[A-Za-z0-9_ \t\r\n.,+\-*/^()<>=!?:]*$/;

/** The 1-based position of the first match of `re` in `s`, or 0. */
function positionOf(s: string, re: RegExp): number {
  const m = re.exec(s);
  return m ? m.index + 1 : 0;
}

/** The 1-based position of `word` as a whole identifier in `s`, or 0. */
function wordPosition(s: string, word: string): number {
  const esc = word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  return positionOf(s, new RegExp(`(?<![A-Za-z0-9_.])${esc}(?![A-Za-z0-9_])`));
}

const WORD_OPERATORS = new Set(['and', 'or', 'not', 'xor', 'mod', 'to', 'in']);

/**
 * Where two values stand side by side (mathjs would read `2x`, `x y`, `(a)(b)` as a product, with a precedence
 * of its own: `x/2y` is x/(2y) but `1/2x` is x/2): the 1-based position of the second value and both as written,
 * or undefined.
 */
function implicitProduct(s: string): { position: number; left: string; right: string } | undefined {
  const tokens = s.matchAll(/(\d+\.?\d*|\.\d+)(e[+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|\S/gi);
  let prev: { text: string; value: boolean } | undefined;
  for (const m of tokens) {
    const t = m[0];
    const word = /^[A-Za-z_]/.test(t);
    const isOp = word && WORD_OPERATORS.has(t.toLowerCase());
    const starts = (word && !isOp) || /^[\d.]/.test(t) || t === '(';
    // a name followed by "(" is a call, not a product
    const call = t === '(' && prev !== undefined && /^[A-Za-z_]/.test(prev.text);
    if (prev?.value && starts && !call) return { position: m.index + 1, left: prev.text, right: t };
    prev = { text: t, value: (word && !isOp) || /^[\d.]/.test(t) || t === ')' };
  }
  return undefined;
}

/** True for a binary operator that chains left to right with the same kind (a + b - c, a * b / c, a and b and c). */
function chainFamily(fn: string): string | undefined {
  return fn === 'add' || fn === 'subtract'
    ? '+'
    : fn === 'multiply' || fn === 'divide'
      ? '*'
      : fn === 'and' || fn === 'or'
        ? fn
        : undefined;
}

/** The value of a constant argument (a number, maybe signed or in parentheses), or undefined. */
function constantOf(n: MathNode): number | undefined {
  const x = n as MathNode & Record<string, unknown>;
  if (n.type === 'ConstantNode') return typeof x.value === 'number' ? x.value : undefined;
  if (n.type === 'ParenthesisNode') return constantOf(x.content as MathNode);
  if (n.type === 'OperatorNode' && (x.args as MathNode[]).length === 1) {
    const v = constantOf((x.args as MathNode[])[0]);
    if (v === undefined) return undefined;
    return x.fn === 'unaryMinus' ? -v : x.fn === 'unaryPlus' ? v : undefined;
  }
  return undefined;
}

type Walked = { problem: ExpressionProblem } | { reads: string[]; symbols: Map<string, string> };

/**
 * Checks a formula against the variables `allowed` (canonical names): the message and 1-based position of the
 * first problem, or what it reads. The wizard calls it as the user types.
 */
export function checkExpression(source: string, allowed: readonly string[]): ExpressionProblem | undefined {
  const r = walk(source, allowed);
  return 'problem' in r ? r.problem : undefined;
}

function walk(source: string, allowed: readonly string[]): Walked & { node?: MathNode } {
  const fail = (message: string, position = 0): Walked => ({ problem: { message, position } });
  if (source.trim() === '') return fail('the formula is empty');
  if (source.length > EXPRESSION_LIMITS.length) {
    return fail(
      `the formula has ${source.length} characters; at most ${EXPRESSION_LIMITS.length}. Split it into components, each using the one before by name`,
      EXPRESSION_LIMITS.length + 1,
    );
  }
  if (!ALLOWED_CHARS.test(source)) {
    const at = positionOf(source, /[^A-Za-z0-9_ \t\r\n.,+\-*/^()<>=!?:]/);
    const ch = source[at - 1];
    const what =
      ch === '"' || ch === "'"
        ? 'text (quotes) is not allowed; formulas work on numbers'
        : ch === '[' || ch === ']'
          ? 'lists and indexes ([ ]) are not allowed'
          : ch === '{' || ch === '}'
            ? 'objects ({ }) are not allowed'
            : ch === ';'
              ? 'one formula per component: ";" is not allowed'
              : ch === '%'
                ? '"%" is not allowed; write 0.05 for 5%'
                : `the character "${ch}" is not allowed`;
    return fail(what, at);
  }
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')') depth--;
    if (depth > EXPRESSION_LIMITS.depth) {
      return fail(`parentheses nest more than ${EXPRESSION_LIMITS.depth} deep`, i + 1);
    }
  }
  let node: MathNode;
  try {
    node = parse(source.replace(/[\r\n\t]/g, ' '));
  } catch (e) {
    if (e instanceof RangeError) return fail('the formula nests too deeply');
    const msg = e instanceof Error ? e.message : String(e);
    const char = (e as { char?: unknown }).char;
    const m = /^(.*?)(\s*\(char \d+\))?$/.exec(msg);
    return fail(`cannot read the formula: ${(m?.[1] ?? msg).replace(/\.$/, '')}`, typeof char === 'number' ? char : 0);
  }
  const byKey = new Map<string, string>();
  for (const v of allowed) byKey.set(variableKey(v), v);
  const reads: string[] = [];
  const symbols = new Map<string, string>();
  const problem = check(node, 0);
  if (problem) return { problem };
  return { reads, symbols, node };

  function check(n: MathNode, level: number): ExpressionProblem | undefined {
    if (level > EXPRESSION_LIMITS.depth) {
      return { message: `the formula nests more than ${EXPRESSION_LIMITS.depth} deep`, position: 0 };
    }
    const x = n as MathNode & Record<string, unknown>;
    switch (n.type) {
      case 'ConstantNode': {
        const v = x.value;
        if (typeof v === 'number' && Number.isFinite(v)) return undefined;
        if (typeof v === 'number') {
          const word = /^(NaN|-?Infinity)$/.test(String(v)) && wordPosition(source, String(v).replace('-', ''));
          return word
            ? { message: `"${String(v).replace('-', '')}" is not allowed; numbers must be finite`, position: word }
            : { message: 'a number is too large', position: positionOf(source, /\d[\d.]*e\+?\d{3,}/i) };
        }
        const word = String(v);
        return {
          message:
            typeof v === 'boolean' || v === null || v === undefined
              ? `"${word}" is not allowed; use a comparison (e.g. attainment >= 1) or 1 and 0`
              : 'text is not allowed; formulas work on numbers',
          position: wordPosition(source, word),
        };
      }
      case 'SymbolNode': {
        const name = x.name as string;
        if (name.startsWith('__') || name in Object.prototype) {
          const v = byKey.get(variableKey(name));
          return {
            message: `"${name}" is not allowed as a name${v ? `; write the variable as ${v}` : ''}`,
            position: wordPosition(source, name),
          };
        }
        const v = byKey.get(variableKey(name));
        if (v === undefined || RESERVED.has(name)) {
          const isFn = Object.prototype.hasOwnProperty.call(EXPRESSION_FUNCTIONS, name);
          return {
            message: isFn
              ? `${name} is a function: call it as ${EXPRESSION_FUNCTIONS[name].doc.split(':')[0]}`
              : `unknown variable "${name}"; the variables are: ${allowed.join(', ')}`,
            position: wordPosition(source, name),
          };
        }
        if (!symbols.has(name)) symbols.set(name, v);
        if (!reads.includes(v)) reads.push(v);
        return undefined;
      }
      case 'ParenthesisNode':
        return check(x.content as MathNode, level + 1);
      case 'ConditionalNode':
        return (
          check(x.condition as MathNode, level + 1) ??
          check(x.trueExpr as MathNode, level + 1) ??
          check(x.falseExpr as MathNode, level + 1)
        );
      case 'OperatorNode': {
        const fn = x.fn as string;
        if (!Object.prototype.hasOwnProperty.call(OPERATORS, fn)) {
          const op = x.op as string;
          const hint = op === '!' ? '; for "not equal" write !=, for "not" write not' : '';
          return {
            message: `the operator "${op}" is not allowed${hint}`,
            position: op === '!' ? positionOf(source, /!(?!=)/) : wordPosition(source, op) || source.indexOf(op) + 1,
          };
        }
        if (x.implicit === true) {
          const at = implicitProduct(source);
          return {
            message: at
              ? `write * between "${at.left}" and "${at.right}" (a product needs its *)`
              : 'write * between the values of a product',
            position: at?.position ?? 0,
          };
        }
        const args = x.args as MathNode[];
        const family = args.length === 2 ? chainFamily(fn) : undefined;
        for (const [i, a] of args.entries()) {
          // a + b + c … is one chain, not a nesting: its left-hand links do not count as depth
          const y = a as MathNode & Record<string, unknown>;
          const link =
            i === 0 && family !== undefined && a.type === 'OperatorNode' && chainFamily(y.fn as string) === family;
          const p = check(a, link ? level : level + 1);
          if (p) return p;
        }
        return undefined;
      }
      case 'RelationalNode': {
        // a < b <= c: each comparison must be one of ours
        for (const c of x.conditionals as string[]) {
          if (!Object.prototype.hasOwnProperty.call(OPERATORS, c)) {
            return { message: `the comparison "${c}" is not allowed`, position: 0 };
          }
        }
        for (const a of x.params as MathNode[]) {
          const p = check(a, level + 1);
          if (p) return p;
        }
        return undefined;
      }
      case 'FunctionNode': {
        const f = x.fn as MathNode & { name?: string };
        if (f.type !== 'SymbolNode' || x.optional) {
          return { message: 'only functions called by name are allowed', position: positionOf(source, /[.)]\s*\(/) };
        }
        const name = f.name as string;
        const spec = Object.prototype.hasOwnProperty.call(EXPRESSION_FUNCTIONS, name)
          ? EXPRESSION_FUNCTIONS[name]
          : undefined;
        const at = wordPosition(source, name);
        if (!spec) {
          return {
            message: `unknown function "${name}"; the functions are: ${Object.keys(EXPRESSION_FUNCTIONS).join(', ')}`,
            position: at,
          };
        }
        const args = x.args as MathNode[];
        const [least, most] = spec.arity;
        if (args.length < least || args.length > most) {
          const want = least === most ? `${least}` : most > 8 ? `at least ${least}` : `${least} or ${most}`;
          return {
            message: `${name} takes ${want} argument${want === '1' || want === 'at least 1' ? '' : 's'}, got ${args.length} (${spec.doc})`,
            position: at,
          };
        }
        for (const a of args) {
          const p = check(a, level + 1);
          if (p) return p;
        }
        const digits = name === 'round' && args.length === 2 ? constantOf(args[1]) : undefined;
        if (digits !== undefined && !(Number.isInteger(digits) && digits >= 0 && digits <= 15)) {
          return {
            message: `round(x, digits): digits must be a whole number from 0 to 15, got ${digits}`,
            position: at,
          };
        }
        const [low, high] = name === 'clamp' ? [constantOf(args[1]), constantOf(args[2])] : [];
        if (low !== undefined && high !== undefined && low > high) {
          return { message: `clamp(x, low, high): low ${low} is above high ${high}`, position: at };
        }
        return undefined;
      }
      case 'AccessorNode':
        return { message: 'property access (a.b) is not allowed', position: positionOf(source, /[.](?=\s*[A-Za-z_])/) };
      case 'AssignmentNode':
      case 'FunctionAssignmentNode':
        return {
          message: 'assignments and function definitions (=) are not allowed; for "equal" write ==',
          position: positionOf(source, /(?<![<>=!])=(?!=)/),
        };
      case 'BlockNode':
        return { message: 'one formula per component: line breaks and ";" separate formulas', position: 0 };
      case 'RangeNode':
        return {
          message: 'ranges (a:b) are not allowed; for a condition write c ? a : b',
          position: positionOf(source, /:/),
        };
      default:
        return { message: `${n.type.replace(/Node$/, '').toLowerCase()}s are not allowed`, position: 0 };
    }
  }
}

/** A problem as a message naming `where` (e.g. the plan-table cell) and the position. */
export function problemText(where: string, source: string, p: ExpressionProblem): string {
  const at = p.position > 0 ? ` at character ${p.position}` : '';
  const shown = source.length > 80 ? `${source.slice(0, 77)}…` : source;
  return `${where}: formula "${shown}"${at}: ${p.message}.`;
}

/**
 * Checks and compiles a formula over the variables `allowed` (canonical names). Throws #VALUE! naming `where`
 * and the character position on the first problem. The result evaluates per rep without parsing again.
 */
export function compileExpression(source: string, allowed: readonly string[], where: string): CompiledExpression {
  const r = walk(source, allowed);
  if ('problem' in r) return invalid(problemText(where, source, r.problem));
  const code = r.node!.compile();
  const symbols = [...r.symbols];
  return {
    source,
    reads: r.reads,
    evaluate(value) {
      const scope = new Map<string, number>();
      for (const [symbol, v] of symbols) {
        const x = value(v);
        if (typeof x !== 'number' || !Number.isFinite(x)) {
          invalid(`${where}: the variable "${v}" is ${String(x)}; the formula needs a finite number.`);
        }
        scope.set(symbol, x);
      }
      let out: unknown;
      try {
        out = code.evaluate(scope);
      } catch (e) {
        invalid(`${where}: formula "${source}": ${e instanceof Error ? e.message : String(e)}.`);
      }
      const n = typeof out === 'boolean' ? (out ? 1 : 0) : out;
      if (typeof n !== 'number' || !Number.isFinite(n)) {
        const args = symbols.map(([, v]) => `${v} = ${value(v)}`).join(', ');
        invalid(
          `${where}: formula "${source}" gives ${String(n)}${args ? ` for ${args}` : ''}; it must give a finite number (check for a division by 0).`,
        );
      }
      return n;
    },
  };
}
