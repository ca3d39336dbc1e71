import * as React from 'react';
import { Field, Textarea } from '@fluentui/react-components';
import { EXPRESSION_OPERATORS } from '../../../src/shared/expression';
import { FORMULA_FUNCTIONS, type FormulaCheck, formulaChecks, withFormula } from './compute';

export interface FormulaFieldsProps {
  /** The edited plan-table rows (below the header). */
  rows: string[][];
  onChange: (rows: string[][]) => void;
}

/** The message of a check: the problem with its character position, or what the formula may read. */
function validation(c: FormulaCheck): { state: 'error' | 'success' | 'none'; message: string } {
  if (c.tableProblem !== undefined) return { state: 'none', message: `Fix the table first: ${c.tableProblem}` };
  if (c.problem) {
    const at = c.problem.position > 0 ? ` (at character ${c.problem.position})` : '';
    return { state: 'error', message: `${c.problem.message}${at}` };
  }
  return { state: 'success', message: 'The formula checks.' };
}

/**
 * One editor per formula row of the plan table, checked as the user types by the same evaluator as PLANPAYOUT:
 * the message and character position of a problem, and the variables and functions the formula may use.
 */
export function FormulaFields({ rows, onChange }: FormulaFieldsProps): React.JSX.Element | null {
  const checks = React.useMemo(() => formulaChecks(rows), [rows]);
  if (checks.length === 0) return null;
  return (
    <>
      {checks.map((c) => {
        const v = validation(c);
        const vars = c.variables.map((x) => `${x.name} (${x.help})`).join('; ');
        return (
          <Field
            key={c.index}
            label={`Formula of "${c.name || `row ${c.index + 2}`}" (plan-table row ${c.index + 2})`}
            validationState={v.state}
            validationMessage={v.message}
            hint={`Variables: ${vars || 'none yet'}. Functions: ${FORMULA_FUNCTIONS.join('; ')}. Operators: ${EXPRESSION_OPERATORS.join(', ')}.`}
          >
            <Textarea
              value={c.formula}
              resize="vertical"
              onChange={(_, d) => onChange(rows.map((r, i) => (i === c.index ? withFormula(r, d.value) : r)))}
            />
          </Field>
        );
      })}
    </>
  );
}
