import { Link, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DryRunStatusView } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { useJobEvents } from '../../api/use-job-events';
import { StepLayout } from '../../components/StepLayout';
import { useAssistant } from '../../state/assistant-state';
import { DryRunControls } from './DryRunControls';
import { DryRunLog } from './DryRunLog';
import { DryRunProgress } from './DryRunProgress';
import { DryRunSummaryView } from './DryRunSummaryView';
import { runTargetWords } from '../../../shared/provisioning/run-target';
import { useLiveTenant, type Target } from '../../components/TargetSwitch';
import { messageOf, when } from '../../text';
import { useNavigation } from '../../components/navigation';
import { showMappingRow } from '../mappings/pending-row';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function DryRunStep() {
  const styles = useStyles();
  const { refresh } = useAssistant();
  const [status, setStatus] = useState<DryRunStatusView | null>(null);
  const [target, setTarget] = useState<Target>('mock');
  const chosen = runTargetWords(target, useLiveTenant()?.host ?? null);
  const shown = status?.summary ? runTargetWords(status.summary.target, status.summary.targetHost) : null;
  // The title names a live run as soon as the tenant is chosen, and while its results are shown.
  const liveWords = chosen.live ? chosen : shown;
  const [error, setError] = useState<string | null>(null);

  // Counts `finished` events, so an answer to Start that arrives after its cycle already ended is not
  // taken for the current state.
  const finished = useRef(0);
  const reload = useCallback(() => void api.getDryRunStatus({}).then(setStatus), []);

  // Progress arrives by push (main/jobs → dryRunJob events); the whole status, summary and log included,
  // is read once the cycle has finished, and the step statuses in the rail are refreshed.
  useJobEvents(
    'dryRunJob',
    (event) => {
      if (event.type === 'progress')
        setStatus((current) => (current ? { ...current, running: true, progress: event.progress } : current));
      else if (event.type === 'finished') {
        finished.current += 1;
        void api.getDryRunStatus({}).then((next) => {
          setStatus(next);
          void refresh();
        });
      }
    },
    reload,
  );

  useEffect(reload, [reload]);

  const { goToStep } = useNavigation();
  // When a run is refused for a broken mapping, the row to fix: the refusal links to it.
  const [brokenMapping, setBrokenMapping] = useState<string | null>(null);
  const act = useCallback(async (action: () => Promise<DryRunStatusView>) => {
    setError(null);
    setBrokenMapping(null);
    const seen = finished.current;
    try {
      const next = await action();
      setStatus(next.running && finished.current !== seen ? await api.getDryRunStatus({}) : next);
    } catch (failure) {
      setError(messageOf(failure));
      const mapping = await api.getMapping({}).catch(() => null);
      const broken = mapping?.problems.find(
        (problem) => problem.severity === 'error' && problem.mappingIndex !== undefined,
      );
      const target = broken ? mapping?.config.mappings[broken.mappingIndex!]?.target : undefined;
      setBrokenMapping(target ?? null);
    }
  }, []);

  return (
    <StepLayout
      stepId="dry-run"
      tutorialStep="Before Step 5’s Provisioning Status On"
      // A run against the tenant writes to it: the page says so in its title, not only in the results.
      title={liveWords?.live ? liveWords.title : undefined}
    >
      <p>
        Runs Entra’s provisioning cycle the way Entra will: for each user in scope it looks the user up in
        Jostle by the matching attribute, then creates, updates or deactivates them, with your mapping and
        scope. Run it against Mock Jostle first. A second run after you change the import, the mapping or the
        scope is an incremental cycle: only what changed is sent.
      </p>
      <div className={styles.stack}>
        <DryRunControls
          status={status}
          onStart={(request) => void act(() => api.startDryRun(request))}
          onCancel={() => void act(() => api.cancelDryRun({}))}
          target={target}
          onTargetChange={setTarget}
        />
        {error && (
          <MessageBar intent="error" data-testid="dry-run-error">
            <MessageBarBody>
              {error}
              {brokenMapping && (
                <>
                  {' '}
                  <Link
                    data-testid="dry-run-fix-mapping"
                    onClick={() => {
                      showMappingRow(brokenMapping);
                      goToStep('mappings');
                    }}
                  >
                    Open the {brokenMapping} mapping
                  </Link>
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {status?.problem && (
          <MessageBar intent="error">
            <MessageBarBody>The run stopped: {status.problem}</MessageBarBody>
          </MessageBar>
        )}
        {status?.running && status.progress && <DryRunProgress progress={status.progress} />}
        {status?.summary && status.fromEarlierSession && (
          <MessageBar intent="info" data-testid="dry-run-earlier-session">
            <MessageBarBody>
              From before the assistant restarted: the run against{' '}
              {status.summary.target === 'mock' ? 'Mock Jostle' : status.summary.targetHost} that finished{' '}
              {when(status.summary.finishedAt)}. A restart empties Mock Jostle, so the next run is a new
              initial cycle.
            </MessageBarBody>
          </MessageBar>
        )}
        {status?.summary && <DryRunSummaryView summary={status.summary} />}
        {status?.summary && !status.running && !status.fromEarlierSession && (
          <DryRunLog
            key={`${status.cyclesRun}-${status.summary.finishedAt}`}
            title={shown?.live ? `Provisioning log: ${shown.title}` : undefined}
          />
        )}
      </div>
    </StepLayout>
  );
}
