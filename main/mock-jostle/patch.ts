import { JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import { invalidSyntax, invalidValue, noTarget, ScimHttpError } from './errors';
import { entryMatches, parsePatchPath, type PatchTarget } from './patch-path';
import { extensionAttributes } from './schema-index';
import {
  checkRequired,
  checkUniqueTypes,
  coerceValue,
  isPlainObject,
  type MultiValue,
  type UserData,
} from './user-model';

/*
 * PATCH is hand-written rather than SCIMMY's PatchOp.apply, for reasons measured with SCIMMY 1.3.5 (see
 * docs/mock-jostle.md): it rejects Entra's unflagged `"value":"False"` for booleans (invalidValue), answers
 * `Add emails[type eq "personal"].value` on a user without that entry with noTarget instead of creating it,
 * rejects Jostle's email types (alternate1/alternate2) unless its User schema is rebuilt, and costs ~400 µs per
 * request against a few µs here. Path filters are still parsed by SCIMMY (patch-path.ts).
 */

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const MAX_OPERATIONS = 1000;
const MAX_PATHLESS_KEYS = 1000;

type Op = 'add' | 'replace' | 'remove';

/** Applies a PatchOp body to a copy of `current` and returns the copy; `current` is never modified (atomic). */
export function applyPatch(current: UserData, body: unknown): UserData {
  return patchCopy(current, body, structuredClone);
}

/**
 * applyPatch for a `copy` the caller owns and drops if this throws (the store's reads are fresh copies):
 * changed in place, without cloning it again.
 */
export function applyPatchToCopy(copy: UserData, body: unknown): UserData {
  return patchCopy(copy, body, (data) => data);
}

function patchCopy(current: UserData, body: unknown, copyOf: (data: UserData) => UserData): UserData {
  if (!isPlainObject(body)) throw invalidSyntax('The PATCH body must be a JSON object (a PatchOp message).');
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP_SCHEMA)) {
    throw invalidSyntax(`The PATCH body must list '${PATCH_OP_SCHEMA}' in 'schemas'.`);
  }
  const operations = body.Operations;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidSyntax("The PATCH body needs a non-empty 'Operations' array.");
  }
  // Bounded work per request: Entra sends one operation per changed attribute, a few dozen at most.
  if (operations.length > MAX_OPERATIONS) {
    throw invalidSyntax(
      `The PATCH has ${operations.length} operations; at most ${MAX_OPERATIONS} are accepted.`,
    );
  }
  const data = copyOf(current);
  operations.forEach((operation: unknown, index) => {
    try {
      applyOperation(data, operation);
    } catch (error) {
      if (error instanceof ScimHttpError) {
        throw new ScimHttpError(error.status, error.scimType, `Operation ${index + 1}: ${error.message}`);
      }
      throw error;
    }
  });
  checkRequired(data);
  return data;
}

function applyOperation(data: UserData, operation: unknown): void {
  if (!isPlainObject(operation)) throw invalidSyntax('Each operation must be an object.');
  const opText = operation.op;
  const op = typeof opText === 'string' ? opText.toLowerCase() : undefined;
  if (op !== 'add' && op !== 'replace' && op !== 'remove') {
    throw invalidSyntax(`'op' must be add, replace or remove (any case); got ${JSON.stringify(opText)}.`);
  }
  const { path, value } = operation;
  if (path === undefined || path === null || path === '') {
    if (op === 'remove') throw noTarget("A 'remove' operation needs a 'path'.");
    applyPathless(data, op, value);
    return;
  }
  if (typeof path !== 'string') throw new ScimHttpError(400, 'invalidPath', "'path' must be a string.");
  if (op !== 'remove' && value === undefined) throw invalidValue(`'${op}' on '${path}' needs a 'value'.`);
  applyTarget(data, op, parsePatchPath(path), value, path);
}

/** Entra's flagged dialect: `{"op":"replace","value":{"name.givenName":"…","urn:…:User:attr":"…"}}`. */
function applyPathless(data: UserData, op: Op, value: unknown): void {
  if (!isPlainObject(value)) throw invalidValue(`A '${op}' without 'path' needs an object 'value'.`);
  const entries = Object.entries(value);
  if (entries.length > MAX_PATHLESS_KEYS) {
    throw invalidValue(
      `The value has ${entries.length} attributes; at most ${MAX_PATHLESS_KEYS} are accepted.`,
    );
  }
  for (const [key, item] of entries) {
    const lower = key.toLowerCase();
    if (lower === 'schemas' || lower === 'id' || lower === 'meta') continue;
    applyTarget(data, op, parsePatchPath(key), item, key);
  }
}

