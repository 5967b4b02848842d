/**
 * The preview: for every imported user, in or out of scope and why, and the exact SCIM body Entra would
 * POST to Jostle for those in scope. Used by the Scope and Attribute-mappings screens and the CLI.
 */
import { buildAssignmentIndex } from '../scoping/assignments';
import { compileScope, type ScopeDecision } from '../scoping/evaluate';
import type { ScopeConfig } from '../scoping/model';
import type { AssignmentList } from '../source-data/assignments-csv';
import { rowReader, type UserList } from '../source-data/user-list';
import { compileMapping, type BuildNotes, type MappingFailure } from './build-user';
import { jostleVerdictFor } from './jostle-verdict';
import type { AttributeMapping, MappingConfig } from './model';
import { getScimValue, parsePath, type ParsedPath, type ScimResource } from './scim-paths';
import { StartSmallPicker } from './start-small-picks';
import { REQUIRED_TARGETS } from './validate';

export interface PreviewInput {
  /** A plain array or an import's UserTable: rows are read one at a time. */
  users: UserList;
  /** Required for "Sync only assigned users and groups"; without it nobody is assigned. */
  assignments?: AssignmentList;
  scope: ScopeConfig;
  mapping: MappingConfig;
}

export interface PreviewRow {
  objectId: string;
  userPrincipalName: string;
  displayName: string | null;
  inScope: boolean;
  decidedBy: string;
  scope: ScopeDecision;
  /**
   * False when accountEnabled is false. Entra's on-demand scope check includes "Active in source system",
   * so such a user is not created; an existing Jostle user would be deactivated instead.
   */
  activeInSource: boolean;
  /** The POST body, for in-scope users only. */
  payload: ScimResource | null;
  failures: MappingFailure[];
  /** What the admin should know about the body: guest UPN rewriting, fixed clock/seed values, assumptions. */
  notes: string[];
}

/** The notes of one built body, in the admin's words. */
export function describeBuildNotes(notes: BuildNotes): string[] {
  const lines: string[] = [];
  if (notes.guest) {
    lines.push(
      `Guest (B2B): Entra reads [userPrincipalName] as ${notes.guest.sentAs}, not ${notes.guest.userPrincipalName}, ` +
        'for matching and provisioning; map originalUserPrincipalName to send the full name',
    );
  }
  if (notes.volatile) {
    lines.push(
      `${notes.volatile.targets.join(', ')}: ${notes.volatile.functions.join(', ')} evaluated with this run's fixed ` +
        `clock (${notes.volatile.now} UTC) and seed "${notes.volatile.seed}"; Entra gives a new value each time`,
    );
  }
  if (notes.redactedTargets.length > 0) {
    lines.push(
      `${notes.redactedTargets.join(', ')}: sent as shown, but Entra's provisioning logs show "[Redact]"`,
    );
  }
  lines.push(...notes.assumptions);
  return lines;
}

export interface PreviewSummary {
  total: number;
  inScope: number;
  outOfScope: number;
  /** In scope, but disabled in Entra: not created. */
  inScopeButDisabled: number;
  /** In scope with at least one mapping that fails: Entra would log an error for them. */
  withMappingFailures: number;
  /** In scope, enabled and mapping cleanly: the users a first cycle would create. */
  wouldCreate: number;
  /** Assignment references that match no imported user. */
  unresolvedAssignments: string[];
  /** "Start small": one or two in-scope users to assign first, per the Jostle tutorial (start-small-picks.ts). */
  startSmall: string[];
}

export interface PreviewResult {
  summary: PreviewSummary;
  rows: PreviewRow[];
}

/**
 * The mapped targets Jostle refuses a create for (jostle-verdict.ts), each with the failure to report: the
 * preview flags these users before any request, as the dry run against Mock Jostle fails them.
 */
function refusedTargets(
  config: MappingConfig,
): Array<{ mappingIndex: number; target: string; message: string; path: ParsedPath }> {
  return config.mappings.flatMap((mapping, mappingIndex) => {
    const verdict = jostleVerdictFor(mapping.target);
    return verdict.kind === 'rejected'
      ? [
          {
            mappingIndex,
            target: mapping.target,
            message: `Jostle would refuse this user: ${verdict.jostle}`,
            path: parsePath(mapping.target),
          },
        ]
      : [];
  });
}

