/**
 * What the window shows of the settings — current step, checklists, notices and every step's status — built
 * in one place for the getSettings handlers and the support export.
 */
import type { SettingsView } from '../../shared/api/contract';
import { probeReportSchema } from '../../shared/api/contracts/probes';
import { latestCycleState } from '../../shared/provisioning/latest-cycle';
import { dryRunSummarySchema } from '../../shared/provisioning/summary-schema';
import { isLoopbackUrl } from '../../shared/connection/validation';
import { deriveStepStatuses } from '../../shared/wizard/status';
import type { AppContext } from './context';
import { RESULT_NAMES } from './data-files';

const hasErrors = (problems: ReadonlyArray<{ severity: string }>) =>
  problems.some((problem) => problem.severity === 'error');

export async function settingsView(context: AppContext): Promise<SettingsView> {
  const data = context.settings.read();
  const [key, mapping, scope, usersImported, dryRun, probeReport] = await Promise.all([
    context.vault.status(),
    context.configuration.mapping(),
    context.configuration.scope(),
    context.configuration.hasImportedUsers(),
    // Validated like every file read: a damaged or older summary reads as "no dry run yet".
    context.results.load(RESULT_NAMES.dryRunSummary, (value) => dryRunSummarySchema.parse(value)),
    context.results.load(RESULT_NAMES.probeReport, (value) => probeReportSchema.parse(value)),
  ]);
  // Only a test of the Base URL saved now counts: a failing test of an earlier URL, or of Mock Jostle, does not.
  const lastTest =
    probeReport?.target === 'live' && probeReport.baseUrl === data.connection.baseUrl
      ? probeReport.probes.find((probe) => probe.id === 'test-connection')
      : undefined;
  const latest = dryRun ? latestCycleState(dryRun) : null;
  return {
    currentStep: data.wizard.currentStep,
    checklists: data.wizard.checklists,
    notices: data.notices,
    stepStatus: deriveStepStatuses({
      checklists: data.wizard.checklists,
      connection: {
        baseUrlSaved: data.connection.baseUrl !== null,
        keySaved: key.saved,
        keyInMemoryOnly: key.saved && key.storage === 'memory',
        lastTestFailed: lastTest !== undefined && lastTest.status === 'fail',
        baseUrlIsLoopback: isLoopbackUrl(data.connection.baseUrl),
      },
      scope: { usersImported, saved: scope.saved, hasErrors: hasErrors(scope.problems) },
      mapping: { saved: mapping.saved, hasErrors: hasErrors(mapping.problems) },
      // The step shows the state after the latest cycle: failures fixed in a later cycle no longer count.
      dryRun: latest && {
        failures: latest.failures,
        quarantined: latest.quarantine !== null,
        cancelled: latest.latest?.cancelled ?? false,
      },
      exported: data.exportedAt !== null,
    }),
  };
}