function applyTarget(data: UserData, op: Op, target: PatchTarget, value: unknown, where: string): void {
  if (target.kind === 'extensionRoot') {
    applyExtensionRoot(data, op, value);
    return;
  }
  const container = target.scope === 'core' ? data : extensionOf(data);
  const { attribute } = target;
  if (target.conditions) {
    applyValuePath(container, op, target, value, where);
  } else if (target.subAttribute) {
    const parent = isPlainObject(container[attribute.name]) ? (container[attribute.name] as MultiValue) : {};
    setOrDelete(
      parent,
      target.subAttribute.name,
      op === 'remove' ? undefined : coerceValue(target.subAttribute, value, where),
    );
    setOrDelete(container, attribute.name, Object.keys(parent).length > 0 ? parent : undefined);
  } else if (op === 'remove') {
    delete container[attribute.name];
  } else if (attribute.multiValued) {
    const incoming = (coerceValue(attribute, value, where) as MultiValue[] | undefined) ?? [];
    const merged = op === 'add' ? mergeByType(listOf(container, attribute.name), incoming) : incoming;
    checkUniqueTypes(merged, attribute.name);
    setOrDelete(container, attribute.name, merged.length > 0 ? merged : undefined);
  } else if (attribute.type === 'complex') {
    // RFC 7644 §3.5.2.3: sub-attributes not in the value are left unchanged.
    const incoming = coerceValue(attribute, value, where) as MultiValue | undefined;
    const existing = isPlainObject(container[attribute.name])
      ? (container[attribute.name] as MultiValue)
      : {};
    setOrDelete(container, attribute.name, incoming ? { ...existing, ...incoming } : undefined);
  } else {
    setOrDelete(container, attribute.name, coerceValue(attribute, value, where));
  }
  pruneExtension(data);
}

function applyValuePath(
  container: Record<string, unknown>,
  op: Op,
  target: Extract<PatchTarget, { kind: 'attribute' }>,
  value: unknown,
  where: string,
): void {
  const { attribute, subAttribute } = target;
  const conditions = target.conditions ?? [];
  const list = listOf(container, attribute.name);
  const matches = list.filter((entry) => entryMatches(entry, conditions));
  let next = list;
  if (op === 'remove') {
    // Removing something already absent is a no-op: Entra retries and must converge.
    if (subAttribute) for (const entry of matches) delete entry[subAttribute.name];
    else next = list.filter((entry) => !matches.includes(entry));
  } else {
    const patch: MultiValue = subAttribute
      ? { [subAttribute.name]: coerceValue(subAttribute, value, where) }
      : ((coerceValue({ ...attribute, multiValued: false }, value, where) as MultiValue | undefined) ?? {});
    if (matches.length === 0) {
      if (op === 'replace') throw noTarget(`No entry of '${attribute.name}' matches '${where}'.`);
      // Add to a value path that matches nothing creates the entry, e.g. the user's first personal email.
      const created: MultiValue = {};
      for (const condition of conditions) created[condition.attribute.name] = condition.value;
      // Coerced again so a filter such as [type eq "home"] is checked against Jostle's types.
      const entry = coerceValue(
        { ...attribute, multiValued: false },
        { ...created, ...withoutUndefined(patch) },
        where,
      );
      next = [...list, entry as MultiValue];
    } else {
      for (const entry of matches) Object.assign(entry, patch);
      for (const entry of matches)
        for (const key of Object.keys(entry)) if (entry[key] === undefined) delete entry[key];
    }
  }
  next = next.filter((entry) => Object.keys(entry).length > 0);
  checkUniqueTypes(next, attribute.name);
  setOrDelete(container, attribute.name, next.length > 0 ? next : undefined);
}

function applyExtensionRoot(data: UserData, op: Op, value: unknown): void {
  if (op === 'remove') {
    delete data[JOSTLE_USER_EXTENSION];
    return;
  }
  if (!isPlainObject(value)) throw invalidValue(`'${JOSTLE_USER_EXTENSION}' needs an object value.`);
  const extension = extensionOf(data);
  for (const [key, item] of Object.entries(value)) {
    const definition = extensionAttributes.get(key.toLowerCase());
    if (!definition)
      throw new ScimHttpError(400, 'invalidPath', `Jostle's extension has no attribute '${key}'.`);
    setOrDelete(
      extension,
      definition.name,
      coerceValue(definition, item, `${JOSTLE_USER_EXTENSION}:${definition.name}`),
    );
  }
  pruneExtension(data);
}

function mergeByType(existing: MultiValue[], incoming: MultiValue[]): MultiValue[] {
  const result = existing.map((entry) => ({ ...entry }));
  for (const entry of incoming) {
    const type = typeof entry.type === 'string' ? entry.type.toLowerCase() : undefined;
    const same =
      type === undefined
        ? undefined
        : result.find((e) => typeof e.type === 'string' && e.type.toLowerCase() === type);
    if (same) Object.assign(same, entry);
    else result.push(entry);
  }
  return result;
}

function listOf(container: Record<string, unknown>, name: string): MultiValue[] {
  const value = container[name];
  return Array.isArray(value) ? (value as MultiValue[]) : [];
}

function extensionOf(data: UserData): Record<string, unknown> {
  const existing = data[JOSTLE_USER_EXTENSION];
  if (isPlainObject(existing)) return existing;
  const created: Record<string, unknown> = {};
  data[JOSTLE_USER_EXTENSION] = created;
  return created;
}

function pruneExtension(data: UserData): void {
  const extension = data[JOSTLE_USER_EXTENSION];
  if (isPlainObject(extension) && Object.keys(extension).length === 0) delete data[JOSTLE_USER_EXTENSION];
}

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function withoutUndefined(entry: MultiValue): MultiValue {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
}
