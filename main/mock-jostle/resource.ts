import { CORE_USER_SCHEMA, JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import { invalidValue } from './errors';
import { MAX_RESULTS } from './discovery';
import { CORE_PREFIX_LOWER, EXTENSION_PREFIX_LOWER } from './schema-index';
import { isPlainObject, type StoredUser } from './user-model';
import type { StoredUserText } from './user-store';

/** The SCIM representation of a stored user (RFC 7643 §4.1), with meta.location under `usersUrl`. */
export function toResource(user: StoredUser, usersUrl: string): Record<string, unknown> {
  const hasExtension = user.data[JOSTLE_USER_EXTENSION] !== undefined;
  return {
    schemas: hasExtension ? [CORE_USER_SCHEMA, JOSTLE_USER_EXTENSION] : [CORE_USER_SCHEMA],
    id: user.id,
    ...user.data,
    meta: {
      resourceType: 'User',
      created: user.created,
      lastModified: user.lastModified,
      location: `${usersUrl}/${user.id}`,
    },
  };
}

const SCHEMAS_JSON = JSON.stringify([CORE_USER_SCHEMA]);
const SCHEMAS_WITH_EXTENSION_JSON = JSON.stringify([CORE_USER_SCHEMA, JOSTLE_USER_EXTENSION]);

/**
 * JSON.stringify(toResource(user, usersUrl)), character for character, from the stored JSON without parsing it:
 * the reads Entra makes most (the match filter, GET by id) skip a parse and a stringify of the whole user.
 */
export function resourceJson(user: StoredUserText, usersUrl: string): string {
  const attributes = user.dataJson.length > 2 ? `,${user.dataJson.slice(1, -1)}` : '';
  return (
    `{"schemas":${user.hasExtension ? SCHEMAS_WITH_EXTENSION_JSON : SCHEMAS_JSON},"id":${JSON.stringify(user.id)}` +
    `${attributes},"meta":{"resourceType":"User","created":${JSON.stringify(user.created)},` +
    `"lastModified":${JSON.stringify(user.lastModified)},"location":${JSON.stringify(`${usersUrl}/${user.id}`)}}}`
  );
}

/** RFC 7644 §3.4.2.4: startIndex below 1 means 1; a negative count means 0; count is capped at maxResults. */
export function readPagination(params: URLSearchParams): { startIndex: number; count: number } {
  const startIndex = readInteger(params, 'startIndex') ?? 1;
  const count = readInteger(params, 'count') ?? MAX_RESULTS;
  return { startIndex: Math.max(1, startIndex), count: Math.min(MAX_RESULTS, Math.max(0, count)) };
}

function readInteger(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw invalidValue(`'${name}' must be an integer; got '${text}'.`);
  return value;
}

interface AttributeRef {
  /** Top-level key in the resource (a core attribute name or the extension URN), lower-cased. */
  top: string;
  /** Sub-attribute (or extension attribute) name, lower-cased. */
  sub?: string;
}

function parseAttributeList(text: string | null): AttributeRef[] {
  if (!text) return [];
  return text
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '')
    .map((item) => {
      if (item.startsWith(EXTENSION_PREFIX_LOWER)) {
        return { top: JOSTLE_USER_EXTENSION.toLowerCase(), sub: item.slice(EXTENSION_PREFIX_LOWER.length) };
      }
      const path = item.startsWith(CORE_PREFIX_LOWER) ? item.slice(CORE_PREFIX_LOWER.length) : item;
      const [top = '', sub] = path.split('.', 2);
      return sub === undefined ? { top } : { top, sub };
    });
}

const ALWAYS_RETURNED = new Set(['schemas', 'id']);

/** Whether `attributes` / `excludedAttributes` change the resource at all (else it can be sent as stored). */
export function projects(params: URLSearchParams): boolean {
  return (
    parseAttributeList(params.get('attributes')).length > 0 ||
    parseAttributeList(params.get('excludedAttributes')).length > 0
  );
}

/** Applies `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5); unknown names are ignored. */
export function projector(
  params: URLSearchParams,
): (resource: Record<string, unknown>) => Record<string, unknown> {
  const wanted = parseAttributeList(params.get('attributes'));
  const excluded = parseAttributeList(params.get('excludedAttributes'));
  if (wanted.length > 0) return (resource) => pick(resource, wanted);
  if (excluded.length > 0) return (resource) => omit(resource, excluded);
  return (resource) => resource;
}

function pick(resource: Record<string, unknown>, refs: AttributeRef[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    if (ALWAYS_RETURNED.has(lower)) {
      result[key] = value;
      continue;
    }
    const matching = refs.filter((ref) => ref.top === lower);
    if (matching.length === 0) continue;
    if (matching.some((ref) => ref.sub === undefined)) result[key] = value;
    else result[key] = keepSubs(value, new Set(matching.map((ref) => ref.sub as string)));
  }
  return result;
}

function omit(resource: Record<string, unknown>, refs: AttributeRef[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    const matching = ALWAYS_RETURNED.has(lower) ? [] : refs.filter((ref) => ref.top === lower);
    if (matching.some((ref) => ref.sub === undefined)) continue;
    result[key] =
      matching.length === 0 ? value : dropSubs(value, new Set(matching.map((ref) => ref.sub as string)));
  }
  return result;
}

function filterKeys(value: unknown, keep: (lowerKey: string) => boolean): unknown {
  const one = (item: unknown): unknown =>
    isPlainObject(item)
      ? Object.fromEntries(Object.entries(item).filter(([key]) => keep(key.toLowerCase())))
      : item;
  return Array.isArray(value) ? value.map(one) : one(value);
}

const keepSubs = (value: unknown, subs: Set<string>): unknown => filterKeys(value, (key) => subs.has(key));
const dropSubs = (value: unknown, subs: Set<string>): unknown => filterKeys(value, (key) => !subs.has(key));
