/**
 * "Write the verified schema": the schema the admin verified is merged into Entra's current one rather
 * than replacing it, so parts the assistant does not model (other directories, group rules, metadata)
 * survive. Objects merge key by key; lists of named things (directories, objects, attributes, rules,
 * object and attribute mappings) merge item by item on their identity; anything else the verified copy
 * replaces. A mapping present only in Entra's copy stays: removing one is done in the portal.
 */
const IDENTITY_KEYS = ['id', 'name', 'targetAttributeName'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function identityOf(item: Json): string | undefined {
  if (!isObject(item)) return undefined;
  for (const key of IDENTITY_KEYS)
    if (typeof item[key] === 'string') return `${key}:${(item[key] as string).toLowerCase()}`;
  return undefined;
}

function mergeLists(current: Json[], given: Json[]): Json[] {
  if (!given.every((item) => identityOf(item) !== undefined)) return given;
  const merged = current.map((item) => {
    const id = identityOf(item);
    const match = id === undefined ? undefined : given.find((candidate) => identityOf(candidate) === id);
    return match === undefined ? item : mergeSchemaValue(item, match);
  });
  for (const item of given)
    if (!current.some((existing) => identityOf(existing) === identityOf(item))) merged.push(item);
  return merged;
}

export function mergeSchemaValue(current: Json, given: Json): Json {
  if (Array.isArray(current) && Array.isArray(given)) return mergeLists(current, given);
  if (isObject(current) && isObject(given)) {
    const merged: Record<string, Json> = { ...current };
    for (const [key, value] of Object.entries(given))
      merged[key] = key in current ? mergeSchemaValue(current[key] as Json, value) : value;
    return merged;
  }
  return given;
}

/** Drops the read-only OData annotations Graph adds to a GET answer before the document is PUT back. */
export function withoutAnnotations(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutAnnotations);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('@odata.'))
      .map(([key, inner]) => [key, withoutAnnotations(inner)]),
  );
}

export type { Json };
