/**
 * Turns one Entra user into the SCIM body Entra would send to Jostle: the POST on create, or the values
 * an update would flow. Follows the mapping model of reference §11: default values only on create,
 * "Only during object creation" mappings skipped on update, null values never sent.
 */
import { referencedAttributes, type ExpressionNode } from '../expressions/ast';
import {
  evaluateExpression,
  IS_SOFT_DELETED,
  type EvaluationContext,
  type EvaluationOutcome,
} from '../expressions/evaluate';
import { runEvaluationClock, type EvaluationClock, type VolatileUse } from '../expressions/volatile';
import { parseExpression } from '../expressions/parser';
import {
  booleanText,
  ExpressionEvaluationError,
  isNullOrEmpty,
  type ExpressionValue,
} from '../expressions/values';
import { CORE_USER_SCHEMA, type JostleTargetAttribute } from '../jostle/schema';
import { findSourceAttribute } from '../source-data/entra-attributes';
import { MAPPABLE_TARGETS } from './entra-scim-targets';
import { guestExternalAddress, ORIGINAL_UPN } from '../source-data/guest-upn';
import type { SourceUser } from '../source-data/source-user';
import type { AttributeMapping, MappingConfig } from './model';
import {
  getScimValue,
  parsePath,
  setScimValue,
  type ParsedPath,
  type ScimResource,
  type ScimScalar,
} from './scim-paths';
import { findTarget } from './validate';

export interface BuildOptions {
  operation: 'create' | 'update';
  /** [IsSoftDeleted]: unassigned, out of scope, soft-deleted or accountEnabled = false. */
  isSoftDeleted: boolean;
  /** The user's app roles, read by [appRoleAssignments] (SingleAppRoleAssignment). */
  appRoles?: readonly string[];
  /**
   * On update, what Jostle holds now. A "None" mapping with a default fills the target only when it is
   * empty (MAP), which needs the current value; without it, None mappings send nothing on update.
   */
  current?: ScimResource;
}

export interface CompileOptions {
  /** Stands in for Now(), Guid() and RandomString(); the run's clock (fixed once per process) when absent. */
  clock?: EvaluationClock;
}

/** What the admin should know about one user's body besides the values: stand-ins, guests, assumptions. */
export interface BuildNotes {
  /** Values from Now(), Guid() or RandomString(), computed with the run's fixed clock and seed. */
  volatile?: VolatileUse & { targets: string[] };
  /** Targets whose values Entra's provisioning logs show as "[Redact]" (the value still flows). */
  redactedTargets: string[];
  /** Where Microsoft documents no rule and the preview chose one. */
  assumptions: string[];
  /** A B2B guest whose [userPrincipalName] Entra reads as alias@theirdomain (HOW). */
  guest?: { userPrincipalName: string; sentAs: string };
}

export interface MappingFailure {
  mappingIndex: number;
  target: string;
  message: string;
  /** Span inside the expression, for expression failures. */
  position?: number;
  length?: number;
}

export interface BuildResult {
  /** The SCIM resource, without the attributes that failed. */
  resource: ScimResource;
  /** Per mapping, why nothing was sent (null value, IgnoreFlowIfNullOrEmpty, create-only) or an error. */
  skipped: Array<{ mappingIndex: number; target: string; reason: string }>;
  failures: MappingFailure[];
  notes: BuildNotes;
  /**
   * A create build only: an update build of the same user would give this resource without `meta` (no
   * create-only mapping or create-time default supplied a value, no volatile function ran, nothing maps to
   * meta). Lets the engine fingerprint a user it just created without building them a second time.
   */
  sameOnUpdate: boolean;
}

interface CompiledEntry {
  index: number;
  mapping: AttributeMapping;
  target: JostleTargetAttribute;
  path: ParsedPath;
  expression?: ExpressionNode;
  source?: string;
}

export interface CompiledMapping {
  build(user: SourceUser, options: BuildOptions): BuildResult;
  /** The clock and seed this compiled mapping uses for every user. */
  readonly clock: EvaluationClock;
  /** Every source attribute `build` reads from `user.attributes`. */
  readonly attributes: readonly string[];
}

