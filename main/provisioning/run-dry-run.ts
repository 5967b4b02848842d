/** One call for the app and the CLI: several cycles over successive imports, then the result. */
import { createProvisioningEngine } from './engine';
import type { CycleRunOptions, DryRunResult, ProvisioningEngineOptions, SourceSnapshot } from './types';

export interface RunDryRunOptions extends ProvisioningEngineOptions, CycleRunOptions {
  /** One snapshot per cycle: the first drives the initial cycle, the rest incremental ones. */
  snapshots: readonly SourceSnapshot[];
  /** Stop after a cycle that quarantined the job (Entra would wait a day). Default true. */
  stopOnQuarantine?: boolean;
}

export async function runDryRun(options: RunDryRunOptions): Promise<DryRunResult> {
  const engine = createProvisioningEngine(options);
  try {
    for (const snapshot of options.snapshots) {
      const report = await engine.runCycle(snapshot, options);
      if (report.cancelled) break;
      if (report.quarantine && options.stopOnQuarantine !== false) break;
    }
    return engine.result();
  } finally {
    await engine.close();
  }
}
