/**
 * Where a wizard reads its input: a range typed or taken from the selection, or a named table.
 */
import { invalid } from '../../src/shared/errors';
import { errorMessage } from './errorMessage';
import { qualified, splitQualified } from '../workbook/address';
import type { RangeData, WorkbookPort } from '../workbook/port';

export type SourceChoice = { kind: 'range'; text: string } | { kind: 'table'; name: string };

/** Why `choice` cannot be read (for the field's validation message), or `undefined` when it looks fine. */
export function sourceProblem(choice: SourceChoice): string | undefined {
  if (choice.kind === 'table') return choice.name === '' ? 'Choose a table.' : undefined;
  if (choice.text.trim() === '') return 'Enter a range such as Data!A1:D20, or use the selection.';
  return splitQualified(choice.text) ? undefined : `"${choice.text}" is not a range like Data!A1:D20.`;
}

/**
 * Whether an optional source was left empty, so the wizard skips it: a range with no text, or the table mode with
 * no table (there is none). With `tableModeCounts`, choosing the table mode counts as given (the field then asks
 * "Choose a table." rather than skipping).
 */
export function sourceLeftEmpty(choice: SourceChoice, opts: { tableModeCounts?: boolean } = {}): boolean {
  if (choice.kind === 'range') return choice.text.trim() === '';
  return opts.tableModeCounts ? false : choice.name === '';
}

/** Reads the chosen range or table through the port. */
export async function readSource(port: WorkbookPort, choice: SourceChoice): Promise<RangeData> {
  if (choice.kind === 'table') return port.readTable(choice.name);
  const q = splitQualified(choice.text);
  if (!q) invalid(`"${choice.text}" is not a range like Data!A1:D20.`);
  return port.readRange(q.sheet, q.address);
}

/**
 * Reads `choice` for the field `field`: its data, or the read error as that field's message (so that each table's
 * error shows under its own picker).
 */
export async function readSourceFor<K extends PropertyKey>(
  port: WorkbookPort,
  choice: SourceChoice,
  field: K,
): Promise<{ data: RangeData; errors?: undefined } | { data?: undefined; errors: Partial<Record<K, string>> }> {
  try {
    return { data: await readSource(port, choice) };
  } catch (e) {
    return { errors: { [field]: errorMessage(e) } as Partial<Record<K, string>> };
  }
}

/** The current selection as "Sheet!A1:B2" text for a range field. */
export async function selectionText(port: WorkbookPort): Promise<string> {
  const r = await port.readSelection();
  return qualified(r.sheet, r.address);
}
