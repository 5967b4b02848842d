import { writeFile } from 'node:fs/promises';
import { parseFaultSpec, startMockJostle, type FaultSpec, type MockJostle } from '../../mock-jostle';
import { dryRunEngineOptions } from '../../app/dry-run-engine-options';
import { openCliContext } from '../app-context';
import {
  GRAPH_LOG_EXPORT_LIMIT,
  newestLogEntries,
  provisioningObjectSummaries,
  runDryRun,
  type CycleReport,
  type ProvisioningProgress,
  type DryRunResult,
  type SourceSnapshot,
} from '../../provisioning';
import { writeConfirmed } from '../../../shared/connection/validation';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { tokenForUrl } from '../token';
import { InputFileError, loadInputs, loadUsers } from '../load-inputs';
import { describeInitialCycleEstimate } from '../../../shared/provisioning/cycle-estimate';
import { dryRunDefaults } from '../../../shared/provisioning/dry-run-defaults';
import { days, parse, positiveInteger, targetObjectActions, usage } from './dry-run-options';

function cycleLine(report: CycleReport): string {
  const parts: string[] = [];
  for (const [action, byStatus] of Object.entries(report.counts)) {
    for (const [status, count] of Object.entries(byStatus))
      if (count) parts.push(`${action} ${status} ${count}`);
  }
  if (report.unchanged) parts.push(`unchanged ${report.unchanged}`);
  if (report.notProcessed) parts.push(`not processed ${report.notProcessed}`);
  return (
    `Cycle ${report.cycle} (${report.kind}${report.cancelled ? ', cancelled' : ''}): ${report.inScope} in scope; ` +
    `${parts.join(', ') || 'nothing to do'}; ${report.requests} requests in ${report.durationMs} ms`
  );
}

function printText(result: DryRunResult, io: CliIo): void {
  const { summary } = result;
  io.stdout(
    `Dry run against ${summary.target === 'mock' ? 'the mock Jostle' : summary.targetHost}, PATCH dialect ${summary.patchDialect}`,
  );
  if (summary.settings) {
    const { targetObjectActions: actions, skipOutOfScopeDeletions, deletionThreshold } = summary.settings;
    const ticked = (['create', 'update', 'delete'] as const).filter((action) => actions[action]);
    io.stdout(
      `Job settings: Target Object Actions ${ticked.join(', ') || 'none'}; SkipOutOfScopeDeletions ` +
        `${skipOutOfScopeDeletions ? 'on' : 'off'}; accidental-deletion prevention ` +
        `${deletionThreshold === null ? 'off' : `on, threshold ${deletionThreshold}`}`,
    );
  }
  for (const report of summary.cycles) {
    io.stdout(cycleLine(report));
    const limited = report.notProcessedReasons.startSmallLimit;
    if (limited)
      io.stdout(
        `  Start small: ${limited} users not processed (first: ${report.notProcessedSample.slice(0, 5).join(', ')})`,
      );
    if (report.deletionThresholdExceeded)
      io.stdout(
        `  Accidental-deletion threshold exceeded: ${report.deletionsPlanned} disables/deletes staged`,
      );
    if (report.earlyWarning) io.stdout(`  ${report.earlyWarning}`);
  }
  if (summary.quarantine.quarantined)
    io.stdout(`Quarantine: ${summary.quarantine.reason}. ${summary.quarantine.explanation}`);
  for (const error of summary.firstErrors.slice(0, 10)) {
    io.stdout(`  ${error.action} failed for ${error.user}: ${error.errorCode}: ${error.message}`);
  }
  io.stdout(describeInitialCycleEstimate(summary.estimate));
}

