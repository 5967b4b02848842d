/**
 * What the source says about each user for one cycle: in scope or not, soft-deleted or not ([IsSoftDeleted]:
 * unassigned, out of scope or accountEnabled false), the values Entra would flow, and a fingerprint of them
 * so an unchanged user costs no request in incremental cycles.
 */
import {
  compileMapping,
  getScimValue,
  parsePath,
  type BuildResult,
  type ParsedPath,
  type CompiledMapping,
  type MappingConfig,
  type ScimResource,
} from '../../shared/mapping';
import { buildAssignmentIndex, compileScope, type ScopeDecision } from '../../shared/scoping';
import {
  objectIdAt,
  rowReader,
  userPrincipalNameAt,
  type SourceUser,
  type UserList,
} from '../../shared/source-data';
import type { SourceSnapshot } from './types';

/** One user's verdicts for a cycle, made on demand from the compact per-row arrays of {@link CompiledSource}. */
export interface PlannedUser {
  /** The user's row in the snapshot's list. */
  row: number;
  inScope: boolean;
  softDeleted: boolean;
  appRoles: readonly string[];
  /** The row, once built for this job (sourceUser): the sync and the fingerprint share one build. */
  user?: SourceUser;
}

export interface CompiledSource {
  mapping: CompiledMapping;
  /** Target paths Entra matches on, by matching precedence (Jostle can filter on userName only). */
  matchingPaths: string[];
  /** The same, parsed once (read for every user). */
  parsedMatchingPaths: ParsedPath[];
  /** The snapshot's users; read a row with {@link sourceUser} when it is needed, not before. */
  users: UserList;
  /** A row with only the attributes the mapping reads (what sourceUser gives the build). */
  mappedRow: (row: number) => SourceUser;
  /** Per row: bit 1 in scope, bit 2 soft-deleted. One byte a user rather than an object. */
  verdicts: Uint8Array;
  /** Per row: the user's app roles (shared arrays: most users have the same few). */
  appRoles: Array<readonly string[]>;
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

const IN_SCOPE = 1;
const SOFT_DELETED = 2;

export function plannedUser(source: CompiledSource, row: number): PlannedUser {
  const verdict = source.verdicts[row]!;
  return {
    row,
    inScope: (verdict & IN_SCOPE) !== 0,
    softDeleted: (verdict & SOFT_DELETED) !== 0,
    appRoles: source.appRoles[row]!,
  };
}

/**
 * The user behind a planned row as the mapping sees it, built from the snapshot's list (a table builds it on
 * each call, with only the attributes the mapping reads): only mapping.build reads it.
 */
export function sourceUser(source: CompiledSource, planned: PlannedUser): SourceUser {
  return (planned.user ??= source.mappedRow(planned.row));
}

export const rowObjectId = (source: CompiledSource, row: number): string => objectIdAt(source.users, row);
export const rowUserPrincipalName = (source: CompiledSource, row: number): string =>
  userPrincipalNameAt(source.users, row);

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
  const users = snapshot.users;
  const verdicts = new Uint8Array(users.length);
  const appRoles: Array<readonly string[]> = new Array<readonly string[]>(users.length);
  let inScope = 0;
  // Scope reads a few of a row's attributes: a table builds only those (UserTable.projection).
  const scopedRow = rowReader(users, [...scope.attributes, 'accountEnabled']);
  for (let row = 0; row < users.length; row += 1) {
    const user = scopedRow(row);
    const decision: ScopeDecision = scope.evaluate(user, assignments);
    const softDeleted = !decision.inScope || user.attributes.accountEnabled === false;
    verdicts[row] = (decision.inScope ? IN_SCOPE : 0) | (softDeleted ? SOFT_DELETED : 0);
    appRoles[row] = decision.appRoles;
    if (decision.inScope) inScope += 1;
  }
  const matchingPaths = matchingPathsOf(snapshot.mapping);
  const syncAll = snapshot.scope.scope === 'allUsers';
  const groups = snapshot.assignments?.groups ?? [];
  const mapping = compileMapping(snapshot.mapping);
  const matching = matchingPaths.length ? matchingPaths : ['userName'];
  return {
    mapping,
    mappedRow: rowReader(users, mapping.attributes),
    matchingPaths: matching,
    parsedMatchingPaths: matching.map(parsePath),
    users,
    verdicts,
    appRoles,
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

/**
 * The values an update would flow, and their fingerprint: a 52-bit hash of the body (this detects change, not
 * tampering), held as a number, so 500,000 users' snapshots cost a double each rather than a digest string.
 * `user` saves building the row again when the caller has it.
 */
export function updateFingerprint(
  source: CompiledSource,
  planned: PlannedUser,
  user: SourceUser = sourceUser(source, planned),
): { resource: ScimResource; failures: number; fingerprint: number } {
  const built = source.mapping.build(user, {
    operation: 'update',
    isSoftDeleted: planned.softDeleted,
    appRoles: planned.appRoles,
  });
  const fingerprint = fingerprintOf(planned, JSON.stringify(built.resource));
  return { resource: built.resource, failures: built.failures.length, fingerprint };
}

const fingerprintOf = (planned: PlannedUser, json: string): number =>
  hash52(`${planned.softDeleted ? 'D' : 'A'}${json}`);

/** How a create build's JSON ends: `meta` is set last, to this constant (build-user.ts CREATE_META). */
const CREATE_META_SUFFIX = ',"meta":{"resourceType":"User"}}';

/**
 * The fingerprint {@link updateFingerprint} would give a user just created from `created`, without building
 * them again (a second build per created user showed in the 500,000-user profile); undefined when the update
 * build may differ, and the caller builds it.
 */
export function createdFingerprint(
  planned: PlannedUser,
  created: BuildResult,
  /** The POST body as sent: JSON.stringify(created.resource). */
  json: string = JSON.stringify(created.resource),
): number | undefined {
  if (!created.sameOnUpdate) return undefined;
  if (!json.endsWith(CREATE_META_SUFFIX)) return undefined;
  return fingerprintOf(planned, `${json.slice(0, -CREATE_META_SUFFIX.length)}}`);
}

/** Two 32-bit FNV-1a style hashes (different primes) folded to 52 bits: an exact integer in a double. */
export function hash52(text: string): number {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (let at = 0; at < text.length; at += 1) {
    const char = text.charCodeAt(at);
    low = Math.imul(low ^ char, 0x01000193);
    high = Math.imul(high ^ char, 0x5bd1e995);
  }
  return (high >>> 12) * 0x100000000 + (low >>> 0);
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
