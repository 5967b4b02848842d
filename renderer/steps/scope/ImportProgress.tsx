import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ImportProgress as Progress } from '../../../shared/api/events';
import { fileSizeText } from '../../../shared/api/uploads';
import { useJobEvents } from '../../api/use-job-events';
import { plural } from '../../text';
import type { ImportRun } from './use-file-import';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cancel: { marginLeft: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Where the import is: sending (browser mode), reading rows, then checking and saving them. */
function phase(run: ImportRun, read: Progress | null): { text: string; fraction?: number } {
  if (read) {
    if (read.totalBytes > 0 && read.bytesRead < read.totalBytes)
      return { text: `Reading: ${plural(read.rows, 'row')}`, fraction: read.bytesRead / read.totalBytes };
    return { text: `Checking and saving ${plural(read.rows, 'row')}…` };
  }
  if (run.sentBytes !== null && run.sentBytes < run.totalBytes) {
    return {
      text: `Sending to the assistant: ${fileSizeText(run.sentBytes)} of ${fileSizeText(run.totalBytes)}`,
      fraction: run.totalBytes === 0 ? 0 : run.sentBytes / run.totalBytes,
    };
  }
  return { text: 'Reading…' };
}

/**
 * "Importing users.csv (105 MB)…" from the moment the file is picked, then bytes sent, rows read (main's
 * importJob events) and what the import will replace, with a Cancel. Subscribed while the panel is shown,
 * so the first event of an import is not missed; events are kept only for the run they belong to.
 */
export function ImportProgress({
  run,
  replacing,
  onCancel,
}: {
  run: ImportRun | null;
  /** What a successful import replaces ("11 users from small3.csv"); null when there is nothing. */
  replacing: string | null;
  onCancel(): void;
}) {
  const styles = useStyles();
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  const [progress, setProgress] = useState<{ runId: number; value: Progress } | null>(null);
  useJobEvents('importJob', (event) => {
    const current = latest.current;
    if (event.type !== 'progress' || !current || event.progress.fileName !== current.fileName) return;
    setProgress({ runId: current.id, value: event.progress });
  });
  if (run === null) return null;
  const read = progress?.runId === run.id && run.channel === 'importUsers' ? progress.value : null;
  const { text, fraction } = phase(run, read);
  return (
    <div className={styles.box} data-testid="import-progress">
      <div className={styles.line}>
        <Text role="status" weight="semibold" data-testid="import-progress-title">
          Importing {run.fileName} ({fileSizeText(run.totalBytes)})…
        </Text>
        <Button size="small" className={styles.cancel} data-testid="import-cancel" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {/* Moves while there is no count to show (checking and saving), so the window never looks stuck. */}
      <ProgressBar value={fraction} aria-label={`Importing ${run.fileName}`} />
      <Text size={200} data-testid="import-progress-detail">
        {text}
      </Text>
      {replacing && (
        <Text size={200} className={styles.muted} data-testid="import-replacing">
          Replaces {replacing} once it is done; Cancel keeps them.
        </Text>
      )}
    </div>
  );
}
