import { Button, makeStyles, Text, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { steps, type StepId } from '../../shared/wizard/steps';
import { useAssistant } from '../state/assistant-state';
import { StatusBadge } from './StatusBadge';
import { useHeadingFocus, useNavigation } from './navigation';
import { ExternalLink } from './ExternalLink';

/** Microsoft Learn's tutorial for the Jostle gallery app, which the steps follow. */
const JOSTLE_TUTORIAL_URL =
  'https://learn.microsoft.com/en-us/entra/identity/saas-apps/jostle-provisioning-tutorial';

const useStyles = makeStyles({
  // A plain h1 (Title2 does not forward refs) so focus can move to it after each navigation.
  title: {
    ...typographyStyles.title2,
    margin: 0,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
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
  nextPrimary,
  children,
}: {
  stepId: StepId;
  tutorialStep?: string;
  /** Overrides the step's title, e.g. the app step on the custom-app path. */
  title?: string;
  /** Whether Next is the page's primary button; by default, once the step is done. */
  nextPrimary?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { settings } = useAssistant();
  const { goToStep: go } = useNavigation();
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const index = steps.findIndex((step) => step.id === stepId);
  const step = steps[index]!;
  const previous = steps[index - 1];
  const next = steps[index + 1];
  const nextIsPrimary = nextPrimary ?? settings?.stepStatus[stepId] === 'done';
  return (
    <section aria-labelledby="step-title" data-testid={`panel-${stepId}`}>
      <div className={styles.header}>
        <h1 className={styles.title} id="step-title" tabIndex={-1} ref={heading}>
          {title ?? step.title}
        </h1>
        {settings && <StatusBadge status={settings.stepStatus[stepId]} />}
      </div>
      {tutorialStep && (
        <Text className={styles.tutorial} data-testid="tutorial-step">
          In Microsoft’s Jostle tutorial (its own step numbers):{' '}
          <ExternalLink href={JOSTLE_TUTORIAL_URL}>{tutorialStep}</ExternalLink>
        </Text>
      )}
      <div className={styles.body}>{children}</div>
      <div className={styles.footer}>
        {previous && <Button onClick={() => go(previous.id)}>Back</Button>}
        {next && (
          // One primary button a page: the step's own action until the step is done, then Next.
          <Button
            appearance={nextIsPrimary ? 'primary' : 'secondary'}
            data-appearance={nextIsPrimary ? 'primary' : 'secondary'}
            data-testid="next-step"
            onClick={() => go(next.id)}
          >
            Next: {next.title}
          </Button>
        )}
      </div>
    </section>
  );
}
