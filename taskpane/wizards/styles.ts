import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the wizards' steps: a column of fields that never needs more than the pane's 320 px. */
export const useWizardStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  half: { flexGrow: 1, flexBasis: '120px', minWidth: 0 },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});