const NO_FAILURES: MappingFailure[] = [];

/** A refusal as reported: the failure alone, without the parsed path used to look for its target. */
const withoutPath = ({ mappingIndex, target, message }: ReturnType<typeof refusedTargets>[number]) => ({
  mappingIndex,
  target,
  message,
});
const NO_NOTES: string[] = [];

interface RowDetails {
  scope: ReturnType<typeof compileScope>;
  mapping: ReturnType<typeof compileMapping>;
  assignments: ReturnType<typeof buildAssignmentIndex> | undefined;
}

/**
 * A row whose scope decision and POST body are worked out again on each read (both are deterministic but for
 * fixed-clock values): holding 500,000 decisions and built bodies cost more memory than the imported users.
 * toJSON carries both; handlers send rows as explicit views (main/api/mapping-handlers.ts), never cloned whole.
 */
class LazyPreviewRow implements PreviewRow {
  objectId: string;
  userPrincipalName: string;
  displayName: string | null;
  inScope: boolean;
  decidedBy: string;
  activeInSource: boolean;
  failures: MappingFailure[];
  notes: string[];
  readonly #details: RowDetails;
  readonly #users: UserList;
  readonly #index: number;
  readonly #hasPayload: boolean;
  readonly #appRoles: readonly string[];
  readonly #isSoftDeleted: boolean;

  constructor(
    row: Omit<PreviewRow, 'payload' | 'scope'>,
    details: RowDetails,
    users: UserList,
    index: number,
    hasPayload: boolean,
    appRoles: readonly string[],
    isSoftDeleted: boolean,
  ) {
    this.objectId = row.objectId;
    this.userPrincipalName = row.userPrincipalName;
    this.displayName = row.displayName;
    this.inScope = row.inScope;
    this.decidedBy = row.decidedBy;
    this.activeInSource = row.activeInSource;
    this.failures = row.failures;
    this.notes = row.notes;
    this.#details = details;
    this.#users = users;
    this.#index = index;
    this.#hasPayload = hasPayload;
    this.#appRoles = appRoles;
    this.#isSoftDeleted = isSoftDeleted;
  }

  get scope(): ScopeDecision {
    return this.#details.scope.evaluate(this.#users.at(this.#index)!, this.#details.assignments);
  }

  get payload(): ScimResource | null {
    if (!this.#hasPayload) return null;
    return this.#details.mapping.build(this.#users.at(this.#index)!, {
      operation: 'create',
      isSoftDeleted: this.#isSoftDeleted,
      appRoles: this.#appRoles,
    }).resource;
  }

  toJSON(): PreviewRow {
    return { ...this, scope: this.scope, payload: this.payload };
  }
}

/** What Jostle needs non-empty to create a user (the mock's REQUIRED_PATHS); `active` is always sent. */
const REQUIRED_NON_EMPTY = REQUIRED_TARGETS.filter((target) => target !== 'active');

function describeSource(mapping: AttributeMapping): string {
  if (mapping.type === 'Direct') return `[${mapping.source}] is empty`;
  if (mapping.type === 'Expression') return `the expression gives nothing`;
  if (mapping.type === 'Constant') return 'the constant is empty';
  return 'it is mapped to None';
}

/**
 * Required targets that come out empty for a user, reported as mapping failures: Jostle answers such a
 * create with 400 "Required attribute … is missing or empty" (rooms and shared mailboxes have no surname),
 * so the preview says it before a dry run does. A target nothing maps is a mapping-level error instead
 * (validate.ts), not repeated per user.
 */
function emptyRequired(config: MappingConfig): (payload: ScimResource) => MappingFailure[] {
  const checks = REQUIRED_NON_EMPTY.flatMap((target) => {
    const mappingIndex = config.mappings.findIndex((mapping) => mapping.target === target);
    const mapping = config.mappings[mappingIndex];
    return mapping ? [{ target, path: parsePath(target), mappingIndex, why: describeSource(mapping) }] : [];
  });
  // A loop over paths parsed once: this runs for every in-scope user.
  return (payload) => {
    let failures: MappingFailure[] | undefined;
    for (const { target, path, mappingIndex, why } of checks) {
      const value = getScimValue(payload, path);
      const empty =
        value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
      if (!empty) continue;
      (failures ??= []).push({
        mappingIndex,
        target,
        message: `comes out empty (${why}); Jostle refuses a user without it`,
      });
    }
    return failures ?? NO_FAILURES;
  };
}