function toTargetValue(value: ExpressionValue, target: JostleTargetAttribute): ScimScalar {
  if (target.type === 'Boolean') {
    if (typeof value === 'boolean') return value;
    if (value === 'True') return true; // What Switch-based mappings such as the default active give.
    if (value === 'False') return false;
    const text = String(Array.isArray(value) && value.length === 1 ? value[0] : value).trim();
    if (/^true$/i.test(text)) return true;
    if (/^false$/i.test(text)) return false;
    throw new Error(`${target.path} is a Boolean but the mapping gave "${text}"`);
  }
  if (typeof value === 'boolean') return booleanText(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 1) return value[0] as string;
    throw new Error(`${target.path} holds one value but the mapping gave ${value.length}`);
  }
  return value as string;
}

/** What expressions read for one user (a class rather than a closure: it is created for every user). */
class UserContext implements EvaluationContext {
  readonly isSoftDeleted: boolean;
  readonly userKey: string;
  /** Set when a mapping read a guest's [userPrincipalName], which Entra rewrites. */
  guestRead = false;

  constructor(
    private readonly user: SourceUser,
    private readonly options: BuildOptions,
    readonly clock: EvaluationClock,
  ) {
    this.isSoftDeleted = options.isSoftDeleted;
    this.userKey = user.objectId;
  }

  attribute(name: string): ExpressionValue {
    if (name === 'appRoleAssignments') return this.options.appRoles ?? null;
    const value = this.user.attributes[name] ?? null;
    if (name === ORIGINAL_UPN) return this.user.attributes.userPrincipalName ?? this.user.userPrincipalName;
    if (name === 'userPrincipalName' && typeof value === 'string') {
      const external = guestExternalAddress(value);
      if (external !== null) {
        this.guestRead = true;
        return external;
      }
    }
    return value;
  }
}

// Shared, frozen parts of every body: 100,000 previewed users need not carry 100,000 copies. `schemas` is
// the core URN alone: MAP says the custom extension schema "isn't sent in requests from the Microsoft Entra
// SCIM client", so Jostle's extension URN appears only as the key of its attributes.
const CORE_ONLY: readonly string[] = Object.freeze([CORE_USER_SCHEMA]);
const CREATE_META = Object.freeze({ resourceType: 'User' });

/** Records what one expression's outcome tells the admin (a module function: no closure per user). */
function noteOutcome(notes: BuildNotes, outcome: EvaluationOutcome, target: string): void {
  if (outcome.volatile) {
    const known = notes.volatile;
    notes.volatile = {
      ...outcome.volatile,
      functions: [...new Set([...(known?.functions ?? []), ...outcome.volatile.functions])],
      targets: [...(known?.targets ?? []), target],
    };
  }
  if (outcome.kind === 'value' && outcome.redacted) notes.redactedTargets.push(target);
  if (outcome.kind === 'value' && outcome.assumptions) notes.assumptions.push(...outcome.assumptions);
}

/**
 * Prepares a configuration (parses its expressions once) for building many users. Mappings that fail
 * validation are skipped with a failure per user; validate the configuration first for the reasons.
 */
