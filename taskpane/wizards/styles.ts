import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the wizards' steps: a column of fields that never needs more than the pane's 320 px. */
export const useWizardStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  half: {
    flexGrow: 1,
    flexBasis: '120px',
    minWidth: 0,
    // Fluent's Input sizes itself to its <input>'s intrinsic ~20 characters; let it shrink to the half column.
    '& .fui-Input': { minWidth: 0, width: '100%', boxSizing: 'border-box' },
    '& .fui-Input__input': { minWidth: 0, width: '100%' },
  },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});
