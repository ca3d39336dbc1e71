import * as React from 'react';
import { Body1 } from '@fluentui/react-components';
import { WizardFrame } from '../../components/WizardFrame';
import type { WizardProps } from '../types';

/** Comp plan wizard: waits for its domain core (src/comp) to land. */
export function CompWizard(_props: WizardProps): React.JSX.Element {
  return (
    <WizardFrame title="Comp plan" steps={['Input', 'Options', 'Preview', 'Write']} current={0}>
      <Body1>This wizard is not available yet: its modeling core is still being built.</Body1>
    </WizardFrame>
  );
}
