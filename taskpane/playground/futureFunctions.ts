/**
 * Excel's "future functions": functions newer than the 2007 file format, which an .xlsx file stores with a
 * prefix (`_xlfn.STDEV.S(`, `_xlfn._xlws.FILTER(`); written without it, Excel reads an unknown function and
 * shows #NAME?. The list is Microsoft's ([MS-XLSX] 2.2.3 Functions). The grid shows formulas without the
 * prefix (as Excel does); files get it back on save.
 */

const XLWS = ['FILTER', 'SORT', 'PY'];

const XLFN = `ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND BITLSHIFT
BITOR BITRSHIFT BITXOR BYCOL BYROW CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT
CHISQ.TEST CHOOSECOLS CHOOSEROWS COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P COVARIANCE.S CSC
CSCH DAYS DECIMAL DROP ERF.PRECISE ERFC.PRECISE EXPAND EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FIELDVALUE
FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT
FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HSTACK HYPGEOM.DIST IFNA IFS IMCOSH
IMCOT IMCSC IMCSCH IMSEC IMSECH IMSINH IMTAN ISFORMULA ISOMITTED ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV
MAKEARRAY MAP MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV NORM.S.DIST
NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI
POISSON.DIST QUARTILE.EXC QUARTILE.INC QUERYSTRING RANDARRAY RANK.AVG RANK.EQ REDUCE RRI SCAN SEC SECH SEQUENCE
SHEET SHEETS SINGLE SKEW.P SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TAKE
TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW UNICHAR UNICODE UNIQUE VALUETOTEXT ARRAYTOTEXT VAR.P VAR.S
VSTACK WEBSERVICE ENCODEURL WEIBULL.DIST WORKDAY.INTL WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR Z.TEST ANCHORARRAY
GROUPBY PIVOTBY PERCENTOF IMAGE REGEXTEST REGEXEXTRACT REGEXREPLACE STOCKHISTORY TRIMRANGE`;

/** Upper-case function name → the prefix an .xlsx file stores before it. */
const PREFIX = new Map<string, string>([
  ...XLFN.split(/\s+/).map((n): [string, string] => [n, '_xlfn.']),
  ...XLWS.map((n): [string, string] => [n, '_xlfn._xlws.']),
]);

/** The prefix Excel stores before function `name` in a file ("" for a function of the 2007 format). */
export function filePrefixOf(name: string): string {
  return PREFIX.get(name.toUpperCase()) ?? '';
}

// A string literal, a quoted sheet name, or a function name (with any prefixes) before its "(".
const TOKENS = /"(?:[^"]|"")*"|'(?:[^']|'')*'|((?:_xlfn\.|_xlws\.)*)([A-Za-z_][\w.]*)(?=\()/gi;

function rewriteCalls(formula: string, call: (prefixes: string, name: string) => string): string {
  return formula.replace(TOKENS, (whole, prefixes: string | undefined, name: string | undefined, at: number) => {
    if (name === undefined) return whole;
    // Part of a longer name ("X.SORT(" or "A1SORT(") is not a call of SORT.
    const before = at > 0 ? formula[at - 1] : '';
    if (/[\w.]/.test(before)) return whole;
    return call(prefixes ?? '', name);
  });
}

/**
 * Formula text as a file stores it: each future function with its prefix (added where missing, fixed where it
 * differs from Excel's); other calls and string literals unchanged, so a prefix the file had on a function not
 * in the list is kept.
 */
export function withFilePrefixes(formula: string): string {
  return rewriteCalls(formula, (prefixes, name) => {
    const p = filePrefixOf(name);
    return p ? p + name : prefixes + name;
  });
}

/** Formula text without the prefixes of the functions in Microsoft's list (others keep theirs). */
export function withoutFilePrefixes(formula: string): string {
  return rewriteCalls(formula, (prefixes, name) => (filePrefixOf(name) ? name : prefixes + name));
}
