/**
 * What a dry run talks to, in the same words on the Dry run step, its log and the export. A run against the
 * saved tenant is no dry run: it writes to that tenant, so it is called a live run wherever it appears.
 * A saved Base URL on this computer (Mock Jostle) is not a tenant and is never called one.
 */
import { isLoopbackHost } from '../connection/validation';

export type RunTarget = 'mock' | 'live';

export interface RunTargetWords {
  /** True only for a run that writes to a Jostle tenant. */
  live: boolean;
  /** "Live run: writes to contoso.jostle.us", "Dry run against Mock Jostle". */
  title: string;
  /** The start button: "Live run: write to contoso.jostle.us", "Run the initial cycle". */
  startLabel: string;
  /** The next-cycle button. */
  nextLabel: string;
}

const hostnameOf = (host: string): string => host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');

export function runTargetWords(target: RunTarget, host: string | null): RunTargetWords {
  if (target === 'live' && host && !isLoopbackHost(hostnameOf(host))) {
    return {
      live: true,
      title: `Live run: writes to ${host}`,
      startLabel: `Live run: write to ${host}`,
      nextLabel: `Live run: next cycle, writes to ${host}`,
    };
  }
  return {
    live: false,
    title:
      target === 'mock'
        ? 'Dry run against Mock Jostle'
        : `Dry run against ${host ?? 'the saved Base URL'} (on this computer)`,
    startLabel: 'Run the initial cycle',
    nextLabel: 'Run the next cycle',
  };
}
