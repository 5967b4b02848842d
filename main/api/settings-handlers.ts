import type { SettingsView } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { checklistItems, isChecklistStep } from '../../shared/wizard/steps';
import { deriveStepStatuses } from '../../shared/wizard/status';
import type { AppContext } from '../app/context';
import type { HandlerTable } from './handler-table';
import { latestCycleState } from '../../shared/provisioning/latest-cycle';
import { dryRunSummarySchema } from '../../shared/provisioning/summary-schema';
import { probeReportSchema } from '../../shared/api/contracts/probes';
import { PROBE_REPORT } from './probe-handlers';

/** Name under main/app/results-store of the latest dry-run summary (data-files.ts: results/dry-run-summary.json). */
export const DRY_RUN_SUMMARY = 'dry-run-summary';

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
    context.results.load(DRY_RUN_SUMMARY, (value) => dryRunSummarySchema.parse(value)),
    context.results.load(PROBE_REPORT, (value) => probeReportSchema.parse(value)),
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

export function settingsHandlers(
  context: AppContext,
): Pick<HandlerTable, 'getSettings' | 'setCurrentStep' | 'setChecklistItem' | 'dismissNotice'> {
  return {
    getSettings: () => settingsView(context),

    setCurrentStep: async ({ stepId }) => {
      context.settings.update('wizard', (wizard) => ({ ...wizard, currentStep: stepId }));
      return settingsView(context);
    },

    setChecklistItem: async ({ stepId, itemId, checked }) => {
      if (!isChecklistStep(stepId))
        throw new ApiError('invalid-request', `The step “${stepId}” has no checklist.`);
      const known: readonly string[] = checklistItems[stepId];
      if (!known.includes(itemId)) {
        throw new ApiError('invalid-request', `“${itemId}” is not on the checklist of the step “${stepId}”.`);
      }
      context.settings.update('wizard', (wizard) => ({
        ...wizard,
        checklists: { ...wizard.checklists, [stepId]: { ...wizard.checklists[stepId], [itemId]: checked } },
      }));
      return settingsView(context);
    },

    dismissNotice: async ({ id }) => {
      context.settings.update('notices', (notices) => notices.filter((notice) => notice.id !== id));
      return settingsView(context);
    },
  };
}
