import * as React from 'react';
import { Button, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorMessage } from './StatusMessage';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  steps: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  step: { color: tokens.colorNeutralForeground3 },
  current: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Read by screen readers, not shown: the step list shows the same.
  announcement: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export interface WizardFrameProps {
  title: string;
  steps: readonly string[];
  /** Index of the step shown. */
  current: number;
  children: React.ReactNode;
  onBack?: () => void;
  /** Keeps Back disabled (while Next works). */
  backDisabled?: boolean;
  onNext?: () => void;
  nextLabel?: string;
  nextDisabled?: boolean;
  /** An error of the step as a whole (not of one field), shown in an alert above the buttons. */
  error?: string;
  /** A dialog the wizard may open (the writer's "overwrite?" question); rendered once, here. */
  dialog?: React.ReactNode;
}

/**
 * A wizard's frame: its title, the numbered steps (the current one marked `aria-current="step"`, and announced in
 * a polite live region when it changes), the step's error (an alert), Back/Next.
 */
export function WizardFrame(props: WizardFrameProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={props.title}>
      <Subtitle2 as="h2">{props.title}</Subtitle2>
      <ol className={styles.steps} aria-label="Steps">
        {props.steps.map((s, i) => (
          <li
            key={s}
            className={mergeClasses(styles.step, i === props.current && styles.current)}
            aria-current={i === props.current ? 'step' : undefined}
          >
            <Text size={200}>{`${i + 1}. ${s}`}</Text>
          </li>
        ))}
      </ol>
      <div className={styles.announcement} aria-live="polite" aria-atomic="true">
        {`Step ${props.current + 1} of ${props.steps.length}: ${props.steps[props.current] ?? ''}`}
      </div>
      {props.children}
      {props.dialog}
      {props.error ? <ErrorMessage message={props.error} /> : null}
      <div className={styles.nav}>
        {props.onBack && props.current > 0 ? (
          <Button onClick={props.onBack} disabled={props.backDisabled}>
            Back
          </Button>
        ) : null}
        {props.onNext ? (
          <Button appearance="primary" onClick={props.onNext} disabled={props.nextDisabled}>
            {props.nextLabel ?? 'Next'}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
