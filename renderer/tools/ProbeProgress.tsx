/**
 * What the diagnostics run is doing now, from the probeJob events main pushes while it runs: the probe in
 * progress and how many have finished, so a slow server is not a silent spinner. Progress events are
 * coalesced in main (a few per second), so a probe that passed quickly may not be named on its own.
 */
import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useJobEvents } from '../api/use-job-events';

interface Seen {
  /** The probe of the latest event, and its status (null: still running). */
  latest: { title: string; status: string | null } | null;
  finished: Map<string, string>;
}

const empty = (): Seen => ({ latest: null, finished: new Map() });
const STATUS_WORDS: Record<string, string> = {
  pass: 'passed',
  warn: 'warning',
  fail: 'failed',
  skipped: 'skipped',
};

export function ProbeProgress({ running }: { running: boolean }) {
  const [seen, setSeen] = useState<Seen>(empty);
  useJobEvents('probeJob', (event) => {
    if (event.type === 'started') setSeen(empty());
    if (event.type !== 'progress') return;
    const { probeId, title, status } = event.progress;
    setSeen((before) => {
      const finished = new Map(before.finished);
      if (status !== null) finished.set(probeId, status);
      return { latest: { title, status }, finished };
    });
  });
  if (!running || seen.latest === null) return null;
  const { title, status } = seen.latest;
  const failed = [...seen.finished.values()].filter((status) => status === 'fail').length;
  return (
    <Text role="status" aria-live="polite" data-testid="probe-progress">
      {status === null ? `Running: ${title}. ` : `${title}: ${STATUS_WORDS[status] ?? status}. `}
      {seen.finished.size} finished{failed > 0 ? `, ${failed} failed` : ''}.
    </Text>
  );
}
