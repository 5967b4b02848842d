/**
 * The Dry run step's engine for this session. The first cycle is Entra's initial cycle; later cycles over a
 * changed import (or edited mapping and scope) are incremental, against the same target state, until the
 * admin starts over. Each cycle runs in the background as a job (main/jobs): progress is pushed to the
 * window as dryRunJob events; the status and the log are read on `finished`.
 */
import type { ApiRequestParsed, ApiResponse } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { writeConfirmed } from '../../shared/connection/validation';
import { RESULT_NAMES } from './data-files';
import { dryRunEngineOptions, type DryRunChoices } from './dry-run-engine-options';
import type { AppPath } from '../../shared/app-path/app-path';
import { liveClientSettings } from '../network/client-settings';
import { ensureReachable } from './dry-run-reachability';
import { dryRunSummarySchema } from '../../shared/provisioning/summary-schema';
import {
  createProvisioningEngine,
  type ProvisioningEngine,
  type ProvisioningProgress,
  type SourceSnapshot,
} from '../provisioning';
import type { Logger } from '../logging/logger';
import type { Redactor } from '../logging/redactor';
import type { NetworkSources } from '../network/client-settings';
import type { ApiKeyVault } from '../secrets';
import type { JobSlot, JobSlots } from '../jobs/job';
import type { ConfigurationStore } from './configuration';
import type { EmbeddedMock } from './embedded-mock';
import type { ResultsStore } from './results-store';

/** What a dry-run session needs, and no more: the saved inputs, the two targets, and where results go. */
export interface DryRunDependencies extends NetworkSources {
  /** The setup path in force (app-path.ts). */
  appPath(): AppPath;
  configuration: ConfigurationStore;
  mock: EmbeddedMock;
  vault: ApiKeyVault;
  results: ResultsStore;
  logger: Logger;
  redactor: Redactor;
  jobs: JobSlots;
}

export const DRY_RUN_SUMMARY_FILE = RESULT_NAMES.dryRunSummary;

type StartRequest = ApiRequestParsed<'startDryRun'>;
type DryRunStatus = ApiResponse<'getDryRunStatus'>;

export class DryRunSession {
  private engine: ProvisioningEngine | null = null;
  private target: 'mock' | 'live' | null = null;
  private cyclesRun = 0;
  private progress: ProvisioningProgress | null = null;
  private problem: string | null = null;

  private readonly job: JobSlot<'dryRunJob'>;

  constructor(private readonly context: DryRunDependencies) {
    this.job = context.jobs.slot('dryRunJob', 'A dry run is already running. Wait for it or cancel it.');
  }

  private async snapshot(request: StartRequest): Promise<SourceSnapshot> {
    const { configuration } = this.context;
    const [users, assignments, mapping, scope] = await Promise.all([
      configuration.importedUsers(),
      configuration.importedAssignments(),
      configuration.mapping(),
      configuration.scope(),
    ]);
    if (!users) throw new ApiError('not-found', 'Import your users first, in the Scope step.');
    const mappingErrors = mapping.problems.filter((problem) => problem.severity === 'error');
    if (mappingErrors.length > 0) {
      throw new ApiError(
        'invalid-request',
        `Fix the attribute mappings first: ${mappingErrors[0]!.message}.`,
      );
    }
    if (scope.problems.some((problem) => problem.severity === 'error')) {
      throw new ApiError('invalid-request', 'Fix the scoping filters first, in the Scope step.');
    }
    return {
      users: users.users,
      ...(assignments ? { assignments: assignments.assignments } : {}),
      scope: scope.config,
      mapping: mapping.config,
      ...(request.permanentlyDeleted ? { permanentlyDeleted: request.permanentlyDeleted } : {}),
      ...(request.daysSincePreviousCycle !== undefined
        ? { daysSincePreviousCycle: request.daysSincePreviousCycle }
        : {}),
    };
  }

  /** The request's settings and the setup path in force (the PATCH format depends on it). */
  private choices(request: StartRequest): DryRunChoices {
    return { ...request, appPath: this.context.appPath() };
  }

  private async createEngine(request: StartRequest): Promise<ProvisioningEngine> {
    if (request.target === 'mock') {
      const mock = await this.context.mock.ensure();
      mock.reset(); // An initial cycle starts from an empty Jostle, as a new tenant would.
      this.mockBaseUrl = mock.baseUrl;
      const target = { kind: 'mock', baseUrl: mock.baseUrl, token: mock.token } as const;
      return createProvisioningEngine(await dryRunEngineOptions(this.context, target, this.choices(request)));
    }
    const saved = await this.context.vault.read();
    if (!saved) throw new ApiError('not-found', 'Save your Jostle Base URL and API key first (step 3).');
    if (!writeConfirmed(saved.baseUrl, request.confirmHost)) {
      const host = new URL(saved.baseUrl).hostname;
      throw new ApiError('invalid-request', `Type ${host} to confirm a dry run against your live tenant.`, {
        confirmHost: 'Does not match.',
      });
    }
    const target = { kind: 'live', baseUrl: saved.baseUrl, token: saved.apiKey } as const;
    // checkTarget asked the target once already, before anything was replaced.
    return createProvisioningEngine({
      ...(await dryRunEngineOptions(this.context, target, this.choices(request))),
      reachabilityChecked: true,
    });
  }

