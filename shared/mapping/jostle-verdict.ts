/**
 * Jostle's verdict on each target a mapping sends: does Jostle's schema list it, with that `type` value? Checked
 * against Jostle's schema definitions — the live tenant's `/Schemas` when given, else our model of it
 * (shared/jostle/schema.ts), and every answer says which.
 *
 * What Jostle does with an attribute it does not list is not public (reference §12). We assume the strict
 * answer, and Mock Jostle behaves the same way (docs/mock-jostle.md): a value for an attribute, schema or type
 * value Jostle does not list is refused with 400, so Entra logs the user as failed. The strict assumption is
 * the safe one for the admin: if Jostle in fact ignores such values, removing the row loses nothing.
 * One exception: a sub-attribute Jostle does not keep under an attribute it does (`name.formatted`) is dropped
 * from a create, as Microsoft's own create example carries it; an update that names it is refused.
 */
import {
  CORE_USER_SCHEMA,
  JOSTLE_USER_EXTENSION,
  jostleSchemas,
  type ScimAttributeDefinition,
  type ScimSchemaDefinition,
} from '../jostle/schema';
import { ENTERPRISE_USER_EXTENSION } from './entra-scim-targets';
import type { AttributeMapping } from './model';
import { parsePath } from './scim-paths';

export type VerdictKind = 'accepted' | 'rejected' | 'droppedOnCreate';
export type VerdictReason = 'listed' | 'typeValue' | 'attribute' | 'schema' | 'subAttribute';
export type SchemaSource = 'live' | 'model';

export type MappingFix = { kind: 'remove' } | { kind: 'retarget'; target: string };

export interface JostleVerdict {
  target: string;
  kind: VerdictKind;
  reason: VerdictReason;
  /** What Jostle does with a value for this target, in the admin's terms. */
  jostle: string;
  /** What Entra does as a result. */
  entra: string;
  /** Whether a public source says so, or it is our assumption. */
  basis: 'documented' | 'assumed';
  /** Keys of docs/entra-fidelity.md's Sources table. */
  sources: string[];
  /** The one-click fix; absent when the row is fine. */
  fix?: MappingFix;
}

export interface VerdictOptions {
  /** Jostle's schemas: the live `/Schemas` when a probe read them, else our model. */
  schemas?: readonly ScimSchemaDefinition[];
}

const ext = (name: string) => `${JOSTLE_USER_EXTENSION}:${name}`;

/** Where a generic SCIM target has a Jostle counterpart (our model's names; JOSTLE-MS 2026 list). */
export const JOSTLE_COUNTERPARTS: Readonly<Record<string, string>> = {
  'phoneNumbers[type eq "work"].value': 'phoneNumbers[type eq "workofficephone"].value',
  'phoneNumbers[type eq "mobile"].value': 'phoneNumbers[type eq "workmobilephone"].value',
  'addresses[type eq "work"].formatted': ext('locations'),
  'addresses[type eq "work"].streetAddress': ext('address1StreetAddress'),
  'addresses[type eq "work"].locality': ext('address1Locality'),
  'addresses[type eq "work"].region': ext('address1Region'),
  'addresses[type eq "work"].postalCode': ext('address1PostalCode'),
  'addresses[type eq "work"].country': ext('address1Country'),
};

const REJECTED_ENTRA =
  'Entra logs the user as failed (HTTP 400: SystemForCrossDomainIdentityManagementBadRequest) and retries it next cycle.';

function definitionsOf(schemas: readonly ScimSchemaDefinition[], id: string): ScimAttributeDefinition[] {
  return schemas.find((schema) => schema.id.toLowerCase() === id.toLowerCase())?.attributes ?? [];
}
const named = (list: readonly ScimAttributeDefinition[] | undefined, name: string) =>
  list?.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());

function verdict(
  target: string,
  kind: VerdictKind,
  reason: VerdictReason,
  jostle: string,
  entra: string,
): JostleVerdict {
  if (kind === 'accepted')
    return { target, kind, reason, jostle, entra, basis: 'documented', sources: ['JOSTLE-MS'] };
  const counterpart = JOSTLE_COUNTERPARTS[target];
  return {
    target,
    kind,
    reason,
    jostle,
    entra,
    basis: 'assumed',
    sources: reason === 'typeValue' ? ['JOSTLE-MS', 'LOGS', '3P-1PW'] : ['JOSTLE-API', 'LOGS', '3P-1PW'],
    fix: counterpart ? { kind: 'retarget', target: counterpart } : { kind: 'remove' },
  };
}

