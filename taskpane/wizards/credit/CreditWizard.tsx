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
            {/* prettier-ignore */}
            <SourcePicker port={port} label="Roster (optional: rep names, header row first)" value={form.roster} onChange={(v) => w.update('roster', v)} error={errors.roster} />
          </>
        ) : null}
        {w.stepId === 'relief' ? (
          <>
            <Body1>
              Optional: leave Quotas blank to skip. Quotas: Rep, Quota (monthly, as set on the baseline date). Account
              quotas: Account, Quota (monthly contribution). Account moves after the baseline date move quota by the
              calendar days of the month (Ownership table of the Tables step).
            </Body1>
            {/* prettier-ignore */}
            <SourcePicker port={port} label="Quotas" value={form.quotas} onChange={(v) => w.update('quotas', v)} error={errors.quotas} />
            {/* prettier-ignore */}
            <SourcePicker port={port} label="Account quotas" value={form.accountQuotas} onChange={(v) => w.update('accountQuotas', v)} error={errors.accountQuotas} />
            {/* prettier-ignore */}
            <TextField label="Baseline date" placeholder="2026-01-01" value={form.baselineDate} onChange={(v) => w.update('baselineDate', v)} error={errors.baselineDate} hint="YYYY-MM-DD: the day quotas were set" />
            <div className={styles.row}>
              <div className={styles.half}>
                <TextField
                  label="First month"
                  placeholder="2026-01"
                  value={form.firstMonth}
                  onChange={(v) => w.update('firstMonth', v)}
                  error={errors.firstMonth}
                  hint="YYYY-MM"
                />{' '}
                {/* prettier-ignore */}
              </div>
              <div className={styles.half}>
                <TextField
                  label="Months"
                  value={form.months}
                  onChange={(v) => w.update('months', v)}
                  error={errors.months}
                  hint="1 to 1,200"
                />{' '}
                {/* prettier-ignore */}
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
            {preview.relief ? (
              <DataTable
                caption="Quota per rep and month after relief"
                header={preview.relief[0].map(String)}
                rows={preview.relief.slice(1).map((r) => r.map((c) => (typeof c === 'number' ? money(c) : c)))}
              />
            ) : null}
          </>
        ) : null}
        {w.stepId === 'write' ? (
          <>
            <Text>
              The audit table (SALESOPS.CREDITS), the credit per rep and the relieved quotas are written as values to a
              new sheet; beside the roster, a Credited column of SALESOPS.CREDITED formulas.
            </Text>
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
