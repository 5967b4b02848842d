import type { SupportExport } from './model';

/** The model as it is, plus plain words for what has not happened yet (null alone says too little). */
export function renderJson(model: SupportExport): string {
  const notYet: Record<string, string> = {};
  if (!model.probes)
    notYet.probes = 'Not run yet: no probes have been run against the mock or the Jostle tenant.';
  if (!model.dryRun) notYet.dryRun = 'Not run yet: no dry run has been made.';
  if (!model.monitor) notYet.monitor = 'No provisioning log imported on the Monitor step.';
  if (!model.importedData.users) notYet.importedUsers = 'No users imported yet.';
  if (!model.importedData.assignments) notYet.importedAssignments = 'No assignments imported yet.';
  return `${JSON.stringify({ ...model, notYet }, null, 2)}\n`;
}
