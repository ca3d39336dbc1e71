import * as React from 'react';
import { planShare, readProvenance } from '../../../src/share';
import { VERSION } from '../../../src/version';
import { errorMessage } from '../../components/errorMessage';
import { useWriter } from '../../components/useWriter';
import type { WizardStep } from '../steps/types';
import { useStepMachine } from '../steps/useStepMachine';
import { copiesSnapshot, copyNames, isProvenanceSheet, readSnapshot, sheetsWithCalls } from '../../share/snapshot';
import { repairWrite, restoreWrite, shareWrite } from '../../share/writes';
import type { WorkbookSnapshot } from '../../../src/share/types';
import type { WorkbookPort } from '../../workbook/port';
import type { ShareForm, SharePreview, ShareScan } from './types';

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

/** The Share wizard's one message (its fields cannot be wrong; reading or writing the workbook can fail). */
export interface ShareErrors {
  error?: string;
}

/** State and steps of the Share wizard, and its Repair and Restore actions. */
export function useShareWizard(port: WorkbookPort) {
  const [scan, setScan] = React.useState<ShareScan>();
  const [preview, setPreview] = React.useState<SharePreview>();
  const [scanning, setScanning] = React.useState(false);
  /** Repair and Restore write through their own writer, so their status shows on the scan step. */
  const action = useWriter(port);

  /** Every step: nothing happens before the scan; a failure shows as the wizard's one message. */
  const shareStep = (
    id: string,
    title: string,
    onNext?: WizardStep<ShareForm, ShareErrors>['onNext'],
  ): WizardStep<ShareForm, ShareErrors> => ({
    id,
    title,
    errorField: 'error',
    onNext: async (ctx) => {
      if (!scan) return { stay: true };
      ctx.setErrors({});
      return onNext?.(ctx);
    },
  });
  const steps: WizardStep<ShareForm, ShareErrors>[] = [
    shareStep('scan', 'Scan'),
    shareStep('options', 'Options', async ({ form }) => {
      // Read again: the options step may have been open while the workbook changed.
      const book = await readSnapshot(port);
      setScan((s) => (s ? { ...s, book } : s));
      setPreview(planFor(book, form, new Date()));
    }),
    { ...shareStep('preview', 'Preview'), nextLabel: 'Continue' },
    {
      ...shareStep('write', 'Write', async ({ form, writer, setErrors }) => {
        if (!preview) return { stay: true };
        // What is written is planned on the workbook as it is now; if that differs from the preview, show it again.
        const book = await readSnapshot(port);
        const fresh = planFor(book, form, new Date());
        if (fingerprintOfPreview(fresh) !== fingerprintOfPreview(preview)) {
          setScan((s) => (s ? { ...s, book } : s));
          setPreview(fresh);
          setErrors({
            error:
              'The workbook changed since the preview; nothing was written. Review the new preview and write again.',
          });
          return { goTo: 'preview' };
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
        return { stay: true };
      }),
      nextLabel: 'Write to workbook',
    },
  ];
  const m = useStepMachine<ShareForm, ShareErrors>({
    port,
    steps,
    initialForm: { mode: 'inPlace', autoOpen: true, valuesOnly: false },
    blocked: scanning || action.status.kind === 'writing' || !scan || scan.total === 0,
  });
  const { setErrors } = m;

  const rescan = React.useCallback(async (): Promise<void> => {
    setScanning(true);
    setErrors({});
    try {
      setScan(await scanWorkbook(port));
    } catch (e) {
      setErrors({ error: errorMessage(e) });
    } finally {
      setScanning(false);
    }
  }, [port, setErrors]);
  React.useEffect(() => {
    void rescan();
  }, [rescan]);

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
      setErrors({ error: errorMessage(e) });
    }
  };

  return {
    ...m,
    busy: m.busy || scanning,
    error: m.errors.error,
    scan,
    preview,
    rescan,
    repair,
    restore,
    action,
  };
}
