import { Button, makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { steps, type StepId } from '../../shared/wizard/steps';
import { useAssistant } from '../state/assistant-state';
import { StatusBadge } from './StatusBadge';
import { api } from '../api/client';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
  },
  tutorial: { color: tokens.colorNeutralForeground3 },
  body: { maxWidth: '760px', lineHeight: tokens.lineHeightBase400 },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXXL },
});

export function StepLayout({
  stepId,
  tutorialStep,
  title,
  children,
}: {
  stepId: StepId;
  tutorialStep?: string;
  /** Overrides the step's title, e.g. the app step on the custom-app path. */
  title?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { settings, setSettings } = useAssistant();
  const index = steps.findIndex((step) => step.id === stepId);
  const step = steps[index]!;
  const go = (target: StepId) => void api.setCurrentStep({ stepId: target }).then(setSettings);
  const previous = steps[index - 1];
  const next = steps[index + 1];
  return (
    <section aria-labelledby="step-title" data-testid={`panel-${stepId}`}>
      <div className={styles.header}>
        <Title2 as="h1" id="step-title">
          {title ?? step.title}
        </Title2>
        {settings && <StatusBadge status={settings.stepStatus[stepId]} />}
      </div>
      {tutorialStep && <Text className={styles.tutorial}>Tutorial: {tutorialStep}</Text>}
      <div className={styles.body}>{children}</div>
      <div className={styles.footer}>
        {previous && <Button onClick={() => go(previous.id)}>Back</Button>}
        {next && (
          <Button appearance="primary" data-testid="next-step" onClick={() => go(next.id)}>
            Next: {next.title}
          </Button>
        )}
      </div>
    </section>
  );
}
