import * as React from 'react';
import { errorMessage } from '../../components/errorMessage';
import { readSource, sourceProblem } from '../../components/source';
import { useWriter } from '../../components/useWriter';
import type { WorkbookPort } from '../../workbook/port';
import { uniqueSheetName } from '../../workbook/transaction';
import {
  buildQuotaPlan,
  computeQuota,
  followTeamRamp,
  initialProfileRamps,
  own,
  readRoster,
  readTargets,
  rosterProfiles,
  validateOptions,
} from './model';
import type { QuotaErrors, QuotaField, QuotaForm, QuotaOptions, QuotaResult, RosterRep } from './types';

export const QUOTA_STEPS = ['Roster', 'Options', 'Preview', 'Write'] as const;

const INITIAL: QuotaForm = {
  roster: { kind: 'range', text: '' },
  targetMode: 'flat',
  flatTarget: '',
  targetRange: { kind: 'range', text: '' },
  firstMonth: '',
  months: '12',
  ramp: '0.25, 0.5, 0.75',
  profileRamps: {},
  attrition: '0',
  leadTime: '0',
  output: 'formulas',
  sheetName: 'Quota plan',
};

/** State and steps of the quota and capacity wizard. */
export function useQuotaWizard(port: WorkbookPort) {
  const [step, setStep] = React.useState(0);
  const [form, setForm] = React.useState<QuotaForm>(INITIAL);
  const [errors, setErrors] = React.useState<QuotaErrors>({});
  const [reps, setReps] = React.useState<RosterRep[]>([]);
  const [options, setOptions] = React.useState<QuotaOptions>();
  const [result, setResult] = React.useState<QuotaResult>();
  const [busy, setBusy] = React.useState(false);
  const writer = useWriter(port);
  /** The roster's ramp profiles, one ramp field each (none when the roster has no Profile column). */
  const profiles = React.useMemo(() => rosterProfiles(reps), [reps]);
  const update = <K extends QuotaField>(key: K, value: QuotaForm[K]): void => {
    setForm((f) => {
      const changed: QuotaForm = { ...f, [key]: value };
      // Custom profiles start from the team ramp: while their field still reads it, they follow it.
      if (key === 'ramp') changed.profileRamps = followTeamRamp(f.profileRamps, profiles, f.ramp, changed.ramp);
      return changed;
    });
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  /** Sets the ramp field of the profile `key` (a `RosterProfile.key`) and clears its message. */
  const updateProfileRamp = (key: string, value: string): void => {
    setForm((f) => ({ ...f, profileRamps: { ...f.profileRamps, [key]: value } }));
    setErrors((e) => {
      if (own(e.profileRamps, key) === undefined) return e;
      const rest = Object.entries(e.profileRamps ?? {}).filter(([k]) => k !== key);
      return { ...e, profileRamps: rest.length > 0 ? Object.fromEntries(rest) : undefined };
    });
  };

  const next = async (): Promise<void> => {
    setBusy(true);
    try {
      if (step === 0) {
        const p = sourceProblem(form.roster);
        if (p) return setErrors({ roster: p });
        try {
          const read = readRoster(await readSource(port, form.roster));
          setReps(read);
          setForm((f) => ({
            ...f,
            profileRamps: initialProfileRamps(rosterProfiles(read), f.ramp, f.profileRamps),
          }));
          setErrors({});
          setStep(1);
        } catch (e) {
          setErrors({ roster: errorMessage(e) });
        }
      } else if (step === 1) {
        const v = validateOptions(form, profiles);
        if (form.targetMode === 'range') {
          const p = sourceProblem(form.targetRange);
          if (p) v.errors.targetRange = p;
        }
        setErrors(v.errors);
        if (!v.options || Object.values(v.errors).some(Boolean)) return;
        try {
          const range = form.targetMode === 'range' ? await readSource(port, form.targetRange) : undefined;
          const targets = readTargets(form, v.options.months, range);
          setResult(computeQuota(reps, targets, v.options));
          setOptions(v.options);
          setStep(2);
        } catch (e) {
          setErrors({ [form.targetMode === 'range' ? 'targetRange' : 'months']: errorMessage(e) });
        }
      } else if (step === 2) {
        update('sheetName', uniqueSheetName(await port.listSheets(), 'Quota plan'));
        setStep(3);
      } else if (step === 3 && options && result) {
        try {
          const plan = buildQuotaPlan(form.sheetName, reps, options, result, form.output);
          await writer.write(plan, `Wrote the quota plan for ${reps.length} reps to sheet "${form.sheetName}".`);
        } catch (e) {
          setErrors({ sheetName: errorMessage(e) });
        }
      }
    } finally {
      setBusy(false);
    }
  };
  const back = (): void => setStep((s) => Math.max(0, s - 1));
  return { step, form, errors, reps, profiles, result, busy, update, updateProfileRamp, next, back, writer };
}
