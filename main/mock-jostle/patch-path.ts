import SCIMMY from 'scimmy';
import type { ScimAttributeDefinition } from '../../shared/jostle/schema';
import { invalidPath } from './errors';
import {
  CORE_PREFIX_LOWER,
  coreAttributes,
  EXTENSION_LOWER,
  EXTENSION_PREFIX_LOWER,
  extensionAttributes,
  findSubAttribute,
} from './schema-index';

/** One `sub eq value` condition of a value path such as `emails[type eq "work"]`. */
export interface ValueCondition {
  attribute: ScimAttributeDefinition;
  value: string | boolean;
}

export type PatchTarget =
  | { kind: 'extensionRoot' }
  | {
      kind: 'attribute';
      scope: 'core' | 'extension';
      attribute: ScimAttributeDefinition;
      /** Present for value paths (`emails[type eq "work"]`). */
      conditions?: ValueCondition[];
      /** Present for `name.givenName` and `emails[...].value`. */
      subAttribute?: ScimAttributeDefinition;
    };

const PATH_SHAPE = /^([A-Za-z][\w$-]*)(?:\[(.*)\])?(?:\.([A-Za-z][\w$-]*))?$/s;

/**
 * Parses a PATCH `path` (RFC 7644 §3.5.2: attrPath / valuePath [subAttr], optional schema URN prefix) against
 * the Jostle schema. Attribute names compare case-insensitively. The bracketed filter is parsed by SCIMMY.
 */
export function parsePatchPath(path: string): PatchTarget {
  // Bounded work per request: the longest real path (extension URN + attribute + value filter) is ~150
  // characters, and SCIMMY's filter parser slows down sharply on long dotted filters (63 KB took 13 s).
  if (path.length > MAX_PATH_CHARS) {
    throw invalidPath(
      `The path is ${path.length} characters long; paths longer than ${MAX_PATH_CHARS} are refused.`,
    );
  }
  const bracket = path.indexOf('[');
  if (bracket >= 0 && path.length - bracket > MAX_FILTER_CHARS) {
    throw invalidPath(`The value filter in the path is longer than ${MAX_FILTER_CHARS} characters.`);
  }
  // Entra sends the same few dozen paths over and over; parsed targets are never mutated, so cache them.
  const cached = pathCache.get(path);
  if (cached) return cached;
  const target = parseUncached(path);
  if (pathCache.size >= PATH_CACHE_LIMIT) pathCache.clear();
  pathCache.set(path, target);
  return target;
}

const PATH_CACHE_LIMIT = 1000;
export const MAX_PATH_CHARS = 512;
const MAX_FILTER_CHARS = 200;
const pathCache = new Map<string, PatchTarget>();

function parseUncached(path: string): PatchTarget {
  const trimmed = path.trim();
  const lower = trimmed.toLowerCase();
  if (lower === EXTENSION_LOWER) return { kind: 'extensionRoot' };

  let scope: 'core' | 'extension' = 'core';
  let rest = trimmed;
  if (lower.startsWith(EXTENSION_PREFIX_LOWER)) {
    scope = 'extension';
    rest = trimmed.slice(EXTENSION_PREFIX_LOWER.length);
  } else if (lower.startsWith(CORE_PREFIX_LOWER)) {
    rest = trimmed.slice(CORE_PREFIX_LOWER.length);
  } else if (lower.startsWith('urn:')) {
    throw invalidPath(
      `Path '${path}' names a schema Jostle does not have; it knows the core User and its own extension.`,
    );
  }

  const match = PATH_SHAPE.exec(rest);
  if (!match) throw invalidPath(`Path '${path}' is not a valid SCIM attribute path.`);
  const [, name = '', filterText, subName] = match;
  const attribute = (scope === 'core' ? coreAttributes : extensionAttributes).get(name.toLowerCase());
  if (!attribute) throw invalidPath(`Attribute '${name}' in path '${path}' is not in Jostle's schema.`);

  const target: PatchTarget = { kind: 'attribute', scope, attribute };
  if (filterText !== undefined) {
    if (!attribute.multiValued)
      throw invalidPath(`Path '${path}': only multi-valued attributes take a [filter].`);
    target.conditions = parseConditions(attribute, filterText, path);
  }
  if (subName !== undefined) {
    const sub = findSubAttribute(attribute, subName);
    if (!sub) throw invalidPath(`Path '${path}': '${attribute.name}' has no sub-attribute '${subName}'.`);
    if (attribute.multiValued && filterText === undefined) {
      throw invalidPath(
        `Path '${path}': select the entry first, e.g. ${attribute.name}[type eq "work"].${sub.name}.`,
      );
    }
    target.subAttribute = sub;
  }
  return target;
}

function parseConditions(
  attribute: ScimAttributeDefinition,
  filterText: string,
  path: string,
): ValueCondition[] {
  let parsed: unknown;
  try {
    parsed = new SCIMMY.Types.Filter(filterText);
  } catch (error) {
    throw invalidPath(`Path '${path}' has a malformed filter: ${(error as Error).message}`);
  }
  const expressions = parsed as Array<Record<string, unknown>>;
  const only = expressions.length === 1 ? expressions[0] : undefined;
  if (!only) throw invalidPath(`Path '${path}': value filters may not use 'or'.`);
  const conditions: ValueCondition[] = [];
  for (const [key, comparison] of Object.entries(only)) {
    const sub = findSubAttribute(attribute, key);
    if (!sub) throw invalidPath(`Path '${path}': '${attribute.name}' has no sub-attribute '${key}'.`);
    const value: unknown = Array.isArray(comparison) ? comparison[1] : undefined;
    const valid =
      Array.isArray(comparison) &&
      comparison.length === 2 &&
      comparison[0] === 'eq' &&
      (typeof value === 'string' || typeof value === 'boolean');
    if (!valid)
      throw invalidPath(`Path '${path}': value filters support only 'eq' on one value per sub-attribute.`);
    conditions.push({ attribute: sub, value: value as string | boolean });
  }
  return conditions;
}

/** Whether a multi-valued entry satisfies every condition (strings compare case-insensitively unless caseExact). */
export function entryMatches(entry: Record<string, unknown>, conditions: readonly ValueCondition[]): boolean {
  return conditions.every(({ attribute, value }) => {
    const actual = entry[attribute.name];
    if (typeof value === 'string' && typeof actual === 'string' && !attribute.caseExact) {
      return actual.toLowerCase() === value.toLowerCase();
    }
    return actual === value;
  });
}
