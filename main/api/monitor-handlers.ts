/**
 * The Monitor step's log analysis (shared/api/contracts/monitor): the one place a provisioning log is read
 * and summarised, for the window (a dropped file or Graph), the CLI and the support export.
 */
import { ApiError } from '../../shared/api/errors';
import { parseProvisioningLogs, summariseProvisioningLogs } from '../../shared/provisioning-logs';
import type { AppContext } from '../app/context';
import { MonitorAnalysisStore, type MonitorAnalysis } from '../app/monitor-analysis-store';
import { exportRedaction, redactStrings } from '../export/redact';
import { readPickedFile } from '../host/picked-files';
import type { HandlerTable } from './handler-table';

type Channels = 'getMonitorAnalysis' | 'importProvisioningLog' | 'clearMonitorAnalysis';

/** Entra's downloads are CSV or JSON; Log Analytics and Azure Monitor archives add JSON Lines. */
const LOG_EXTENSIONS = ['.csv', '.json', '.jsonl', '.ndjson', '.txt'];

/**
 * Parses and summarises one log text. A file that is not a provisioning log throws with its problem
 * (line and column where known), so the previous analysis stays.
 */
function analyseProvisioningLog(
  text: string,
  fileName: string,
  source: MonitorAnalysis['source'],
  extraWarnings: string[] = [],
): Omit<MonitorAnalysis, 'importedAt'> {
  const parsed = parseProvisioningLogs(text, { fileName });
  if (!parsed.ok) {
    throw new ApiError('invalid-request', parsed.error.message, { file: parsed.error.message });
  }
  return {
    fileName,
    source,
    summary: summariseProvisioningLogs(parsed.rows),
    warnings: [...parsed.warnings, ...extraWarnings],
  };
}

export function monitorHandlers(
  context: AppContext,
  readGraphLogs: () => ReturnType<HandlerTable['graphProvisioningLogs']>,
): Pick<HandlerTable, Channels> {
  const store = new MonitorAnalysisStore(context.dataDir);
  return {
    getMonitorAnalysis: async () => ({ analysis: await store.current() }),

    importProvisioningLog: async (request) => {
      let analysis: Omit<MonitorAnalysis, 'importedAt'>;
      if (request.source === 'graph') {
        const logs = await readGraphLogs();
        const truncated = logs.truncated ? [`Only the newest ${logs.events} events were read.`] : [];
        analysis = analyseProvisioningLog(logs.text, logs.fileName, 'graph', truncated);
      } else {
        const file = await readPickedFile(request.file, LOG_EXTENSIONS);
        analysis = analyseProvisioningLog(file.text, file.name, 'file');
      }
      // A server that echoed the key into a failure reason: redacted before anything is written.
      const redacted = redactStrings(analysis, exportRedaction(context.redactor));
      const saved = await store.save({ ...redacted, importedAt: new Date().toISOString() });
      context.logger.log('info', 'provisioning log analysed', { events: analysis.summary.total });
      return { analysis: saved };
    },

    clearMonitorAnalysis: async () => {
      await store.clear();
      return { analysis: null };
    },
  };
}
