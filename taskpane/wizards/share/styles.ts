import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout of the Share wizard's scan step: the counts, then each action with its explanation. */
export const useShareStyles = makeStyles({
  action: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});
