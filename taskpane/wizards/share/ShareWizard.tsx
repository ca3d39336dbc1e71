import * as React from 'react';
import { Body1, Button, Checkbox, Field, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import type { CellValue } from '../../../src/shared/cells';
import type { ConvertedCell } from '../../../src/share/types';
import { DataTable, PREVIEW_ROWS } from '../../components/DataTable';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { WizardFrame } from '../../components/WizardFrame';
import type { ShareMode } from '../../share/writes';
import { useWizardStyles } from '../styles';
import type { WizardProps } from '../types';
import { useShareStyles } from './styles';
import { useShareWizard } from './useShareWizard';

/** Rows the preview table shows (the Provenance sheet lists every cell). */
export { PREVIEW_ROWS };

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function shown(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** The preview's text for a cell's conversion and value. */
function describe(c: ConvertedCell): { conversion: string; value: string } {
  const rows = c.values.length;
  const cols = c.values[0]?.length ?? 0;
  const value = rows * cols > 1 ? `${shown(c.values[0][0])} … (${rows} × ${cols})` : shown(c.values[0]?.[0] ?? null);
  return {
    conversion:
      c.kind === 'native'
        ? `Native: ${c.formula ?? ''}${c.formulas && rows * cols > 1 ? ` … (a formula in each of the ${rows * cols} cells)` : ''}`
        : `Values${c.reason ? ` (${c.reason})` : ''}`,
    value,
  };
}

/** Share: scan (counts, Repair, Restore) → options → preview of every converted cell → write. */
export function ShareWizard({ port }: WizardProps): React.JSX.Element {
  const w = useShareWizard(port);
  const styles = useWizardStyles();
  const share = useShareStyles();
  const { scan, preview, form } = w;
  return (
    <WizardFrame
      title="Share with colleagues without the add-in"
      {...w.frame}
      nextDisabled={w.frame.nextDisabled || (w.stepId === 'preview' && (preview?.plan.cells.length ?? 0) === 0)}
    >
      <div className={styles.form}>
        {w.stepId === 'scan' ? (
          <>
            <Body1>
              A colleague who opens this workbook without the add-in sees #NAME? in every SALESOPS cell. Sharing
              replaces each one by an ordinary Excel formula that gives the same result (where one exists) or by its
              values, and lists them on a Provenance sheet so they can be restored.
            </Body1>
            {w.busy && !scan ? <Spinner size="tiny" label="Reading the workbook…" /> : null}
            {scan ? (
              <div className={styles.summary}>
                <Text weight="semibold">
                  {scan.total === 0
                    ? 'No SALESOPS formulas in this workbook: nothing to share.'
                    : `${plural(scan.total, 'SALESOPS cell')} on ${plural(scan.sheets.length, 'sheet')}: ${scan.sheets.join(', ')}.`}
                </Text>
                {scan.total > 0 ? (
                  <DataTable
                    caption="SALESOPS cells by function"
                    header={['Function', 'Native formula', 'Values']}
                    rows={Object.entries(scan.counts).map(([fn, c]) => [fn, String(c.native), String(c.value)])}
                  />
                ) : null}
              </div>
            ) : null}
            {scan && scan.nameErrors.length > 0 ? (
              <div className={share.action}>
                <Body1>
                  {`${plural(scan.nameErrors.length, 'SALESOPS cell')} show${scan.nameErrors.length === 1 ? 's' : ''} #NAME? (${scan.nameErrors.slice(0, 5).join(', ')}${scan.nameErrors.length > 5 ? ', …' : ''}): ${scan.nameErrors.length === 1 ? 'it was' : 'they were'} computed while the add-in was not loaded, and Excel does not recompute them by itself. Repair them before sharing, or the copy keeps the error.`}
                </Body1>
                <Button onClick={() => void w.repair()} disabled={w.busy || w.action.status.kind === 'writing'}>
                  {`Repair ${plural(scan.nameErrors.length, 'cell')}`}
                </Button>
              </div>
            ) : null}
            {scan && (scan.restorable !== 0 || scan.provenanceProblem) ? (
              <div className={share.action}>
                <Body1>
                  {scan.provenanceProblem
                    ? `The Provenance sheet cannot be read: ${scan.provenanceProblem}`
                    : `The Provenance sheet lists ${plural(scan.restorable ?? 0, 'converted cell')}. Restoring puts their SALESOPS formulas back (asking before overwriting a cell edited since the share).`}
                </Body1>
                <Button
                  onClick={() => void w.restore()}
                  disabled={w.busy || w.action.status.kind === 'writing' || scan.provenanceProblem !== undefined}
                >
                  Restore SALESOPS formulas
                </Button>
              </div>
            ) : null}
            <StatusMessage status={w.action.status} />
            {scan ? (
              <Button appearance="subtle" onClick={() => void w.rescan()} disabled={w.busy}>
                Scan again
              </Button>
            ) : null}
          </>
        ) : null}
        {w.stepId === 'options' ? (
          <>
            <Field label="Where to write">
              <RadioGroup value={form.mode} onChange={(_, d) => w.update('mode', d.value as ShareMode)}>
                <Radio value="inPlace" label="In place: replace each SALESOPS cell" />
                <Radio
                  value="copies"
                  label='As copies: new sheets such as "Payouts (shared)"; the originals keep their formulas'
                />
              </RadioGroup>
            </Field>
            {form.mode === 'copies' ? (
              <Body1>
                A copy reads other sheets where its formulas name them: a copy that reads another sheet's SALESOPS cells
                still shows #NAME? without the add-in. Share in place for a workbook that works everywhere.
              </Body1>
            ) : null}
            <Checkbox
              checked={form.valuesOnly}
              onChange={(_, d) => w.update('valuesOnly', d.checked === true)}
              label="Values only (no native formulas: inputs no longer change the results)"
            />
            <Checkbox
              checked={form.autoOpen}
              onChange={(_, d) => w.update('autoOpen', d.checked === true)}
              label="Open the task pane automatically for colleagues who have the add-in"
            />
          </>
        ) : null}
        {w.stepId === 'preview' && preview ? (
          <>
            <Text weight="semibold">
              {`${plural(preview.plan.cells.length, 'cell')}: ${plural(preview.byKind.native, 'native formula')}, ${plural(preview.byKind.value, 'cell')} converted to values.`}
            </Text>
            <DataTable
              caption="Cells to convert"
              header={['Sheet', 'Cell', 'Original', 'Conversion', 'Value']}
              rows={preview.plan.cells.slice(0, PREVIEW_ROWS).map((c) => {
                const d = describe(c);
                return [c.sheet, c.area, c.original, d.conversion, d.value];
              })}
            />
            {preview.plan.cells.length > PREVIEW_ROWS ? (
              <Body1>{`The first ${PREVIEW_ROWS} of ${plural(preview.plan.cells.length, 'cell')}; the Provenance sheet lists every one.`}</Body1>
            ) : null}
          </>
        ) : null}
        {w.stepId === 'write' && preview ? (
          <>
            <Body1>
              {`${
                form.mode === 'copies'
                  ? `Copies ${Object.entries(preview.copies)
                      .map(([from, to]) => `"${from}" to "${to}"`)
                      .join(', ')} and converts the copies' SALESOPS cells`
                  : 'Replaces each SALESOPS cell'
              }, writes the Provenance sheet, and records the add-in's version and the time in the document's custom properties${form.autoOpen ? '; the task pane will open with the document for colleagues who have the add-in' : ''}. Everything is written together or not at all.`}
            </Body1>
            <StatusMessage status={w.writer.status} />
          </>
        ) : null}
        {w.error ? <ErrorMessage message={w.error} /> : null}
      </div>
      {w.action.dialog}
    </WizardFrame>
  );
}
