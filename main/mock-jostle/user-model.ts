import { JOSTLE_USER_EXTENSION, type ScimAttributeDefinition } from '../../shared/jostle/schema';
import { invalidSyntax, invalidValue } from './errors';
import {
  coreAttributes,
  EXTENSION_LOWER,
  extensionAttributes,
  findSubAttribute,
  REQUIRED_PATHS,
} from './schema-index';

/**
 * A user's attributes in canonical form: core attributes under their schema names, Jostle extension
 * attributes in an object under the extension URN. `id` and `meta` live beside it in StoredUser.
 */
export type UserData = Record<string, unknown>;

export interface StoredUser {
  id: string;
  created: string;
  lastModified: string;
  data: UserData;
}

export type MultiValue = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Coerces one incoming value to what the schema says, or throws invalidValue naming `where`.
 * Returns undefined for null/absent (explicit nulls are tolerated and mean "no value").
 * Booleans also accept "True"/"False" in any case: Entra's unflagged PATCH dialect sends strings.
 */
export function coerceValue(definition: ScimAttributeDefinition, value: unknown, where: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (definition.multiValued) {
    const items = Array.isArray(value) ? (value as unknown[]) : [value];
    const coerced: unknown[] = [];
    for (let index = 0; index < items.length; index += 1) {
      const item = coerceSingle(definition, items[index], where, index, undefined);
      if (item !== undefined) coerced.push(item);
    }
    checkUniqueTypes(coerced as MultiValue[], where);
    return coerced.length > 0 ? coerced : undefined;
  }
  return coerceSingle(definition, value, where, -1, undefined);
}

/**
 * The name error messages give a value: `where`, `where[index]`, `where.sub` or `where[index].sub`. Built
 * only when a message needs it: every create passes each attribute through here, and almost none fail.
 */
function describe(where: string, index: number, sub: string | undefined): string {
  const item = index < 0 ? where : `${where}[${index}]`;
  return sub === undefined ? item : `${item}.${sub}`;
}

function coerceSingle(
  definition: ScimAttributeDefinition,
  value: unknown,
  where: string,
  index: number,
  sub: string | undefined,
): unknown {
  if (value === null || value === undefined) return undefined;
  switch (definition.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      throw invalidValue(
        `Attribute '${describe(where, index, sub)}' must be a boolean (true/false or "True"/"False").`,
      );
    case 'complex':
      // RFC 7643 §2.4: sub-attributes are never complex, but a nested path is still named in full.
      return sub === undefined
        ? coerceComplex(definition, value, where, index)
        : coerceComplex(definition, value, describe(where, index, sub), -1);
    default:
      if (typeof value !== 'string')
        throw invalidValue(`Attribute '${describe(where, index, sub)}' must be a string.`);
      checkCanonical(definition, value, where, index, sub);
      return value;
  }
}

function coerceComplex(
  definition: ScimAttributeDefinition,
  value: unknown,
  where: string,
  index: number,
): MultiValue | undefined {
  if (!isPlainObject(value))
    throw invalidValue(`Attribute '${describe(where, index, undefined)}' must be an object.`);
  const result: MultiValue = {};
  let empty = true;
  const keys = Object.keys(value);
  for (let at = 0; at < keys.length; at += 1) {
    const key = keys[at]!;
    const sub = findSubAttribute(definition, key);
    if (!sub) continue; // sub-attributes Jostle does not store (e.g. name.formatted, emails.display)
    const coerced = coerceSingle(sub, value[key], where, index, sub.name);
    if (coerced !== undefined) {
      result[sub.name] = coerced;
      empty = false;
    }
  }
  return empty ? undefined : result;
}

/** Each canonicalValues list lower-cased once (the schema's lists never change). */
const lowerCanonical = new WeakMap<readonly string[], ReadonlySet<string>>();

