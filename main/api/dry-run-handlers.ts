import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import { newestLogEntries, provisioningObjectSummaries } from '../provisioning';
import type { HandlerTable } from './handler-table';

type Channels = 'getDryRunStatus' | 'startDryRun' | 'cancelDryRun' | 'getDryRunLog' | 'getDryRunGraphLog';

export function dryRunHandlers(context: AppContext): Pick<HandlerTable, Channels> {
  const session = context.dryRun;
  return {
    getDryRunStatus: () => session.status(),
    startDryRun: async (request) => {
      await session.start(request);
      return session.status();
    },
    cancelDryRun: async () => {
      session.cancel();
      return session.status();
    },
    getDryRunGraphLog: async () => {
      const result = session.log();
      if (!result || result.logSize === 0) throw new ApiError('not-found', 'Run a cycle first.');
      const page = context.redactor.value(
        provisioningObjectSummaries(newestLogEntries(result), result.summary),
      );
      const stamp = result.summary.startedAt.replace(/[^0-9]/g, '').slice(0, 12);
      return {
        fileName: `dry-run-provisioning-log-${stamp}.json`,
        text: JSON.stringify(page, null, 2),
        events: page.value.length,
        totalEvents: result.logSize,
      };
    },
    getDryRunLog: async ({ offset, limit, action, status, search }) => {
      const result = session.log();
      if (!result) return { total: 0, matching: 0, entries: [], dropped: 0 };
      // Newest first, as Entra's provisioning logs are listed; only the page asked for is read.
      const page = result.queryLog({ offset, limit, action, status, search });
      return {
        total: page.total,
        matching: page.matching,
        entries: context.redactor.value(page.entries),
        dropped: result.droppedLogEntries,
      };
    },
  };
}
