import * as React from 'react';
import { planShare, readProvenance } from '../../../src/share';
import { VERSION } from '../../../src/version';
import { errorMessage } from '../../components/errorMessage';
import { useWriter } from '../../components/useWriter';
import { copiesSnapshot, copyNames, isProvenanceSheet, readSnapshot, sheetsWithCalls } from '../../share/snapshot';
import { repairWrite, restoreWrite, shareWrite } from '../../share/writes';
import type { WorkbookSnapshot } from '../../../src/share/types';
import type { WorkbookPort } from '../../workbook/port';
import type { ShareForm, SharePreview, ShareScan } from './types';

export const SHARE_STEPS = ['Scan', 'Options', 'Preview', 'Write'] as const;

/** Reads the workbook and counts its SALESOPS cells, the #NAME? ones, and what a Provenance sheet can restore. */
async function scanWorkbook(port: WorkbookPort): Promise<ShareScan> {
  const book = await readSnapshot(port);
  const plan = planShare(book, { version: VERSION, now: new Date() });
  const provenance = book.sheets.find((s) => isProvenanceSheet(s.name));
  let restorable: number | undefined = 0;
  let provenanceProblem: string | undefined;
  if (provenance) {
    try {
      restorable = readProvenance(provenance.values).length;
    } catch (e) {
      restorable = undefined;
      provenanceProblem = errorMessage(e);
    }
  }
  return {
    book,
    total: plan.cells.length,
    counts: plan.counts,
    sheets: sheetsWithCalls(book),
    nameErrors: repairWrite(book).plan.blocks?.map((b) => `${b.sheet}!${b.at}`) ?? [],
    restorable,
    provenanceProblem,
  };
}

/** The share of `book` with the chosen options: as copies, planned on the copies (see `copiesSnapshot`). */
function planFor(book: WorkbookSnapshot, form: ShareForm, now: Date): SharePreview {
  const copies =
    form.mode === 'copies'
      ? copyNames(
          sheetsWithCalls(book),
          book.sheets.map((s) => s.name),
        )
      : {};
  const planned = form.mode === 'copies' ? copiesSnapshot(book, copies) : book;
  const plan = planShare(planned, { version: VERSION, now, valuesOnly: form.valuesOnly });
  const byKind = { native: 0, value: 0 };
  for (const c of plan.cells) byKind[c.kind]++;
  return { plan, copies, byKind, now };
}

/** What a preview converts, as one comparable text (cell, kind and what is written). */
function fingerprintOfPreview(p: SharePreview): string {
  return JSON.stringify(p.plan.cells.map((c) => [c.sheet, c.address, c.kind, c.formula ?? c.values]));
}

/** State and steps of the Share wizard, and its Repair and Restore actions. */
export function useShareWizard(port: WorkbookPort) {
  const [step, setStep] = React.useState(0);
  const [form, setForm] = React.useState<ShareForm>({ mode: 'inPlace', autoOpen: true, valuesOnly: false });
  const [scan, setScan] = React.useState<ShareScan>();
  const [preview, setPreview] = React.useState<SharePreview>();
  const [error, setError] = React.useState<string>();
  const [busy, setBusy] = React.useState(false);
  const writer = useWriter(port);
  /** Repair and Restore write through their own writer, so their status shows on the scan step. */
  const action = useWriter(port);

  const rescan = React.useCallback(async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      setScan(await scanWorkbook(port));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, [port]);
  React.useEffect(() => {
    void rescan();
  }, [rescan]);

  const update = <K extends keyof ShareForm>(key: K, value: ShareForm[K]): void =>
    setForm((f) => ({ ...f, [key]: value }));

  const repair = async (): Promise<void> => {
    if (!scan) return;
    const w = repairWrite(scan.book);
    const n = w.count;
    const out = await action.write(
      w.plan,
      `Re-entered ${n} SALESOPS formula${n === 1 ? '' : 's'} that showed #NAME?.`,
      {
        preApproved: w.preApproved,
      },
    );
    if (out === 'written') await rescan();
  };

  const restore = async (): Promise<void> => {
    if (!scan) return;
    const provenance = scan.book.sheets.find((s) => isProvenanceSheet(s.name));
    if (!provenance) return;
    try {
      const w = restoreWrite(scan.book, provenance.values);
      const n = w.count;
      const out = await action.write(
        w.plan,
        `Restored ${n} SALESOPS formula${n === 1 ? '' : 's'} from the Provenance sheet.`,
        {
          preApproved: w.preApproved,
        },
      );
      if (out === 'written') await rescan();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const next = async (): Promise<void> => {
    if (!scan) return;
    setBusy(true);
    setError(undefined);
    try {
      if (step === 0) setStep(1);
      else if (step === 1) {
        // Read again: the options step may have been open while the workbook changed.
        const book = await readSnapshot(port);
        setScan((s) => (s ? { ...s, book } : s));
        setPreview(planFor(book, form, new Date()));
        setStep(2);
      } else if (step === 2) setStep(3);
      else if (step === 3 && preview) {
        // What is written is planned on the workbook as it is now; if that differs from the preview, show it again.
        const book = await readSnapshot(port);
        const fresh = planFor(book, form, new Date());
        if (fingerprintOfPreview(fresh) !== fingerprintOfPreview(preview)) {
          setScan((s) => (s ? { ...s, book } : s));
          setPreview(fresh);
          setStep(2);
          setError(
            'The workbook changed since the preview; nothing was written. Review the new preview and write again.',
          );
          return;
        }
        const w = shareWrite(fresh.plan, {
          mode: form.mode,
          copies: fresh.copies,
          book,
          autoOpenTaskpane: form.autoOpen,
          version: VERSION,
          now: fresh.now,
        });
        const { native, value } = preview.byKind;
        const where =
          form.mode === 'copies'
            ? ` on ${Object.values(preview.copies)
                .map((s) => `"${s}"`)
                .join(', ')}`
            : ' in place';
        await writer.write(
          w.plan,
          `Shared ${native + value} SALESOPS cells${where}: ${native} native formula${native === 1 ? '' : 's'}, ${value} converted to values. The Provenance sheet lists each one.`,
          { preApproved: w.preApproved },
        );
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const back = (): void => setStep((s) => Math.max(0, s - 1));
  return { step, form, scan, preview, error, busy, update, next, back, rescan, repair, restore, writer, action };
}
