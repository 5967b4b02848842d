/**
 * Compares what Jostle has with what Entra's mappings produce, attribute by attribute, and writes the
 * PATCH Entra would send. The dry run reuses it. Rules (reference §4–6):
 * - only attributes the desired resource carries are compared: Entra never clears a value it no longer
 *   has ("clear attribute values" is not supported for outbound provisioning);
 * - strings compare case-insensitively unless the Jostle schema marks the attribute caseExact;
 * - op is Add when Jostle has no value yet, Replace otherwise.
 */
import { jostleSchemas, type ScimAttributeDefinition } from '../jostle/schema';
import { flattenScimResource, getScimValue, parsePath, type ScimResource } from './scim-paths';

export interface AttributeChange {
  path: string;
  op: 'Add' | 'Replace';
  from: unknown;
  to: unknown;
}

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * `default`: Entra's historical dialect — capitalised ops, one op per attribute, Booleans as "True"/"False".
 * `aadOptscim062020`: the compliant dialect — lowercase ops, real Booleans, and the non-filtered attributes
 * collapsed into one path-less op whose value uses dotted/URN keys.
 */
export type PatchDialect = 'default' | 'aadOptscim062020';

export interface PatchRequest {
  schemas: [typeof PATCH_OP_SCHEMA];
  Operations: Array<{ op: string; path?: string; value: unknown }>;
}

function definition(path: string): ScimAttributeDefinition | undefined {
  const parsed = parsePath(path);
  const find = (list: readonly ScimAttributeDefinition[] | undefined, name: string) =>
    list?.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (parsed.kind === 'extension') {
    return find(jostleSchemas.find((schema) => schema.id === parsed.schema)?.attributes, parsed.attribute);
  }
  const top = find(jostleSchemas[0]?.attributes, parsed.attribute);
  return parsed.kind === 'simple' ? top : find(top?.subAttributes, parsed.sub);
}

function normalise(value: unknown, caseExact: boolean): unknown {
  if (typeof value === 'string') {
    if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    return caseExact ? value : value.toLowerCase();
  }
  return value;
}

/** The attribute changes that turn `current` (what Jostle returns) into `desired` (what mappings give). */
export function diffScimResources(current: ScimResource, desired: ScimResource): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const [path, to] of flattenScimResource(desired)) {
    if (to === null || to === undefined) continue;
    const from = getScimValue(current, path);
    const caseExact = definition(path)?.caseExact ?? false;
    if (from !== undefined && from !== null && normalise(from, caseExact) === normalise(to, caseExact))
      continue;
    changes.push({
      path,
      op: from === undefined || from === null || from === '' ? 'Add' : 'Replace',
      from,
      to,
    });
  }
  return changes;
}

/** The PATCH body for a set of changes, in either of Entra's dialects; null when nothing changed. */
export function toPatchRequest(
  changes: readonly AttributeChange[],
  dialect: PatchDialect = 'default',
): PatchRequest | null {
  if (changes.length === 0) return null;
  if (dialect === 'default') {
    return {
      schemas: [PATCH_OP_SCHEMA],
      Operations: changes.map((change) => ({
        op: change.op,
        path: change.path,
        value: typeof change.to === 'boolean' ? (change.to ? 'True' : 'False') : change.to,
      })),
    };
  }
  // COMPAT samples: a single attribute keeps its path (`{"op":"add","path":"nickName",…}`, the disable as
  // `{"op":"replace","path":"active","value":false}`); several attributes under one op collapse into one
  // path-less op, while filtered paths such as emails[type eq "work"].value always keep theirs.
  const operations: PatchRequest['Operations'] = [];
  const collapsed = new Map<string, AttributeChange[]>();
  for (const change of changes) {
    const op = change.op.toLowerCase();
    if (parsePath(change.path).kind === 'typed') {
      operations.push({ op, path: change.path, value: change.to });
      continue;
    }
    collapsed.set(op, [...(collapsed.get(op) ?? []), change]);
  }
  for (const [op, group] of collapsed) {
    if (group.length === 1) operations.push({ op, path: group[0]!.path, value: group[0]!.to });
    else operations.push({ op, value: Object.fromEntries(group.map((change) => [change.path, change.to])) });
  }
  return { schemas: [PATCH_OP_SCHEMA], Operations: operations };
}
