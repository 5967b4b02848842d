import { CORE_USER_SCHEMA, JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import type { EvidenceLog, ProbeContext, ProbeDefinition } from './context';
import { diagnoseFailure, type Outcome, type Verdict } from './outcome';
import {
  checkTargetPath,
  discoveryResources,
  isRecord,
  readSchemas,
  SPC_SCHEMA,
  type LiveSchema,
} from './scim-shapes';

const same = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/** The live /Schemas, or the verdict to report when a probe cannot use them. */
async function liveSchemas(context: ProbeContext, evidence: EvidenceLog): Promise<LiveSchema[] | Verdict> {
  const outcome = evidence.add(await context.discovery('Schemas'));
  const schemas =
    outcome.ok && outcome.response.status === 200 ? readSchemas(outcome.response.body) : undefined;
  if (schemas) return schemas;
  if (!outcome.ok && outcome.error.kind === 'aborted')
    return { status: 'skipped', finding: 'cancelled', summary: 'Cancelled.' };
  return {
    status: 'skipped',
    finding: 'dependency',
    summary: 'Skipped: /Schemas could not be read (see the Schemas probe).',
  };
}

function okBody(outcome: Outcome): unknown {
  return outcome.ok ? outcome.response.body : undefined;
}

export const serviceProviderConfigProbe: ProbeDefinition<ProbeContext> = {
  id: 'service-provider-config',
  title: '/ServiceProviderConfig is readable and declares PATCH and filter',
  async run(context, evidence) {
    const outcome = evidence.add(await context.discovery('ServiceProviderConfig'));
    const failure = diagnoseFailure(outcome, { usersEndpoint: false });
    if (failure) return failure;
    const body = okBody(outcome);
    if (!isRecord(body))
      return { status: 'fail', finding: 'notScim', summary: 'The answer is not a JSON object.' };
    const supported = (feature: string): boolean | undefined => {
      const value = body[feature];
      return isRecord(value) && typeof value.supported === 'boolean' ? value.supported : undefined;
    };
    const filter = isRecord(body.filter) ? body.filter : {};
    const details = {
      patch: supported('patch'),
      filter: supported('filter'),
      maxResults: typeof filter.maxResults === 'number' ? filter.maxResults : undefined,
      bulk: supported('bulk'),
      etag: supported('etag'),
      sort: supported('sort'),
    };
    const problems: string[] = [];
    if (!Array.isArray(body.schemas) || !body.schemas.includes(SPC_SCHEMA))
      problems.push('the ServiceProviderConfig schema URN is missing');
    if (details.patch !== true)
      problems.push('PATCH is not declared as supported, yet Entra updates users only with PATCH');
    if (details.filter !== true)
      problems.push('filtering is not declared as supported, yet Entra matches users with a filter');
    if (problems.length > 0)
      return {
        status: 'warn',
        finding: 'discoveryInconsistent',
        summary: `${problems.join('; ')}.`,
        details,
      };
    return { status: 'pass', summary: 'PATCH and filter supported.', details };
  },
};

export const schemasProbe: ProbeDefinition<ProbeContext> = {
  id: 'schemas',
  title: '/Schemas is readable and holds the core User and the Jostle extension',
  async run(context, evidence) {
    const outcome = evidence.add(await context.discovery('Schemas'));
    const failure = diagnoseFailure(outcome, { usersEndpoint: false });
    if (failure) return failure;
    const schemas = readSchemas(okBody(outcome));
    if (!schemas)
      return { status: 'fail', finding: 'notScim', summary: 'The answer is not a list of schemas.' };
    const ids = schemas.map((schema) => schema.id);
    // The attribute definitions too: the custom-app path checks each mapping row against the live schema.
    const details = { schemas: ids, definitions: schemas };
    if (!ids.some((id) => same(id, CORE_USER_SCHEMA))) {
      return {
        status: 'fail',
        finding: 'discoveryInconsistent',
        summary: `The core User schema ${CORE_USER_SCHEMA} is missing.`,
        details,
      };
    }
    const empty = schemas.filter((schema) => schema.attributes.length === 0).map((schema) => schema.id);
    if (empty.length > 0) {
      return {
        status: 'warn',
        finding: 'discoveryInconsistent',
        summary: `Schemas without attributes: ${empty.join(', ')}.`,
        details,
      };
    }
    if (!ids.some((id) => same(id, JOSTLE_USER_EXTENSION))) {
      return {
        status: 'warn',
        finding: 'discoveryInconsistent',
        summary: `The Jostle extension ${JOSTLE_USER_EXTENSION} is missing.`,
        details,
      };
    }
    return {
      status: 'pass',
      summary: `${ids.length} schemas, the core User and the Jostle extension included.`,
      details,
    };
  },
};

export const resourceTypesProbe: ProbeDefinition<ProbeContext> = {
  id: 'resource-types',
  title: '/ResourceTypes is readable and consistent with /Schemas',
  async run(context, evidence) {
    const outcome = evidence.add(await context.discovery('ResourceTypes'));
    const failure = diagnoseFailure(outcome, { usersEndpoint: false });
    if (failure) return failure;
    const types = discoveryResources(okBody(outcome));
    if (!types)
      return { status: 'fail', finding: 'notScim', summary: 'The answer is not a list of resource types.' };
    const user = types.find((type) => same(type.name, 'User') || same(type.id, 'User'));
    const names = types.map((type) => String(type.name ?? type.id));
    if (!user)
      return {
        status: 'fail',
        finding: 'discoveryInconsistent',
        summary: `No User resource type (found: ${names.join(', ') || 'none'}).`,
      };
    const problems: string[] = [];
    if (!same(user.endpoint, '/Users'))
      problems.push(`the User endpoint is ${String(user.endpoint)}, not /Users`);
    if (!same(user.schema, CORE_USER_SCHEMA)) problems.push(`the User schema is ${String(user.schema)}`);
    const extensions = Array.isArray(user.schemaExtensions)
      ? user.schemaExtensions.filter(isRecord).map((extension) => String(extension.schema))
      : [];
    if (!extensions.some((id) => same(id, JOSTLE_USER_EXTENSION)))
      problems.push('the Jostle extension is not declared on User');
    const schemas = await liveSchemas(context, evidence);
    if (Array.isArray(schemas)) {
      const known = schemas.map((schema) => schema.id.toLowerCase());
      const referenced = [String(user.schema), ...extensions];
      const unknown = referenced.filter((id) => !known.includes(id.toLowerCase()));
      if (unknown.length > 0) problems.push(`referenced but not in /Schemas: ${unknown.join(', ')}`);
    }
    const details = { resourceTypes: names, userSchemaExtensions: extensions };
    if (problems.length > 0)
      return {
        status: 'warn',
        finding: 'discoveryInconsistent',
        summary: `${problems.join('; ')}.`,
        details,
      };
    return {
      status: 'pass',
      summary: `Resource types: ${names.join(', ')}; User matches /Schemas.`,
      details,
    };
  },
};

export const targetAttributesProbe: ProbeDefinition<ProbeContext> = {
  id: 'target-attributes',
  title: 'Every target attribute of the mapping exists in Jostle’s schema',
  async run(context, evidence) {
    const schemas = await liveSchemas(context, evidence);
    if (!Array.isArray(schemas)) return schemas;
    const missing: Array<{ path: string; reason: string }> = [];
    const warnings: string[] = [];
    for (const path of context.targetAttributes) {
      const check = checkTargetPath(path, schemas, CORE_USER_SCHEMA);
      if (!check.ok) missing.push({ path, reason: check.reason });
      else if (check.warning) warnings.push(check.warning);
    }
    const details = { checked: context.targetAttributes.length, missing, warnings };
    if (missing.length > 0) {
      const list = missing.map((entry) => `${entry.path} (${entry.reason})`).join('; ');
      return {
        status: 'fail',
        finding: 'missingAttributes',
        summary: `${missing.length} of ${context.targetAttributes.length} missing: ${list}.`,
        details,
      };
    }
    if (warnings.length > 0)
      return { status: 'warn', finding: 'missingAttributes', summary: `${warnings.join('; ')}.`, details };
    return {
      status: 'pass',
      summary: `All ${context.targetAttributes.length} target attributes exist.`,
      details,
    };
  },
};