export function compileMapping(
  config: MappingConfig,
  // Entra sends whatever a mapping names, Jostle's attributes or a custom app's generic ones (issue 22).
  targets: readonly JostleTargetAttribute[] = MAPPABLE_TARGETS,
  compileOptions: CompileOptions = {},
): CompiledMapping {
  const clock = compileOptions.clock ?? runEvaluationClock();
  const entries: CompiledEntry[] = [];
  const broken: MappingFailure[] = [];
  config.mappings.forEach((mapping, index) => {
    const target = findTarget(targets, mapping.target);
    if (!target) {
      broken.push({
        mappingIndex: index,
        target: mapping.target,
        message: `Unknown target ${mapping.target}`,
      });
      return;
    }
    const entry: CompiledEntry = { index, mapping, target, path: parsePath(target.path) };
    try {
      if (mapping.type === 'Expression') entry.expression = parseExpression(mapping.expression);
    } catch (error) {
      broken.push({ mappingIndex: index, target: target.path, message: (error as Error).message });
      return;
    }
    if (mapping.type === 'Direct') entry.source = findSourceAttribute(mapping.source)?.name ?? mapping.source;
    entries.push(entry);
  });
  const mapsMeta = entries.some((entry) => entry.target.path.split('.')[0]!.toLowerCase() === 'meta');
  const attributes = new Set<string>();
  for (const entry of entries) {
    const names = entry.expression
      ? referencedAttributes(entry.expression)
      : entry.source
        ? [entry.source]
        : [];
    for (const name of names) {
      attributes.add(name);
      // [originalUserPrincipalName] is read from userPrincipalName (UserContext.attribute).
      if (name === ORIGINAL_UPN) attributes.add('userPrincipalName');
    }
  }
  return {
    clock,
    attributes: [...attributes],
    build(user, options) {
      const context = new UserContext(user, options, clock);
      const notes: BuildNotes = { redactedTargets: [], assumptions: [] };
      // `schemas` first, as in Microsoft's sample bodies; it is completed once the extension use is known.
      const resource: ScimResource = { schemas: CORE_ONLY };
      const skipped: BuildResult['skipped'] = [];
      const failures: MappingFailure[] = broken.length ? [...broken] : [];
      let createOnlyValue = false;
      for (const entry of entries) {
        const { mapping, target } = entry;
        if (options.operation === 'update' && mapping.apply === 'OnlyDuringCreation') {
          skipped.push({
            mappingIndex: entry.index,
            target: target.path,
            reason: 'applied only during creation',
          });
          continue;
        }
        try {
          let value: ExpressionValue;
          if (mapping.type === 'Direct') {
            value =
              entry.source === IS_SOFT_DELETED
                ? options.isSoftDeleted
                : context.attribute(entry.source as string);
          } else if (mapping.type === 'Constant') value = mapping.value;
          else if (mapping.type === 'None') value = null;
          else {
            const outcome = evaluateExpression(entry.expression as ExpressionNode, context);
            noteOutcome(notes, outcome, target.path);
            if (outcome.kind === 'ignored') {
              skipped.push({
                mappingIndex: entry.index,
                target: target.path,
                reason: 'IgnoreFlowIfNullOrEmpty',
              });
              continue;
            }
            value = outcome.value;
          }
          // MAP: "Default value if null" applies only on create; a None mapping's default also fills a
          // target that is empty later ("if the target attribute is ever empty").
          const targetEmpty =
            mapping.type === 'None' &&
            options.current !== undefined &&
            isNullOrEmpty((getScimValue(options.current, entry.path) as ExpressionValue | undefined) ?? null);
          if (isNullOrEmpty(value)) {
            if (mapping.defaultValue !== undefined && (options.operation === 'create' || targetEmpty)) {
              value = mapping.defaultValue;
              createOnlyValue = true;
            } else {
              skipped.push({
                mappingIndex: entry.index,
                target: target.path,
                reason: 'null or empty: not sent',
              });
              continue;
            }
          }
          setScimValue(resource, entry.path, toTargetValue(value, target));
          if (mapping.apply === 'OnlyDuringCreation') createOnlyValue = true;
        } catch (error) {
          const span =
            error instanceof ExpressionEvaluationError
              ? { position: error.start, length: error.end - error.start }
              : {};
          failures.push({
            mappingIndex: entry.index,
            target: target.path,
            message: (error as Error).message,
            ...span,
          });
        }
      }
      if (options.operation === 'create') resource.meta = CREATE_META;
      if (context.guestRead) {
        notes.guest = {
          userPrincipalName: user.userPrincipalName,
          sentAs: guestExternalAddress(user.userPrincipalName) ?? user.userPrincipalName,
        };
      }
      const sameOnUpdate =
        options.operation === 'create' && !createOnlyValue && !mapsMeta && notes.volatile === undefined;
      return { resource, skipped, failures, notes, sameOnUpdate };
    },
  };
}

/** One-off convenience: the POST body for a user that Entra would create. */
export function buildCreateRequest(
  user: SourceUser,
  config: MappingConfig,
  options: Omit<BuildOptions, 'operation'> = { isSoftDeleted: false },
): BuildResult {
  return compileMapping(config).build(user, { ...options, operation: 'create' });
}
