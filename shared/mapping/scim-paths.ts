/**
 * Reading and writing a SCIM user resource by the target paths Entra's mapping screen uses:
 * `userName`, `name.givenName`, `emails[type eq "work"].value`, `urn:…:jostle:2.0:User:locations`.
 */

export type ScimScalar = string | boolean;
export type ScimResource = Record<string, unknown>;

export type ParsedPath =
  | { kind: 'simple'; attribute: string }
  | { kind: 'sub'; attribute: string; sub: string }
  | { kind: 'typed'; attribute: string; type: string; sub: string }
  | { kind: 'extension'; schema: string; attribute: string };

const TYPED = /^([A-Za-z][\w]*)\[type eq "([^"]+)"\]\.([A-Za-z]\w*)$/;

export function parsePath(path: string): ParsedPath {
  if (path.startsWith('urn:')) {
    const at = path.lastIndexOf(':');
    return { kind: 'extension', schema: path.slice(0, at), attribute: path.slice(at + 1) };
  }
  const typed = TYPED.exec(path);
  if (typed) return { kind: 'typed', attribute: typed[1]!, type: typed[2]!, sub: typed[3]! };
  const dot = path.indexOf('.');
  if (dot !== -1) return { kind: 'sub', attribute: path.slice(0, dot), sub: path.slice(dot + 1) };
  return { kind: 'simple', attribute: path };
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/**
 * The value under `name`, matched case-insensitively: the first own key in insertion order whose lower case
 * equals the name's. A plain loop, no closures: it runs several times for each of 500,000 previewed users.
 */
function readCaseless(object: Record<string, unknown> | undefined, name: string): unknown {
  if (!object) return undefined;
  const wanted = name.toLowerCase();
  for (const candidate of Object.keys(object)) {
    if (candidate === name || candidate.toLowerCase() === wanted) return object[candidate];
  }
  return undefined;
}

function typedEntry(list: unknown[], type: string): Record<string, unknown> | undefined {
  const wanted = type.toLowerCase();
  for (const item of list) {
    const entry = asObject(item);
    const entryType = readCaseless(entry, 'type');
    if (String(entryType ?? '').toLowerCase() === wanted) return entry;
  }
  return undefined;
}

/** Reads a value; SCIM attribute names compare case-insensitively, type values too. */
export function getScimValue(resource: ScimResource, path: string | ParsedPath): unknown {
  const parsed = typeof path === 'string' ? parsePath(path) : path;
  switch (parsed.kind) {
    case 'simple':
      return readCaseless(resource, parsed.attribute);
    case 'sub':
      return readCaseless(asObject(readCaseless(resource, parsed.attribute)), parsed.sub);
    case 'extension':
      return readCaseless(asObject(readCaseless(resource, parsed.schema)), parsed.attribute);
    case 'typed': {
      const list = readCaseless(resource, parsed.attribute);
      if (!Array.isArray(list)) return undefined;
      return readCaseless(typedEntry(list, parsed.type), parsed.sub);
    }
  }
}

/**
 * Writes a value into a resource being built. The work email is marked primary, as in the POST bodies
 * Microsoft documents; other typed entries carry no `primary`.
 */
export function setScimValue(resource: ScimResource, path: string | ParsedPath, value: ScimScalar): void {
  const parsed = typeof path === 'string' ? parsePath(path) : path;
  switch (parsed.kind) {
    case 'simple':
      resource[parsed.attribute] = value;
      return;
    case 'sub':
    case 'extension': {
      const key = parsed.kind === 'sub' ? parsed.attribute : parsed.schema;
      const inner = parsed.kind === 'sub' ? parsed.sub : parsed.attribute;
      const object = asObject(resource[key]) ?? {};
      object[inner] = value;
      resource[key] = object;
      return;
    }
    case 'typed': {
      const list = Array.isArray(resource[parsed.attribute]) ? (resource[parsed.attribute] as unknown[]) : [];
      let entry: Record<string, unknown> | undefined;
      for (const item of list) {
        const candidate = asObject(item);
        if (candidate?.type === parsed.type) {
          entry = candidate;
          break;
        }
      }
      if (!entry) {
        entry =
          parsed.attribute === 'emails' && parsed.type === 'work'
            ? { primary: true, type: parsed.type }
            : { type: parsed.type };
        list.push(entry);
      }
      entry[parsed.sub] = value;
      resource[parsed.attribute] = list;
      return;
    }
  }
}

/** Every mappable leaf of a resource as target path → value (the inverse of setScimValue). */
export function flattenScimResource(resource: ScimResource): Map<string, unknown> {
  const paths = new Map<string, unknown>();
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'schemas' || key === 'meta' || key === 'id') continue;
    const object = asObject(value);
    if (Array.isArray(value)) {
      for (const item of value.map(asObject)) {
        if (!item || typeof item.type !== 'string') continue;
        for (const [sub, subValue] of Object.entries(item)) {
          if (sub !== 'type' && sub !== 'primary')
            paths.set(`${key}[type eq "${item.type}"].${sub}`, subValue);
        }
      }
    } else if (object) {
      const prefix = key.startsWith('urn:') ? `${key}:` : `${key}.`;
      for (const [sub, subValue] of Object.entries(object)) paths.set(`${prefix}${sub}`, subValue);
    } else paths.set(key, value);
  }
  return paths;
}
