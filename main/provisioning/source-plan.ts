/**
 * What the source says about each user for one cycle: in scope or not, soft-deleted or not ([IsSoftDeleted]:
 * unassigned, out of scope or accountEnabled false), the values Entra would flow, and a fingerprint of them
 * so an unchanged user costs no request in incremental cycles.
 */
import { createHash } from 'node:crypto';
import {
  compileMapping,
  getScimValue,
  type CompiledMapping,
  type MappingConfig,
  type ScimResource,
} from '../../shared/mapping';
import { buildAssignmentIndex, compileScope, type ScopeDecision } from '../../shared/scoping';
import type { SourceUser } from '../../shared/source-data';
import type { SourceSnapshot } from './types';

export interface PlannedUser {
  user: SourceUser;
  inScope: boolean;
  softDeleted: boolean;
  appRoles: readonly string[];
}

export interface CompiledSource {
  mapping: CompiledMapping;
  /** Target paths Entra matches on, by matching precedence (Jostle can filter on userName only). */
  matchingPaths: string[];
  users: PlannedUser[];
  byObjectId: Map<string, PlannedUser>;
  inScope: number;
  /** "Sync all users and groups": out-of-scope users are evaluated and logged as skipped (LOGS). */
  syncAll: boolean;
  /** Lower-cased object ids and UPNs the admin marked as permanently deleted. */
  permanentlyDeleted: Set<string>;
  /**
   * WHEN's "[Number of assigned users, groups, and group members]": direct user assignments, assigned groups
   * and their direct members. null under Sync all, for which Microsoft gives no formula.
   */
  assignedObjects: number | null;
  /** Assignment references that match no imported user (counted by Microsoft's estimate, not in scope). */
  unmatchedAssignments: number;
}

export function matchingPathsOf(config: MappingConfig): string[] {
  return config.mappings
    .filter((mapping) => mapping.matchingPrecedence !== undefined)
    .sort((a, b) => (a.matchingPrecedence ?? 0) - (b.matchingPrecedence ?? 0))
    .map((mapping) => mapping.target);
}

export function compileSource(snapshot: SourceSnapshot): CompiledSource {
  const scope = compileScope(snapshot.scope);
  const assignments = snapshot.assignments
    ? buildAssignmentIndex(snapshot.assignments, snapshot.users)
    : undefined;
  const users: PlannedUser[] = [];
  const byObjectId = new Map<string, PlannedUser>();
  let inScope = 0;
  for (const user of snapshot.users) {
    const decision: ScopeDecision = scope.evaluate(user, assignments);
    const planned: PlannedUser = {
      user,
      inScope: decision.inScope,
      softDeleted: !decision.inScope || user.attributes.accountEnabled === false,
      appRoles: decision.appRoles,
    };
    if (planned.inScope) inScope += 1;
    users.push(planned);
    byObjectId.set(user.objectId, planned);
  }
  const matchingPaths = matchingPathsOf(snapshot.mapping);
  const syncAll = snapshot.scope.scope === 'allUsers';
  const groups = snapshot.assignments?.groups ?? [];
  return {
    mapping: compileMapping(snapshot.mapping),
    matchingPaths: matchingPaths.length ? matchingPaths : ['userName'],
    users,
    byObjectId,
    inScope,
    syncAll,
    permanentlyDeleted: new Set((snapshot.permanentlyDeleted ?? []).map((id) => id.trim().toLowerCase())),
    unmatchedAssignments: syncAll ? 0 : (assignments?.unresolved.length ?? 0),
    assignedObjects: syncAll
      ? null
      : (snapshot.assignments?.users.length ?? 0) +
        groups.length +
        groups.reduce((sum, group) => sum + group.memberUsers.length, 0),
  };
}

/** The values an update would flow, and their fingerprint (md5 is plenty: this detects change, not tampering). */
export function updateFingerprint(
  source: CompiledSource,
  planned: PlannedUser,
): { resource: ScimResource; failures: number; fingerprint: string } {
  const built = source.mapping.build(planned.user, {
    operation: 'update',
    isSoftDeleted: planned.softDeleted,
    appRoles: planned.appRoles,
  });
  const fingerprint = createHash('md5')
    .update(planned.softDeleted ? 'D' : 'A')
    .update(JSON.stringify(built.resource))
    .digest('base64');
  return { resource: built.resource, failures: built.failures.length, fingerprint };
}

/** The value to look the user up by, for the first matching attribute that has one. */
export function matchingValue(
  resource: ScimResource,
  paths: readonly string[],
): { path: string; value: string } | null {
  for (const path of paths) {
    const value = getScimValue(resource, path);
    if (typeof value === 'string' && value.trim() !== '') return { path, value };
  }
  return null;
}
