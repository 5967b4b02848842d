import { probeReportSchema } from '../../shared/api/contracts/probes';
import type { ProbeReportView } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import { RESULT_NAMES } from '../app/data-files';
import { runProbeJob } from '../app/probe-job';
import { startNetworkRun } from '../network/client-settings';
import type { HandlerTable } from './handler-table';

const PROBE_REPORT = RESULT_NAMES.probeReport;

/** Where probes go: the embedded mock, or the saved Base URL with the key from the keychain. */
export async function resolveTarget(
  context: AppContext,
  target: 'mock' | 'live',
): Promise<{ baseUrl: string; token: string }> {
  if (target === 'mock') {
    const mock = await context.mock.ensure();
    return { baseUrl: mock.baseUrl, token: mock.token };
  }
  const saved = await context.vault.read();
  if (!saved) throw new ApiError('not-found', 'Save your Jostle Base URL and API key first (step 3).');
  return { baseUrl: saved.baseUrl, token: saved.apiKey };
}

export function probeHandlers(
  context: AppContext,
): Pick<HandlerTable, 'runProbes' | 'cancelProbes' | 'getLatestProbeReport'> {
  // Probes are a job like the dry run: probeJob events as each probe starts and ends; the call answers with
  // the report (the job's result) once all are done.
  const job = context.jobs.slot('probeJob', 'Probes are already running. Wait for them or cancel them.');
  return {
    runProbes: ({ target, write, confirmHost }) =>
      job.run(async ({ signal, progress }) => {
        // A new Test connection asks the proxy sign-in again, even just after a Cancel.
        startNetworkRun(context);
        const { baseUrl, token } = await resolveTarget(context, target);
        const report = await runProbeJob(context, {
          baseUrl,
          token,
          write,
          confirmHost,
          signal,
          onProgress: (event) =>
            progress(
              event.type === 'started'
                ? { probeId: event.id, title: event.title, status: null }
                : { probeId: event.result.id, title: event.result.title, status: event.result.status },
            ),
        });
        const view: ProbeReportView = context.redactor.value({ ...report, target });
        await context.results.save(PROBE_REPORT, view);
        context.logger.log('info', 'probes finished', {
          target,
          write,
          ok: report.ok,
          counts: report.counts,
        });
        return view;
      }).done,
    cancelProbes: async () => ({ cancelled: job.cancel() }),
    getLatestProbeReport: async () => ({
      report: await context.results.load(PROBE_REPORT, (value) => probeReportSchema.parse(value)),
    }),
  };
}
