import * as React from 'react';
import { errorMessage } from '../../components/errorMessage';
import { readSource, sourceProblem } from '../../components/source';
import type { WorkbookPort } from '../../workbook/port';
import { previewStep, writeStep } from '../steps/commonSteps';
import type { WizardStep } from '../steps/types';
import { hasErrors, useStepMachine } from '../steps/useStepMachine';
import {
  buildQuotaWrite,
  computeQuota,
  followTeamRamp,
  initialProfileRamps,
  own,
  readRoster,
  readTargets,
  rosterProfiles,
  validateOptions,
} from './compute';
import type { QuotaErrors, QuotaForm, QuotaOptions, QuotaResult, RosterRep } from './types';

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
  const [reps, setReps] = React.useState<RosterRep[]>([]);
  const [computed, setComputed] = React.useState<{ options: QuotaOptions; result: QuotaResult }>();
  /** The roster's ramp profiles, one ramp field each (none when the roster has no Profile column). */
  const profiles = React.useMemo(() => rosterProfiles(reps), [reps]);

  const steps: WizardStep<QuotaForm, QuotaErrors>[] = [
    {
      id: 'roster',
      title: 'Roster',
      validate: (form) => ({ roster: sourceProblem(form.roster) }),
      errorField: 'roster',
      onNext: async ({ form, setForm }) => {
        const read = readRoster(await readSource(port, form.roster));
        setReps(read);
        setForm((f) => ({ ...f, profileRamps: initialProfileRamps(rosterProfiles(read), f.ramp, f.profileRamps) }));
      },
    },
    {
      id: 'options',
      title: 'Options',
      onNext: async ({ form }) => {
        const { options, errors } = validateOptions(form, profiles);
        const p = form.targetMode === 'range' ? sourceProblem(form.targetRange) : undefined;
        if (p) errors.targetRange = p;
        if (hasErrors(errors)) return { errors };
        if (!options) return { stay: true };
        try {
          const range = form.targetMode === 'range' ? await readSource(port, form.targetRange) : undefined;
          const targets = readTargets(form, options.months, range);
          setComputed({ options, result: computeQuota(reps, targets, options) });
        } catch (e) {
          return { errors: { [form.targetMode === 'range' ? 'targetRange' : 'months']: errorMessage(e) } };
        }
      },
    },
    previewStep({ sheetField: 'sheetName', baseName: 'Quota plan' }),
    writeStep({
      errorField: 'sheetName',
      build: ({ form }) =>
        computed
          ? {
              plan: buildQuotaWrite(form.sheetName, reps, computed.options, computed.result, form.output),
              summary: `Wrote the quota plan for ${reps.length} reps to sheet "${form.sheetName}".`,
            }
          : null,
    }),
  ];
  const m = useStepMachine<QuotaForm, QuotaErrors>({
    port,
    steps,
    initialForm: INITIAL,
    // Custom profiles start from the team ramp: while their field still reads it, they follow it.
    derive: (prev, next) =>
      next.ramp === prev.ramp
        ? next
        : { ...next, profileRamps: followTeamRamp(prev.profileRamps, profiles, prev.ramp, next.ramp) },
  });
  /** Sets the ramp field of the profile `key` (a `RosterProfile.key`) and clears its message. */
  const updateProfileRamp = (key: string, value: string): void => {
    m.setForm((f) => ({ ...f, profileRamps: { ...f.profileRamps, [key]: value } }));
    m.setErrors((e) => {
      if (own(e.profileRamps, key) === undefined) return e;
      const rest = Object.entries(e.profileRamps ?? {}).filter(([k]) => k !== key);
      return { ...e, profileRamps: rest.length > 0 ? Object.fromEntries(rest) : undefined };
    });
  };
  return { ...m, reps, profiles, result: computed?.result, updateProfileRamp };
}