function checkCanonical(
  definition: ScimAttributeDefinition,
  value: string,
  where: string,
  index: number,
  sub: string | undefined,
): void {
  const allowed = definition.canonicalValues;
  if (!allowed) return;
  let lower = lowerCanonical.get(allowed);
  if (!lower) {
    lower = new Set(allowed.map((candidate) => candidate.toLowerCase()));
    lowerCanonical.set(allowed, lower);
  }
  if (lower.has(value.toLowerCase())) return;
  throw invalidValue(
    `Attribute '${describe(where, index, sub)}' is "${value}"; Jostle accepts only ${allowed.join(', ')}.`,
  );
}

/** Entra: "The 'type' sub-attribute values of multivalued complex attributes must be unique". */
export function checkUniqueTypes(items: MultiValue[], where: string): void {
  if (items.length < 2) return;
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item.type !== 'string') continue;
    const type = item.type.toLowerCase();
    if (seen.has(type))
      throw invalidValue(`Attribute '${where}' has more than one entry of type "${item.type}".`);
    seen.add(type);
  }
}

/**
 * Keys every SCIM body may carry that are not stored user attributes; `password` is RFC 7643's write-only core
 * attribute, tolerated and never stored (Jostle users sign in through Jostle or SSO).
 */
const NOT_ATTRIBUTES = new Set(['schemas', 'id', 'meta', 'password']);

/** null, "", [], {} and objects of only such values: what Entra sends for "no value" (SCIM-DEV Example 2). */
function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.every(isEmptyValue);
  if (isPlainObject(value)) return Object.values(value).every(isEmptyValue);
  return false;
}

/**
 * Turns a POST/PUT body into UserData. A value for an attribute or schema Jostle does not list (the generic
 * SCIM defaults of a custom app: addresses, preferredLanguage, the enterprise extension…) is refused with 400
 * invalidValue — an assumption, listed in docs/mock-jostle.md. Empty ones (`"roles": []`, `"addresses": null`)
 * mean "no value" and pass, as do sub-attributes Jostle does not keep (`name.formatted`), which are dropped.
 */
export function normalizeUserBody(body: unknown): UserData {
  if (!isPlainObject(body)) throw invalidSyntax('The request body must be a JSON object (a SCIM User).');
  const data: UserData = {};
  const keys = Object.keys(body);
  for (let at = 0; at < keys.length; at += 1) {
    const key = keys[at]!;
    const raw = body[key];
    const lower = key.toLowerCase();
    if (lower === EXTENSION_LOWER) {
      const extension = normalizeExtension(raw);
      if (extension) data[JOSTLE_USER_EXTENSION] = extension;
      continue;
    }
    const definition = coreAttributes.get(lower);
    if (!definition) {
      if (NOT_ATTRIBUTES.has(lower) || isEmptyValue(raw)) continue;
      throw invalidValue(
        `Attribute '${key}' is not in Jostle's schema; Jostle lists the core User subset and its own extension.`,
      );
    }
    const coerced = coerceValue(definition, raw, definition.name);
    if (coerced !== undefined) data[definition.name] = coerced;
  }
  checkRequired(data);
  return data;
}

function normalizeExtension(raw: unknown): Record<string, unknown> | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (!isPlainObject(raw)) throw invalidValue(`Attribute '${JOSTLE_USER_EXTENSION}' must be an object.`);
  const result: Record<string, unknown> = {};
  let empty = true;
  for (const key of Object.keys(raw)) {
    const definition = extensionAttributes.get(key.toLowerCase());
    if (!definition) continue;
    const coerced = coerceValue(definition, raw[key], `${JOSTLE_USER_EXTENSION}:${definition.name}`);
    if (coerced !== undefined) {
      result[definition.name] = coerced;
      empty = false;
    }
  }
  return empty ? undefined : result;
}

const REQUIRED_PARTS = REQUIRED_PATHS.map((path) => ({ path, parts: path.split('.') }));

/** Jostle's documented minimum; the detail names the missing field so Entra's log shows it. */
export function checkRequired(data: UserData): void {
  for (const { path, parts } of REQUIRED_PARTS) {
    let value: unknown = data;
    for (const part of parts) value = isPlainObject(value) ? value[part] : undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw invalidValue(`Required attribute '${path}' is missing or empty.`);
    }
  }
}

export function userNameOf(data: UserData): string {
  return data.userName as string;
}
