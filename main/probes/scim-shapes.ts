/** Readers for the SCIM shapes the probes check; tolerant of what real servers send, strict about what matters. */

export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SPC_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface ListResponseView {
  hasListSchema: boolean;
  totalResults: number | undefined;
  resources: unknown[] | undefined;
  startIndex: number | undefined;
  itemsPerPage: number | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a ListResponse; undefined when the body is not one (no numeric totalResults). */
export function readListResponse(body: unknown): ListResponseView | undefined {
  if (!isRecord(body) || typeof body.totalResults !== 'number') return undefined;
  const schemas = Array.isArray(body.schemas) ? body.schemas : [];
  return {
    hasListSchema: schemas.includes(LIST_RESPONSE_SCHEMA),
    totalResults: body.totalResults,
    resources: Array.isArray(body.Resources) ? body.Resources : undefined,
    startIndex: typeof body.startIndex === 'number' ? body.startIndex : undefined,
    itemsPerPage: typeof body.itemsPerPage === 'number' ? body.itemsPerPage : undefined,
  };
}

/** Discovery endpoints answer a ListResponse per RFC 7644 §4; some servers send a bare array. */
export function discoveryResources(body: unknown): Record<string, unknown>[] | undefined {
  const list = Array.isArray(body)
    ? body
    : isRecord(body) && Array.isArray(body.Resources)
      ? body.Resources
      : undefined;
  return list?.filter(isRecord);
}

export interface SchemaAttribute {
  name: string;
  subAttributes?: SchemaAttribute[];
  canonicalValues?: string[];
  type?: string;
  mutability?: string;
}

export interface LiveSchema {
  id: string;
  attributes: SchemaAttribute[];
}

function readAttributes(value: unknown): SchemaAttribute[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((raw): SchemaAttribute[] => {
    if (typeof raw.name !== 'string') return [];
    return [
      {
        name: raw.name,
        type: typeof raw.type === 'string' ? raw.type : undefined,
        mutability: typeof raw.mutability === 'string' ? raw.mutability : undefined,
        canonicalValues: Array.isArray(raw.canonicalValues) ? raw.canonicalValues.map(String) : undefined,
        subAttributes: raw.subAttributes === undefined ? undefined : readAttributes(raw.subAttributes),
      },
    ];
  });
}

export function readSchemas(body: unknown): LiveSchema[] | undefined {
  const resources = discoveryResources(body);
  if (!resources) return undefined;
  return resources
    .filter((schema): schema is Record<string, unknown> & { id: string } => typeof schema.id === 'string')
    .map((schema) => ({ id: schema.id, attributes: readAttributes(schema.attributes) }));
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export type PathCheck = { ok: true; warning?: string } | { ok: false; reason: string };

/**
 * Checks that an Entra target-attribute path exists in the live schemas: `userName`, `name.givenName`,
 * `emails[type eq "work"].value`, or an extension path `urn:…:jostle:2.0:User:alternateEmail1Label`.
 * Names compare case-insensitively, as SCIM attribute names do (RFC 7643 §2.1).
 */
export function checkTargetPath(
  path: string,
  schemas: readonly LiveSchema[],
  coreSchemaId: string,
): PathCheck {
  let schema = schemas.find((candidate) => path.toLowerCase().startsWith(`${candidate.id.toLowerCase()}:`));
  let rest = path;
  if (schema) {
    rest = path.slice(schema.id.length + 1);
  } else if (/^urn:/i.test(path)) {
    const schemaId = path.slice(0, path.lastIndexOf(':'));
    return { ok: false, reason: `schema ${schemaId} is not in /Schemas` };
  } else {
    schema = schemas.find((candidate) => same(candidate.id, coreSchemaId));
    if (!schema) return { ok: false, reason: `core schema ${coreSchemaId} is not in /Schemas` };
  }
  const match =
    /^([A-Za-z][\w$-]*)(?:\[\s*([A-Za-z][\w$-]*)\s+eq\s+"([^"]*)"\s*\])?(?:\.([A-Za-z][\w$-]*))?$/i.exec(
      rest,
    );
  if (!match) return { ok: false, reason: `cannot read the path “${rest}”` };
  const [, attributeName = '', filterAttribute, filterValue, subName] = match;
  const attribute = schema.attributes.find((candidate) => same(candidate.name, attributeName));
  if (!attribute) return { ok: false, reason: `${schema.id} has no attribute ${attributeName}` };
  let warning: string | undefined;
  if (filterAttribute) {
    const filterSub = attribute.subAttributes?.find((candidate) => same(candidate.name, filterAttribute));
    if (!filterSub) return { ok: false, reason: `${attributeName} has no sub-attribute ${filterAttribute}` };
    const canonical = filterSub.canonicalValues;
    if (canonical && canonical.length > 0 && !canonical.some((value) => same(value, filterValue ?? ''))) {
      warning = `${attributeName}.${filterAttribute} “${filterValue}” is not among its canonical values (${canonical.join(', ')})`;
    }
  }
  if (subName && !attribute.subAttributes?.some((candidate) => same(candidate.name, subName))) {
    return { ok: false, reason: `${attributeName} has no sub-attribute ${subName}` };
  }
  return warning ? { ok: true, warning } : { ok: true };
}
