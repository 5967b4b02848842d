/**
 * Turns one Entra user into the SCIM body Entra would send to Jostle: the POST on create, or the values
 * an update would flow. Follows the mapping model of reference §11: default values only on create,
 * "Only during object creation" mappings skipped on update, null values never sent.
 */
import type { ExpressionNode } from '../expressions/ast';
import { evaluateExpression, IS_SOFT_DELETED, type EvaluationContext } from '../expressions/evaluate';
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
import type { SourceUser } from '../source-data/source-user';
import type { AttributeMapping, MappingConfig } from './model';
import { parsePath, setScimValue, type ParsedPath, type ScimResource, type ScimScalar } from './scim-paths';
import { findTarget } from './validate';

export interface BuildOptions {
  operation: 'create' | 'update';
  /** [IsSoftDeleted]: unassigned, out of scope, soft-deleted or accountEnabled = false. */
  isSoftDeleted: boolean;
  /** The user's app roles, read by [appRoleAssignments] (SingleAppRoleAssignment). */
  appRoles?: readonly string[];
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

  constructor(
    private readonly user: SourceUser,
    private readonly options: BuildOptions,
  ) {
    this.isSoftDeleted = options.isSoftDeleted;
  }

  attribute(name: string): ExpressionValue {
    if (name === 'appRoleAssignments') return this.options.appRoles ?? null;
    return this.user.attributes[name] ?? null;
  }
}

// Shared, frozen parts of every body: 100,000 previewed users need not carry 100,000 copies.
const CORE_ONLY: readonly string[] = Object.freeze([CORE_USER_SCHEMA]);
const CREATE_META = Object.freeze({ resourceType: 'User' });
const withExtension = new Map<string, readonly string[]>();
function schemasWith(extension: string): readonly string[] {
  let schemas = withExtension.get(extension);
  if (!schemas) {
    schemas = Object.freeze([CORE_USER_SCHEMA, extension]);
    withExtension.set(extension, schemas);
  }
  return schemas;
}

/**
 * Prepares a configuration (parses its expressions once) for building many users. Mappings that fail
 * validation are skipped with a failure per user; validate the configuration first for the reasons.
 */
export function compileMapping(
  config: MappingConfig,
  // Entra sends whatever a mapping names, Jostle's attributes or a custom app's generic ones (issue 22).
  targets: readonly JostleTargetAttribute[] = MAPPABLE_TARGETS,
): CompiledMapping {
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
  const extensionSchemas = new Set(
    entries.flatMap((entry) => (entry.path.kind === 'extension' ? [entry.path.schema] : [])),
  );

  return {
    build(user, options) {
      const context = new UserContext(user, options);
      // `schemas` first, as in Microsoft's sample bodies; it is completed once the extension use is known.
      const resource: ScimResource = { schemas: CORE_ONLY };
      const skipped: BuildResult['skipped'] = [];
      const failures: MappingFailure[] = broken.length ? [...broken] : [];
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
          if (isNullOrEmpty(value)) {
            if (options.operation === 'create' && mapping.defaultValue !== undefined)
              value = mapping.defaultValue;
            else {
              skipped.push({
                mappingIndex: entry.index,
                target: target.path,
                reason: 'null or empty: not sent',
              });
              continue;
            }
          }
          setScimValue(resource, entry.path, toTargetValue(value, target));
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
      for (const schema of extensionSchemas) if (schema in resource) resource.schemas = schemasWith(schema);
      if (options.operation === 'create') resource.meta = CREATE_META;
      return { resource, skipped, failures };
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
