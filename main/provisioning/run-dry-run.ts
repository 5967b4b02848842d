/** One call for the app and the CLI: several cycles over successive imports, then the result. */
import { createProvisioningEngine } from './engine';
import type { CycleRunOptions, DryRunResult, ProvisioningEngineOptions, SourceSnapshot } from './types';

export interface RunDryRunOptions extends ProvisioningEngineOptions, CycleRunOptions {
  /** One snapshot per cycle: the first drives the initial cycle, the rest incremental ones. */
  snapshots: readonly SourceSnapshot[];
  /** Stop after a cycle that quarantined the job (Entra would wait a day). Default true. */
  stopOnQuarantine?: boolean;
  /** 1-based cycles before which the job is restarted (Entra's "Restart provisioning"). */
  restartBeforeCycles?: readonly number[];
}

export async function runDryRun(options: RunDryRunOptions): Promise<DryRunResult> {
  const engine = createProvisioningEngine(options);
  try {
    for (const [index, snapshot] of options.snapshots.entries()) {
      if (index > 0 && options.restartBeforeCycles?.includes(index + 1)) engine.restart();
      const report = await engine.runCycle(snapshot, options);
      if (report.cancelled) break;
      if (report.quarantine && options.stopOnQuarantine !== false) break;
    }
    return engine.result();
  } finally {
    await engine.close();
  }
}
