/** Gathers the support export from the app context: one read of everything, nothing written. */
import type { AppContext } from '../app/context';
import { collectAbout, collectConnection, collectNetwork } from './collect-environment';
import { readAppPath } from '../app/app-path';
import { collectMapping, collectScoping, collectSteps } from './collect-configuration';
import { collectSetupPath } from './setup-path';
import { collectDryRun, collectProbes } from './collect-results';
import { collectEntraSchema } from './collect-entra-schema';
import { collectImportedData } from './imported-data';
import { collectMonitor } from './collect-monitor';
import type { DryRunSection, SupportExport } from './model';
import { exportRedaction, redactStrings } from './redact';

/**
 * Dry-run errors name the users they happened to, which is imported user data: without the admin's
 * opt-in, each user becomes "user 1", "user 2"… (the same user, the same label), in the message too.
 */
export function pseudonymiseDryRunUsers(dryRun: DryRunSection): DryRunSection {
  const labels = new Map<string, string>();
  const firstErrors = dryRun.firstErrors.map((error) => {
    let label = labels.get(error.user);
    if (label === undefined) {
      label = `user ${labels.size + 1}`;
      labels.set(error.user, label);
    }
    const message = error.user ? error.message.split(error.user).join(label) : error.message;
    return { ...error, user: label, message };
  });
  return { ...dryRun, firstErrors };
}

export async function collectSupportExport(
  context: AppContext,
  options: { includeUserData: boolean; now?: Date },
): Promise<SupportExport> {
  const dryRun = await collectDryRun(context);
  const model: SupportExport = {
    kind: 'jostle-provisioning-assistant/support-export',
    formatVersion: 1,
    about: collectAbout(context, options.now ?? new Date()),
    connection: await collectConnection(context),
    network: collectNetwork(context),
    steps: await collectSteps(context),
    mapping: await collectMapping(context.dataDir, readAppPath(context)),
    setupPath: await collectSetupPath(context.dataDir, readAppPath(context)),
    scoping: await collectScoping(context.dataDir),
    entraSchema: await collectEntraSchema(context),
    probes: await collectProbes(context),
    dryRun: dryRun && (options.includeUserData ? dryRun : pseudonymiseDryRunUsers(dryRun)),
    monitor: await collectMonitor(context.dataDir, options.includeUserData),
    importedData: await collectImportedData(context.dataDir, options.includeUserData),
  };
  // Redacted field by field before any rendering: once escaped for HTML or JSON, a key with & or " in it
  // would no longer match the redactor's search.
  return redactStrings(model, exportRedaction(context.redactor));
}