/** The refusals that apply to a body: those whose target it carries. */
function refusalsFor(
  refused: ReturnType<typeof refusedTargets>,
  payload: ScimResource,
): ReturnType<typeof refusedTargets> {
  let found: ReturnType<typeof refusedTargets> | undefined;
  for (const check of refused)
    if (getScimValue(payload, check.path) !== undefined) (found ??= []).push(check);
  return found ?? [];
}

/** What the loop below reads from each user besides scope and mapping. */
const ROW_ATTRIBUTES = ['accountEnabled', 'displayName', 'userType'];

export function runPreview(input: PreviewInput): PreviewResult {
  const scope = compileScope(input.scope);
  const mapping = compileMapping(input.mapping);
  const refused = refusedTargets(input.mapping);
  const checkRequired = emptyRequired(input.mapping);
  const assignments = input.assignments ? buildAssignmentIndex(input.assignments, input.users) : undefined;
  const details: RowDetails = { scope, mapping, assignments };
  const rows: PreviewRow[] = [];
  let inScope = 0;
  let inScopeButDisabled = 0;
  let withMappingFailures = 0;
  let wouldCreate = 0;
  const startSmall = new StartSmallPicker();
  // A table builds only the cells scope, mapping and this loop read; the row is dropped once its verdicts are
  // worked out (LazyPreviewRow reads the whole row again when asked).
  const readRow = rowReader(input.users, [...scope.attributes, ...mapping.attributes, ...ROW_ATTRIBUTES]);
  for (let index = 0; index < input.users.length; index += 1) {
    const user = readRow(index);
    const decision = scope.evaluate(user, assignments);
    const activeInSource = user.attributes.accountEnabled !== false;
    let payload: ScimResource | null = null;
    let failures: MappingFailure[] = [];
    let notes: string[] = [];
    if (decision.inScope) {
      inScope += 1;
      if (!activeInSource) inScopeButDisabled += 1;
      const built = mapping.build(user, {
        operation: 'create',
        isSoftDeleted: !activeInSource,
        appRoles: decision.appRoles,
      });
      payload = built.resource;
      failures = built.failures;
      // Only a user Entra creates reaches Jostle; a disabled one is not created (see activeInSource).
      if (activeInSource) {
        const empty = checkRequired(payload);
        if (empty.length > 0) {
          const known = new Set(failures.map((failure) => failure.target));
          failures = [...failures, ...empty.filter((failure) => !known.has(failure.target))];
        }
      }
      if (activeInSource && refused.length > 0) {
        const refusals = refusalsFor(refused, payload);
        if (refusals.length > 0) failures = [...failures, ...refusals.map(withoutPath)];
      }
      notes = describeBuildNotes(built.notes);
      if (failures.length > 0) withMappingFailures += 1;
      else if (activeInSource) {
        wouldCreate += 1;
        startSmall.offer(user.userPrincipalName, user.attributes.userType);
      }
    }
    const displayName = user.attributes.displayName;
    const row: Omit<PreviewRow, 'payload' | 'scope'> = {
      objectId: user.objectId,
      userPrincipalName: user.userPrincipalName,
      displayName: typeof displayName === 'string' ? displayName : null,
      inScope: decision.inScope,
      decidedBy:
        decision.inScope && !activeInSource
          ? `${decision.decidedBy}; disabled in Entra, so not created`
          : decision.decidedBy,
      activeInSource,
      failures: failures.length === 0 ? NO_FAILURES : failures,
      notes: notes.length === 0 ? NO_NOTES : notes,
    };
    rows.push(
      new LazyPreviewRow(
        row,
        details,
        input.users,
        index,
        payload !== null,
        decision.appRoles,
        !activeInSource,
      ),
    );
  }
  return {
    summary: {
      total: input.users.length,
      inScope,
      outOfScope: input.users.length - inScope,
      inScopeButDisabled,
      withMappingFailures,
      wouldCreate,
      unresolvedAssignments: assignments?.unresolved ?? [],
      startSmall: startSmall.picked(),
    },
    rows,
  };
}