export const dryRunCommand: CliCommand = {
  name: 'dry-run',
  summary: "Simulate Entra's provisioning cycles against the mock (or, confirmed, live Jostle)",
  usage,
  async run(args, io, signal) {
    const options = parse(args);
    const nextUsers = options['next-users'] ?? [];
    const imports = 1 + nextUsers.length;
    const cycles = positiveInteger(options.cycles, '--cycles', 100) ?? imports;
    if (cycles < imports)
      throw new UsageError(
        `--cycles ${cycles} is fewer than the ${imports} imports given (--users and --next-users).`,
      );
    const deletionThreshold = positiveInteger(
      options['deletion-threshold'],
      '--deletion-threshold',
      10_000_000,
    );
    const actions = targetObjectActions(options['target-object-actions']);
    const daysBetween = days(options['days-between-cycles']);
    const restarts = (options['restart-before-cycle'] ?? []).map((text) => {
      const cycle = positiveInteger(text, '--restart-before-cycle', 100)!;
      if (cycle < 2 || cycle > cycles)
        throw new UsageError(`--restart-before-cycle must name a cycle from 2 to ${cycles}.`);
      return cycle;
    });
    const permanentlyDeleted = (options['permanently-deleted'] ?? [])
      .flatMap((text) => text.split(','))
      .map((id) => id.trim())
      .filter(Boolean);
    const maxUsers = positiveInteger(options['max-users'], '--max-users', 10_000_000);
    const concurrency = positiveInteger(options.concurrency, '--concurrency', 1_000);
    const rate = positiveInteger(options.rate, '--rate', 100_000);
    const timeoutSeconds = positiveInteger(options.timeout, '--timeout', 600);
    if (
      options.dialect !== undefined &&
      options.dialect !== 'default' &&
      options.dialect !== 'aadOptscim062020'
    )
      throw new UsageError('--dialect must be default or aadOptscim062020.');
    const onMock = options.target === 'mock';
    const chosenDialect = options.dialect;
    let faults: FaultSpec[] = [];
    if (options.faults !== undefined) {
      if (!onMock) throw new UsageError('--faults works only with --target mock.');
      try {
        faults = parseFaultSpec(options.faults);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
    let liveUrl: URL | undefined;
    if (!onMock) {
      try {
        liveUrl = new URL(options.target);
      } catch {
        throw new UsageError(`--target must be mock or a SCIM Base URL, not “${options.target}”.`);
      }
      if (!writeConfirmed(liveUrl.href, options['confirm-host'])) {
        throw new UsageError(
          `A dry run against ${liveUrl.hostname} creates, changes and disables real users: add --confirm-host ${liveUrl.hostname} to confirm.`,
        );
      }
    }

    let mock: MockJostle | undefined;
    try {
      const inputs = await loadInputs(
        {
          users: options.users ?? [],
          assignments: options.assignments,
          mapping: options.mapping,
          scope: options.scope,
          app: options.app,
          entraSchema: options['entra-schema'],
        },
        io,
      );
      // Where the window's Dry run step starts too: the Entra schema's Target Object Actions, and the path's
      // PATCH format for this Tenant URL (shared/provisioning/dry-run-defaults).
      const defaults = dryRunDefaults({
        appPath: inputs.appPath,
        tenantUrl: onMock ? null : options.target,
        entraSchema: inputs.entraSchema,
      });
      // On the custom path a flagged Tenant URL fixes the format (COMPAT), so the opposite choice is refused.
      if (defaults.patchDialect === 'aadOptscim062020' && chosenDialect === 'default')
        throw new UsageError(
          'The Base URL ends with ?aadOptscim062020, which selects that dialect on a custom app: drop --dialect default.',
        );
      const dialect = chosenDialect ?? defaults.patchDialect;
      if (!chosenDialect) io.stderr(`PATCH format: ${defaults.patchDialectFrom}`);
      if (!actions) io.stderr(`Target Object Actions: ${defaults.targetObjectActionsFrom}`);
      const token = liveUrl ? await tokenForUrl(liveUrl, options['token-env'], io.env) : undefined;
      if (onMock) mock = await startMockJostle({ faults });
      const later: SourceSnapshot['users'][] = [];
      for (const file of nextUsers) later.push(await loadUsers([file], io));
      const shared = {
        ...(permanentlyDeleted.length ? { permanentlyDeleted } : {}),
        ...(daysBetween !== undefined ? { daysSincePreviousCycle: daysBetween } : {}),
      };
      const snapshots: SourceSnapshot[] = Array.from({ length: cycles }, (_, index) => {
        const users = index === 0 ? inputs.users : (later[Math.min(index, later.length) - 1] ?? inputs.users);
        return {
          users,
          assignments: inputs.assignments,
          scope: inputs.scope,
          mapping: inputs.mapping,
          appPath: inputs.appPath,
          ...shared,
        };
      });
      // The app's context and the app's one function for engine options: the same defaults ("start small",
      // dialect, job settings) and the saved network settings (trusted certificates, system CA) as the window.
      const context = await openCliContext(io.env, io.stderr);
      const target = mock
        ? ({ kind: 'mock', baseUrl: mock.baseUrl, token: mock.token } as const)
        : ({ kind: 'live', baseUrl: options.target, token: token! } as const);
      const result = await runDryRun({
        ...(await dryRunEngineOptions(context, target, {
          appPath: inputs.appPath,
          patchDialect: dialect,
          skipOutOfScopeDeletions: options['skip-out-of-scope-deletions'],
          targetObjectActions: actions ?? defaults.targetObjectActions,
          deletionThreshold: deletionThreshold ?? null,
          ...(maxUsers ? { maxUsers } : {}),
          ...(concurrency ? { concurrency } : {}),
          ...(rate ? { requestsPerSecond: rate } : {}),
          ...(timeoutSeconds
            ? {
                timeouts: {
                  connectMs: Math.min(10_000, timeoutSeconds * 1000),
                  headersMs: timeoutSeconds * 1000,
                  bodyMs: timeoutSeconds * 1000,
                },
              }
            : {}),
        })),
        restartBeforeCycles: restarts,
        snapshots,
        signal,
        onProgress: progressLines(io),
      });
      if (options['log-out']) {
        const page = provisioningObjectSummaries(newestLogEntries(result), result.summary);
        if (page.value.length < result.logSize)
          io.stderr(
            `The log has ${result.logSize} events; ${options['log-out']} holds the newest ${page.value.length} (at most ${GRAPH_LOG_EXPORT_LIMIT} in one file).`,
          );
        try {
          await writeFile(options['log-out'], `${JSON.stringify(page, null, 2)}\n`);
        } catch (error) {
          throw new InputFileError(
            `Cannot write ${options['log-out']}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          );
        }
      }
      if (options.json) {
        const { summary } = result;
        io.stdout(
          JSON.stringify(
            {
              ...summary,
              requests: summary.cycles.reduce((sum, cycle) => sum + cycle.requests, 0),
              durationMs: summary.cycles.reduce((sum, cycle) => sum + cycle.durationMs, 0),
              logEntries: result.logSize,
            },
            null,
            2,
          ),
        );
      } else printText(result, io);
      const failed =
        result.summary.quarantine.quarantined ||
        result.summary.firstErrors.length > 0 ||
        result.summary.cycles.some((cycle) => cycle.cancelled);
      return failed ? 1 : 0;
    } catch (error) {
      if (error instanceof InputFileError) {
        io.stderr(error.message);
        return 1;
      }
      throw error;
    } finally {
      await mock?.close();
    }
  },
};

/**
 * A line on stderr every few seconds while a cycle runs, so a slow or stalled target is never minutes of
 * silence; quick runs (the usual mock run) print none. stdout stays the summary (or the JSON).
 */
function progressLines(io: CliIo, everyMs = 3_000): (progress: ProvisioningProgress) => void {
  let nextAt = Date.now() + everyMs;
  return (progress) => {
    const now = Date.now();
    if (now < nextAt || progress.processed >= progress.total) return;
    nextAt = now + everyMs;
    const eta = progress.etaMs === null ? '' : `, about ${Math.ceil(progress.etaMs / 1000)} s left`;
    io.stderr(
      `Cycle ${progress.cycle}: ${progress.processed.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} users, ${progress.requests.toLocaleString('en-US')} requests${eta}`,
    );
  };
}
