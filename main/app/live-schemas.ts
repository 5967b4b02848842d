/**
 * Jostle's schema for the mapping verdicts: the live tenant's `/Schemas` as the last probe run against it read
 * them (saved in the probe report), otherwise our model (shared/jostle/schema.ts). Every answer says which.
 */
import { RESULT_NAMES } from './data-files';
import {
  jostleSchemas,
  type ScimAttributeDefinition,
  type ScimSchemaDefinition,
} from '../../shared/jostle/schema';
import { probeReportSchema } from '../../shared/api/contracts/probes';
import type { SchemaAttribute } from '../probes/scim-shapes';
import type { AppContext } from './context';

export interface JostleSchemaSource {
  source: 'live' | 'model';
  /** When the probe read them (live only). */
  readAt: string | null;
  schemas: ScimSchemaDefinition[];
}

const PROBE_REPORT = RESULT_NAMES.probeReport;

function toDefinition(attribute: SchemaAttribute): ScimAttributeDefinition {
  return {
    name: attribute.name,
    type: (attribute.type?.toLowerCase() as ScimAttributeDefinition['type']) ?? 'string',
    multiValued: false,
    description: '',
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...(attribute.canonicalValues ? { canonicalValues: attribute.canonicalValues } : {}),
    ...(attribute.subAttributes ? { subAttributes: attribute.subAttributes.map(toDefinition) } : {}),
  };
}

function isLiveSchemaList(value: unknown): value is Array<{ id: string; attributes: SchemaAttribute[] }> {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as { id?: unknown }).id === 'string' &&
        Array.isArray((item as { attributes?: unknown }).attributes),
    )
  );
}

export async function jostleSchemaSource(context: Pick<AppContext, 'results'>): Promise<JostleSchemaSource> {
  const model: JostleSchemaSource = { source: 'model', readAt: null, schemas: [...jostleSchemas] };
  const report = await context.results
    .load(PROBE_REPORT, (value) => probeReportSchema.parse(value))
    .catch(() => null);
  if (!report || report.target !== 'live') return model;
  const definitions = report.probes.find((probe) => probe.id === 'schemas' && probe.status !== 'fail')
    ?.details?.definitions;
  if (!isLiveSchemaList(definitions) || definitions.length === 0) return model;
  return {
    source: 'live',
    readAt: report.finishedAt,
    schemas: definitions.map((schema) => ({
      id: schema.id,
      name: schema.id,
      description: '',
      attributes: schema.attributes.map(toDefinition),
    })),
  };
}
