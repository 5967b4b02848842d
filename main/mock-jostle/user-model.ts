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
    const items = Array.isArray(value) ? value : [value];
    const coerced = items
      .map((item, index) => coerceSingle(definition, item, `${where}[${index}]`))
      .filter((item) => item !== undefined);
    checkUniqueTypes(coerced as MultiValue[], where);
    return coerced.length > 0 ? coerced : undefined;
  }
  return coerceSingle(definition, value, where);
}

function coerceSingle(definition: ScimAttributeDefinition, value: unknown, where: string): unknown {
  if (value === null || value === undefined) return undefined;
  switch (definition.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      throw invalidValue(`Attribute '${where}' must be a boolean (true/false or "True"/"False").`);
    case 'complex':
      return coerceComplex(definition, value, where);
    default:
      if (typeof value !== 'string') throw invalidValue(`Attribute '${where}' must be a string.`);
      checkCanonical(definition, value, where);
      return value;
  }
}

function coerceComplex(
  definition: ScimAttributeDefinition,
  value: unknown,
  where: string,
): MultiValue | undefined {
  if (!isPlainObject(value)) throw invalidValue(`Attribute '${where}' must be an object.`);
  const result: MultiValue = {};
  for (const [key, raw] of Object.entries(value)) {
    const sub = findSubAttribute(definition, key);
    if (!sub) continue; // sub-attributes Jostle does not store (e.g. name.formatted, emails.display)
    const coerced = coerceSingle(sub, raw, `${where}.${sub.name}`);
    if (coerced !== undefined) result[sub.name] = coerced;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function checkCanonical(definition: ScimAttributeDefinition, value: string, where: string): void {
  const allowed = definition.canonicalValues;
  if (!allowed || allowed.some((candidate) => candidate.toLowerCase() === value.toLowerCase())) return;
  throw invalidValue(`Attribute '${where}' is "${value}"; Jostle accepts only ${allowed.join(', ')}.`);
}

/** Entra: "The 'type' sub-attribute values of multivalued complex attributes must be unique". */
export function checkUniqueTypes(items: MultiValue[], where: string): void {
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
  for (const [key, raw] of Object.entries(body)) {
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
  for (const [key, value] of Object.entries(raw)) {
    const definition = extensionAttributes.get(key.toLowerCase());
    if (!definition) continue;
    const coerced = coerceValue(definition, value, `${JOSTLE_USER_EXTENSION}:${definition.name}`);
    if (coerced !== undefined) result[definition.name] = coerced;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/** Jostle's documented minimum; the detail names the missing field so Entra's log shows it. */
export function checkRequired(data: UserData): void {
  for (const path of REQUIRED_PATHS) {
    const value = path
      .split('.')
      .reduce<unknown>((node, part) => (isPlainObject(node) ? node[part] : undefined), data);
    if (typeof value !== 'string' || value.trim() === '') {
      throw invalidValue(`Required attribute '${path}' is missing or empty.`);
    }
  }
}

export function userNameOf(data: UserData): string {
  return data.userName as string;
}
