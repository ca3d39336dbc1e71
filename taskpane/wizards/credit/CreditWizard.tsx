import * as React from 'react';
import { Body1, Text } from '@fluentui/react-components';
import { DataTable, PREVIEW_ROWS } from '../../components/DataTable';
import { SourcePicker } from '../../components/SourcePicker';
import { TextField } from '../../components/TextField';
import { WizardFrame } from '../../components/WizardFrame';
import { StatusMessage } from '../../components/StatusMessage';
import { money } from '../fields';
import { FieldRow } from '../FieldRow';
import { useWizardStyles } from '../styles';
import type { WizardProps } from '../types';
import { useCreditWizard } from './useCreditWizard';

/** Crediting: deals, splits and ownership → credit per rep and the deals that could not be credited → write. */
export function CreditWizard({ port }: WizardProps): React.JSX.Element {
  const w = useCreditWizard(port);
  const styles = useWizardStyles();
  const { preview } = w;
  return (
    <WizardFrame title="Credit" {...w.frame}>
      <div className={styles.form}>
        {w.stepId === 'tables' ? (
          <>
            <Body1>
              Deals need a header row with Deal, Account, Amount, Close date and, optionally, Owner. Splits (optional):
              Deal, Rep, Share, Type (split or overlay). Ownership (optional): Account, Rep, From, To.
            </Body1>
            <SourcePicker port={port} label="Deals" {...w.field('deals')} />
            <SourcePicker port={port} label="Splits" {...w.field('splits')} />
            <SourcePicker port={port} label="Ownership" {...w.field('ownership')} />
            <FieldRow>
              <TextField
                label="From month"
                placeholder="2026-01"
                hint="YYYY-MM; blank: from the first deal"
                {...w.field('fromMonth')}
              />
              <TextField
                label="To month"
                placeholder="2026-03"
                hint="YYYY-MM, inclusive; blank: to the last deal"
                {...w.field('toMonth')}
              />
            </FieldRow>
            <SourcePicker port={port} label="Roster (optional: rep names, header row first)" {...w.field('roster')} />
          </>
        ) : null}
        {w.stepId === 'relief' ? (
          <>
            <Body1>
              Optional: leave Quotas blank to skip. Quotas: Rep, Quota (monthly, as set on the baseline date). Account
              quotas: Account, Quota (monthly contribution). Account moves after the baseline date move quota by the
              calendar days of the month (Ownership table of the Tables step).
            </Body1>
            <SourcePicker port={port} label="Quotas" {...w.field('quotas')} />
            <SourcePicker port={port} label="Account quotas" {...w.field('accountQuotas')} />
            <TextField
              label="Baseline date"
              placeholder="2026-01-01"
              hint="YYYY-MM-DD: the day quotas were set"
              {...w.field('baselineDate')}
            />
            <FieldRow>
              <TextField label="First month" placeholder="2026-01" hint="YYYY-MM" {...w.field('firstMonth')} />
              <TextField label="Months" hint="1 to 1,200" {...w.field('months')} />
            </FieldRow>
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
                  rows={preview.problems.slice(0, PREVIEW_ROWS).map((p) => [p.deal, p.kind === 'splitSum' ? 'Split sum off' : 'No owner', p.message])} // prettier-ignore
                />
                {preview.problems.length > PREVIEW_ROWS ? (
                  <Body1>{`The first ${PREVIEW_ROWS} shown, and ${preview.problems.length - PREVIEW_ROWS} more.`}</Body1>
                ) : null}
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
            <TextField label="New sheet name" {...w.field('sheetName')} />
            <StatusMessage status={w.writer.status} />
          </>
        ) : null}
      </div>
    </WizardFrame>
  );
}
