import * as React from 'react';
import { Body1, Text } from '@fluentui/react-components';
import { DataTable } from '../../components/DataTable';
import { SourcePicker } from '../../components/SourcePicker';
import { TextField } from '../../components/TextField';
import { WizardFrame } from '../../components/WizardFrame';
import { StatusMessage } from '../../components/StatusMessage';
import { money } from '../fields';
import { useWizardStyles } from '../styles';
import type { WizardProps } from '../types';
import { useCreditWizard } from './useCreditWizard';

/** Crediting: deals, splits and ownership → credit per rep and the deals that could not be credited → write. */
export function CreditWizard({ port }: WizardProps): React.JSX.Element {
  const w = useCreditWizard(port);
  const styles = useWizardStyles();
  const { form, errors, preview } = w;
  return (
    <WizardFrame title="Credit" {...w.frame}>
      <div className={styles.form}>
        {w.stepId === 'tables' ? (
          <>
            <Body1>
              Deals need a header row with Deal, Account, Amount, Close date and, optionally, Owner. Splits (optional):
              Deal, Rep, Share, Type (split or overlay). Ownership (optional): Account, Rep, From, To.
            </Body1>
            <SourcePicker
              port={port}
              label="Deals"
              value={form.deals}
              onChange={(v) => w.update('deals', v)}
              error={errors.deals}
            />{' '}
            {/* prettier-ignore */}
            <SourcePicker port={port} label="Splits" value={form.splits} onChange={(v) => w.update('splits', v)} error={errors.splits} />{' '}
            {/* prettier-ignore */}
            <SourcePicker port={port} label="Ownership" value={form.ownership} onChange={(v) => w.update('ownership', v)} error={errors.ownership} />{' '}
            {/* prettier-ignore */}
            <div className={styles.row}>
              <div className={styles.half}>
                <TextField label="From month" placeholder="2026-01" value={form.fromMonth} onChange={(v) => w.update('fromMonth', v)} error={errors.fromMonth} hint="YYYY-MM; blank: from the first deal" /> {/* prettier-ignore */}
              </div>
              <div className={styles.half}>
                <TextField label="To month" placeholder="2026-03" value={form.toMonth} onChange={(v) => w.update('toMonth', v)} error={errors.toMonth} hint="YYYY-MM, inclusive; blank: to the last deal" /> {/* prettier-ignore */}
              </div>
            </div>
          </>
        ) : null}
        {w.stepId === 'preview' && preview ? (
          <>
            {preview.problems.length > 0 ? (
              <>
                <Text
                  role="note"
                  weight="semibold"
                >{`${preview.problems.length} deal(s) of the period cannot be credited or have split shares that are off: SALESOPS.CREDITED and CREDITS return an error until they are fixed.`}</Text>
                <DataTable
                  caption="Deals not credited, and why"
                  header={['Deal', 'Problem', 'Why']}
                  rows={preview.problems.map((p) => [p.deal, p.kind === 'splitSum' ? 'Split sum off' : 'No owner', p.message])} // prettier-ignore
                />
              </>
            ) : (
              <Text>Every deal of the period is credited.</Text>
            )}
            <DataTable
              caption="Credit per rep"
              header={['Rep', 'Credited']}
              rows={preview.perRep.map((r) => [r.rep, money(r.amount)])}
            />
          </>
        ) : null}
        {w.stepId === 'write' ? (
          <>
            <Text>The audit table (SALESOPS.CREDITS) and the credit per rep are written as values.</Text>
            <TextField
              label="New sheet name"
              value={form.sheetName}
              onChange={(v) => w.update('sheetName', v)}
              error={errors.sheetName}
            />{' '}
            {/* prettier-ignore */}
            <StatusMessage status={w.writer.status} />
          </>
        ) : null}
      </div>
      {w.writer.dialog}
    </WizardFrame>
  );
}
