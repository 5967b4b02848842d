/**
 * Entra's answer to provisionOnDemand next to what the preview predicted for the same user. Graph returns
 * a stringKeyStringValuePair whose `value` is a JSON string with the steps; its inner layout is not
 * documented on the reference page, so we read it loosely (assumed, docs/entra-fidelity.md M9).
 */
import { runPreview, type PreviewRow } from '../../shared/mapping';
import { findRow, objectIdAt } from '../../shared/source-data';
import type { AppContext } from '../app/context';

export interface OnDemandStep {
  name: string;
  status: string;
  description: string;
}

export function parseOnDemandAnswer(answer: unknown): { steps: OnDemandStep[]; raw: string | null } {
  const value = (answer as { value?: unknown } | null)?.value;
  if (typeof value !== 'string') return { steps: [], raw: null };
  let inner: unknown;
  try {
    inner = JSON.parse(value);
  } catch {
    return { steps: [], raw: value };
  }
  const list =
    (inner as { provisioningSteps?: unknown; steps?: unknown }).provisioningSteps ??
    (inner as { steps?: unknown }).steps;
  const steps = Array.isArray(list)
    ? list.map((step: Record<string, unknown>) => ({
        name: String(step.stepName ?? step.name ?? ''),
        status: String(step.status ?? ''),
        description: String(step.description ?? ''),
      }))
    : [];
  return { steps, raw: value };
}

/** The preview's prediction for one saved user, or null when the user is not in the saved import. */
export async function predictionFor(context: AppContext, userObjectId: string): Promise<PreviewRow | null> {
  const [users, assignments, mapping, scope] = await Promise.all([
    context.configuration.importedUsers(),
    context.configuration.importedAssignments(),
    context.configuration.mapping(),
    context.configuration.scope(),
  ]);
  const key = userObjectId.toLowerCase();
  const row = users ? findRow(users.users, (objectId) => objectId.toLowerCase() === key) : -1;
  const user = row === -1 ? undefined : users!.users.at(row);
  if (!user) return null;
  const result = runPreview({
    users: [user],
    ...(assignments ? { assignments: assignments.assignments } : {}),
    scope: scope.config,
    mapping: mapping.config,
  });
  return result.rows[0] ?? null;
}

/** Resolves what the admin typed (objectId or UPN) against the saved import. */
export async function findSavedUser(context: AppContext, idOrUpn: string): Promise<string | null> {
  const users = (await context.configuration.importedUsers())?.users ?? [];
  const key = idOrUpn.toLowerCase();
  const row = findRow(
    users,
    (objectId, userPrincipalName) =>
      objectId.toLowerCase() === key || userPrincipalName.toLowerCase() === key,
  );
  return row === -1 ? null : objectIdAt(users, row);
}