  /** Set synchronously on entry to start(): two start calls in the same tick cannot both pass the check. */
  private starting = false;

  async start(request: StartRequest): Promise<void> {
    if (this.job.running || this.starting)
      throw new ApiError('busy', 'A dry run is already running. Wait for it or cancel it.');
    this.starting = true;
    try {
      await this.startGuarded(request);
    } finally {
      this.starting = false;
    }
  }

  /**
   * Checks the target answers before anything changes: the cycles so far are kept when it does not. A
   * next cycle against Mock Jostle needs the same mock it started on (a restarted one is empty, and has a
   * new address), so it asks for Start over; an initial cycle starts Mock Jostle itself.
   */
  private async checkTarget(request: StartRequest, replacing: boolean): Promise<void> {
    const kept =
      this.cyclesRun > 0
        ? `the ${this.cyclesRun === 1 ? 'cycle' : `${this.cyclesRun} cycles`} run so far ${this.cyclesRun === 1 ? 'is' : 'are'} kept`
        : 'no cycle was recorded';
    if (request.target === 'mock') {
      if (replacing) return;
      const current = await this.context.mock.current();
      if (!current || current.baseUrl !== this.mockBaseUrl) {
        throw new ApiError(
          'not-available',
          `Mock Jostle is not running: it stopped after cycle ${this.cyclesRun}. Start over to run a new initial ` +
            `cycle (it starts Mock Jostle, empty). Nothing was sent; ${kept}.`,
        );
      }
      return;
    }
    const saved = await this.context.vault.read();
    if (!saved) return; // createEngine says what to do.
    if (!writeConfirmed(saved.baseUrl, request.confirmHost)) return; // Likewise.
    await ensureReachable(
      // The same network settings as the run itself, the saved proxy sign-in included.
      { baseUrl: saved.baseUrl, token: saved.apiKey, ...(await liveClientSettings(this.context)) },
      kept,
    );
  }

  private mockBaseUrl: string | null = null;

  private async startGuarded(request: StartRequest): Promise<void> {
    const snapshot = await this.snapshot(request);
    const replacing = request.fresh || !this.engine || this.target !== request.target;
    await this.checkTarget(request, replacing);
    if (replacing) {
      await this.engine?.close();
      this.engine = null;
      this.engine = await this.createEngine(request);
      this.target = request.target;
      this.cyclesRun = 0;
    }
    const engine = this.engine;
    if (!engine) throw new ApiError('internal', 'The dry run has no engine.');
    if (request.restart && !request.fresh) engine.restart();
    this.progress = null;
    this.problem = null;
    // The cycle is a job: progress goes out as dryRunJob events; `finished` follows once the summary is
    // saved, so a window that reads the status on `finished` sees the finished cycle.
    const { done } = this.job.run(async (job) => {
      try {
        await engine.runCycle(snapshot, {
          signal: job.signal,
          onProgress: (progress) => {
            this.progress = progress;
            job.progress(progress);
          },
        });
        this.cyclesRun += 1;
        await this.context.results.save(DRY_RUN_SUMMARY_FILE, engine.result().summary);
      } catch (error) {
        this.problem = error instanceof Error ? error.message : String(error);
        this.context.logger.log('error', 'dry run failed', { error: this.problem });
        throw error;
      }
    });
    done.catch(() => undefined);
  }

  cancel(): void {
    this.job.cancel();
  }

  async status(): Promise<DryRunStatus> {
    const summary = this.engine ? this.engine.result().summary : null;
    // After a restart there is no engine, but the saved summary still decides the step's status: show it.
    const saved =
      this.engine || this.job.running
        ? null
        : await this.context.results
            .load(DRY_RUN_SUMMARY_FILE, (value) => dryRunSummarySchema.parse(value))
            .catch(() => null);
    const shown = summary && summary.cycles.length > 0 ? summary : saved;
    return {
      running: this.job.running,
      cyclesRun: this.cyclesRun,
      target: this.target,
      progress: this.progress,
      summary: shown && shown.cycles.length > 0 ? this.context.redactor.value(shown) : null,
      problem: this.problem,
      ...(saved && shown === saved ? { fromEarlierSession: true } : {}),
    };
  }

  log() {
    return this.engine ? this.engine.result() : null;
  }

  async close(): Promise<void> {
    this.job.cancel();
    await this.engine?.close();
  }
}
