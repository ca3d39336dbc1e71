import * as React from 'react';
import { useWizardStyles } from './styles';

/** Fields side by side, each in an equal share of the row; they wrap to one a line in a narrow pane (320 px). */
export function FieldRow({ children }: { children: React.ReactNode }): React.JSX.Element {
  const styles = useWizardStyles();
  return (
    <div className={styles.row}>
      {React.Children.map(children, (c) => (c ? <div className={styles.half}>{c}</div> : null))}
    </div>
  );
}
