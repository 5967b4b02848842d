/**
 * `importSynchronizationSchema`: a schema document (pasted text, a file, or Graph's parsed response) → the
 * assistant's mapping and scoping filters, plus a list of everything it could not carry over. Foreign and
 * broken documents get one specific message and no result, so nothing is changed.
 */
import type { MappingConfig } from '../mapping/model';
import type { ScopingFilter } from '../scoping/model';
import { importAttributeMapping, importClause, type SchemaNote } from './convert';
import { graphSynchronizationSchemaSchema, type GraphSynchronizationSchema } from './graph-shapes';
import { locateJostleUserMapping, type ObjectMappingLocation } from './locate';

export type SchemaImportErrorCode =
  'not-json' | 'truncated' | 'not-a-schema' | 'inbound' | 'no-user-mapping' | 'foreign-app';

/** The portal's Target Object Actions (Graph objectMapping.flowTypes). */
export interface TargetObjectActions {
  create: boolean;
  update: boolean;
  delete: boolean;
}

export interface ImportedSchema {
  /** The whole document as it came in (unwrapped from a job or template response): the base of an export. */
  schema: GraphSynchronizationSchema;
  location: ObjectMappingLocation;
  /** Names to show: the rule and the object mapping, as the portal lists them. */
  ruleName: string;
  objectMappingName: string;
  mapping: MappingConfig;
  filters: ScopingFilter[];
  targetObjectActions: TargetObjectActions;
  enabled: boolean;
  notes: SchemaNote[];
}

export type SchemaImportResult =
  | { ok: true; imported: ImportedSchema }
  | { ok: false; error: { code: SchemaImportErrorCode; message: string } };

const fail = (code: SchemaImportErrorCode, message: string): SchemaImportResult => ({
  ok: false,
  error: { code, message },
});

function parseText(text: string): { ok: true; json: unknown } | { ok: false; result: SchemaImportResult } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '')
    return { ok: false, result: fail('not-json', 'The schema is empty: paste or choose the schema JSON.') };
  try {
    return { ok: true, json: JSON.parse(trimmed) };
  } catch (error) {
    const message = (error as Error).message;
    // A document that opens more braces than it closes was cut off while copying.
    if (/^[{[]/.test(trimmed) && !balanced(trimmed))
      return {
        ok: false,
        result: fail(
          'truncated',
          `The schema JSON stops before its end (${trimmed.length} characters read). Copy it again in full: in the portal's schema editor, select all before copying.`,
        ),
      };
    return { ok: false, result: fail('not-json', `The schema is not valid JSON: ${message}`) };
  }
}

/** Whether every { and [ outside strings is closed: a quick tell for a cut-off copy. */
function balanced(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return depth <= 0 && !inString;
}

/** A job or template response carries the schema under `schema`; the schema editor shows it bare. */
function unwrap(json: unknown): unknown {
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const record = json as Record<string, unknown>;
    if (!('synchronizationRules' in record) && record.schema && typeof record.schema === 'object')
      return record.schema;
  }
  return json;
}

function notASchema(json: unknown): string {
  const record =
    json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if (record && 'mappings' in record && 'version' in record)
    return "This is the assistant's own mapping file, not an Entra schema: open it on the Attribute mappings step, or pass it with --mapping.";
  if (record && Array.isArray(record.value))
    return 'This looks like a Microsoft Graph list (value: […]), not a synchronization schema. Fetch …/synchronization/jobs/{jobId}/schema.';
  return "This is not an Entra synchronization schema: it has no synchronizationRules. Copy it from the Jostle app's **Provisioning > Attribute mapping > Show advanced options > Review your schema here**.";
}

function targetObjectActions(flowTypes: string | null | undefined): TargetObjectActions {
  if (!flowTypes) return { create: true, update: true, delete: true };
  const parts = flowTypes.split(',').map((part) => part.trim().toLowerCase());
  return {
    create: parts.includes('add'),
    update: parts.includes('update'),
    delete: parts.includes('delete'),
  };
}

export function importSynchronizationSchema(input: unknown): SchemaImportResult {
  let json = input;
  if (typeof input === 'string') {
    const parsed = parseText(input);
    if (!parsed.ok) return parsed.result;
    json = parsed.json;
  }
  json = unwrap(json);
  const shaped = graphSynchronizationSchemaSchema.safeParse(json);
  if (!shaped.success) {
    const hasRules = !!json && typeof json === 'object' && 'synchronizationRules' in (json as object);
    if (!hasRules) return fail('not-a-schema', notASchema(json));
    const issue = shaped.error.issues[0];
    return fail(
      'not-a-schema',
      `The schema is damaged at ${issue?.path.join('.') || 'its top level'}: ${issue?.message ?? 'unexpected shape'}.`,
    );
  }
  const schema = shaped.data;
  const located = locateJostleUserMapping(schema);
  if (!located.ok) return fail(located.code, located.message);
  const { objectMapping, location } = located;
  const notes: SchemaNote[] = located.others.map((name) => ({
    where: 'object mapping',
    message: `"${name}" is also a user mapping (disabled); only the enabled one was imported.`,
  }));
  const mappings = objectMapping.attributeMappings.map((graph) => {
    const converted = importAttributeMapping(graph);
    notes.push(...converted.notes);
    return converted.mapping;
  });
  const filters: ScopingFilter[] = [];
  (objectMapping.scope?.groups ?? []).forEach((group, groupIndex) => {
    const clauses = group.clauses.flatMap((graph, clauseIndex) => {
      const converted = importClause(graph, `scoping filter ${groupIndex + 1}, clause ${clauseIndex + 1}`);
      notes.push(...converted.notes);
      return converted.clause ? [converted.clause] : [];
    });
    if (clauses.length > 0) filters.push({ title: group.name ?? '', clauses });
    else
      notes.push({
        where: `scoping filter ${groupIndex + 1}`,
        message: 'no clause could be imported; filter left out of what is tested here.',
      });
  });
  const groupCount = objectMapping.scope?.groups?.length ?? 0;
  if (groupCount > 0 && filters.length === 0)
    notes.push({
      where: 'scope',
      message: `Entra has ${groupCount} scoping filters but none could be imported: here every user passes, where Entra would filter.`,
    });
  for (const key of ['inputFilterGroups', 'categoryFilterGroups'] as const) {
    const groups = objectMapping.scope?.[key] ?? [];
    if (groups.length > 0)
      notes.push({
        where: 'scope',
        message: `${groups.length} ${key} (experimental in Graph) are not modelled; kept in the exported schema.`,
      });
  }
  const actions = targetObjectActions(objectMapping.flowTypes);
  if (!actions.create || !actions.update || !actions.delete)
    notes.push({
      where: 'object mapping',
      message: `Target Object Actions are ${objectMapping.flowTypes}; the dry run always creates, updates and deletes.`,
    });
  const enabled = objectMapping.enabled !== false;
  if (!enabled)
    notes.push({ where: 'object mapping', message: 'the user mapping is disabled in Entra (Enabled: No).' });
  const rule = schema.synchronizationRules[location.ruleIndex];
  return {
    ok: true,
    imported: {
      schema,
      location,
      ruleName: rule?.name ?? rule?.id ?? '',
      objectMappingName: objectMapping.name ?? 'Provision Microsoft Entra ID Users',
      mapping: { version: 1, mappings },
      filters,
      targetObjectActions: actions,
      enabled,
      notes,
    },
  };
}