/** Jostle's verdict on one target path. */
export function jostleVerdictFor(targetPath: string, options: VerdictOptions = {}): JostleVerdict {
  const schemas = options.schemas ?? jostleSchemas;
  const core = definitionsOf(schemas, CORE_USER_SCHEMA);
  const target = targetPath.trim();
  let path = parsePath(target);
  if (path.kind === 'extension' && path.schema.toLowerCase() === CORE_USER_SCHEMA.toLowerCase()) {
    path = parsePath(path.attribute);
  }
  const accepted = () =>
    verdict(target, 'accepted', 'listed', 'Jostle lists it and stores the value.', 'Entra sends it.');
  const rejected = (reason: VerdictReason, what: string) =>
    verdict(
      target,
      'rejected',
      reason,
      `${what} Jostle refuses a user carrying a value for it (not public — assumed).`,
      REJECTED_ENTRA,
    );

  switch (path.kind) {
    case 'extension': {
      const list = definitionsOf(schemas, path.schema);
      if (list.length === 0) {
        const schemaName =
          path.schema === ENTERPRISE_USER_EXTENSION ? 'the enterprise extension' : path.schema;
        return rejected('schema', `Jostle’s /Schemas do not include ${schemaName}.`);
      }
      return named(list, path.attribute)
        ? accepted()
        : rejected('attribute', `Jostle’s extension has no ${path.attribute}.`);
    }
    case 'simple':
      return named(core, path.attribute)
        ? accepted()
        : rejected('attribute', `Jostle does not list ${path.attribute}.`);
    case 'sub': {
      const parent = named(core, path.attribute);
      if (!parent) return rejected('attribute', `Jostle does not list ${path.attribute}.`);
      if (named(parent.subAttributes, path.sub)) return accepted();
      return verdict(
        target,
        'droppedOnCreate',
        'subAttribute',
        `Jostle keeps ${path.attribute} but not ${path.sub}: it drops the value from a create and refuses an update that names it (not public — assumed).`,
        'Entra reports the create as a success; on a later update it sends the value again and logs that update as a failure.',
      );
    }
    case 'typed': {
      const list = named(core, path.attribute);
      if (!list) return rejected('attribute', `Jostle does not list ${path.attribute}.`);
      const types = named(list.subAttributes, 'type')?.canonicalValues;
      if (types && !types.some((type) => type.toLowerCase() === path.type.toLowerCase())) {
        return rejected(
          'typeValue',
          `Jostle’s ${path.attribute} types are ${types.join(', ')}, not "${path.type}".`,
        );
      }
      if (!named(list.subAttributes, path.sub))
        return rejected('attribute', `Jostle’s ${path.attribute} has no ${path.sub}.`);
      return accepted();
    }
  }
}

export interface RowVerdict extends JostleVerdict {
  mappingIndex: number;
}

/**
 * Verdicts for every row of a mapping. A retarget fix is offered only when the Jostle attribute is not mapped
 * already (Entra allows one mapping per target); otherwise the fix is to remove the row.
 */
export function mappingVerdicts(
  mappings: readonly AttributeMapping[],
  options: VerdictOptions = {},
): RowVerdict[] {
  const mapped = new Set(mappings.map((mapping) => mapping.target.trim().toLowerCase()));
  return mappings.map((mapping, mappingIndex) => {
    const row = jostleVerdictFor(mapping.target, options);
    if (row.fix?.kind === 'retarget' && mapped.has(row.fix.target.toLowerCase()))
      row.fix = { kind: 'remove' };
    return { ...row, mappingIndex };
  });
}

/** Applies one row's fix; the other rows are kept as they are. */
export function applyFix(
  mappings: readonly AttributeMapping[],
  mappingIndex: number,
  fix: MappingFix,
): AttributeMapping[] {
  if (fix.kind === 'remove') return mappings.filter((_, index) => index !== mappingIndex);
  return mappings.map((mapping, index) =>
    index === mappingIndex ? { ...mapping, target: fix.target } : mapping,
  );
}

/** Applies every flagged row's fix at once (the "Fix all" action). */
export function applyAllFixes(
  mappings: readonly AttributeMapping[],
  options: VerdictOptions = {},
): AttributeMapping[] {
  let current = [...mappings];
  // Fixes change indexes and free targets, so recompute after each one.
  for (;;) {
    const next = mappingVerdicts(current, options).find((row) => row.fix);
    if (!next?.fix) return current;
    current = applyFix(current, next.mappingIndex, next.fix);
  }
}
