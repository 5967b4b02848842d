/**
 * Apply what was verified, one action at a time, each behind its own typed confirmation that names the
 * tenant and the app. `planApply` shows the exact Graph requests (the API key shown only by fingerprint);
 * `runApply` sends the same requests. The Jostle API key is read from the keychain here in main and goes
 * only into the body of PUT …/synchronization/secrets.
 */
import type { AppContext } from '../app/context';
import { keyFingerprint } from '../secrets/fingerprint';
import type { GraphClient } from './client';
import { GraphError } from './errors';
import { permissionNote } from './permissions';
import { sha256 } from './saved-pull';
import { mergeSchemaValue, withoutAnnotations, type Json } from './schema-merge';
import { getSchemaText } from './tenant';

export const APPLY_ACTIONS = [
  'credentials',
  'test-connection',
  'schema',
  'start',
  'restart',
  'provision-user',
] as const;
export type ApplyAction = (typeof APPLY_ACTIONS)[number];

export interface ApplyTarget {
  /** The tenant as the admin knows it: their sign-in domain, else the tenant ID. */
  tenantLabel: string;
  appId: string;
  appName: string;
  jobId: string;
  /** sha256 of the schema as the last pull read it, for the changed-since-read guard. */
  schemaSha256: string | null;
}

export interface ApplyInput {
  action: ApplyAction;
  target: ApplyTarget;
  /** The verified schema document (JSON text) for `schema`. */
  schemaText?: string;
  /** objectId of the user for `provision-user`. */
  userObjectId?: string;
}

export interface PlannedRequest {
  method: 'PUT' | 'POST';
  url: string;
  /** As sent, except the API key, which is shown as its fingerprint. */
  body: unknown;
}

interface Built {
  shown: PlannedRequest[];
  send: Array<{ method: 'PUT' | 'POST'; path: string; body: unknown }>;
  notes: string[];
}

export class ApplyRefused extends Error {
  override name = 'ApplyRefused';
}

export const confirmationFor = (target: ApplyTarget) => `${target.tenantLabel}/${target.appName}`;

const ACTION_TITLES: Record<ApplyAction, string> = {
  credentials: 'Save Admin Credentials (Tenant URL and Secret Token)',
  'test-connection': 'Test Connection',
  schema: 'Write the verified attribute mappings (synchronization schema)',
  start: 'Start provisioning',
  restart: 'Restart provisioning (clears the job state and runs a full cycle)',
  'provision-user': 'Provision on demand for one user',
};

export const applyTitle = (action: ApplyAction) => ACTION_TITLES[action];

async function build(context: AppContext, client: GraphClient, input: ApplyInput): Promise<Built> {
  const { target } = input;
  const sp = `/servicePrincipals/${encodeURIComponent(target.appId)}/synchronization`;
  const job = `${sp}/jobs/${encodeURIComponent(target.jobId)}`;
  const url = (path: string) => `${client.graphUrl}/v1.0${path}`;
  const one = (method: 'PUT' | 'POST', path: string, body: unknown, shownBody = body): Built => ({
    shown: [{ method, url: url(path), body: shownBody }],
    send: [{ method, path, body }],
    notes: [permissionNote('apply')],
  });
  switch (input.action) {
    case 'credentials': {
      const baseUrl = context.settings.read().connection.baseUrl;
      const stored = await context.vault.read();
      if (!baseUrl || !stored)
        throw new ApplyRefused('Save the Jostle Base URL and API key in the Connection step first.');
      if (new URL(stored.baseUrl).origin !== new URL(baseUrl).origin)
        throw new ApplyRefused(
          `The saved API key belongs to ${stored.baseUrl}, not ${baseUrl}; save the key again.`,
        );
      const pairs = (token: string) => ({
        value: [
          { key: 'BaseAddress', value: baseUrl },
          { key: 'SecretToken', value: token },
        ],
      });
      return one(
        'PUT',
        `${sp}/secrets`,
        pairs(stored.apiKey),
        pairs(`«the API key from the keychain, fingerprint ${keyFingerprint(stored.apiKey)}»`),
      );
    }
    case 'test-connection':
      // The saved credentials: the key is not sent a second time.
      return one('POST', `${job}/validateCredentials`, { useSavedCredentials: true });
    case 'start':
      return one('POST', `${job}/start`, null);
    case 'restart':
      return one('POST', `${job}/restart`, { criteria: { resetScope: 'Full' } });
    case 'schema':
      return buildSchema(client, input, job, url);
    case 'provision-user': {
      if (!input.userObjectId) throw new ApplyRefused('Choose the user to provision on demand.');
      const ruleId = await ruleIdOf(client, target);
      return one('POST', `${job}/provisionOnDemand`, {
        parameters: [{ ruleId, subjects: [{ objectId: input.userObjectId, objectTypeName: 'User' }] }],
      });
    }
  }
}

async function buildSchema(
  client: GraphClient,
  input: ApplyInput,
  job: string,
  url: (path: string) => string,
): Promise<Built> {
  if (!input.schemaText) throw new ApplyRefused('Give the verified schema document to write.');
  let given: Json;
  try {
    given = JSON.parse(input.schemaText) as Json;
  } catch (error) {
    throw new ApplyRefused(`The schema document is not JSON: ${(error as Error).message}`);
  }
  const currentText = await getSchemaText(client, input.target.appId, input.target.jobId);
  if (!input.target.schemaSha256 || sha256(currentText) !== input.target.schemaSha256)
    throw new GraphError(
      'changed-since-read',
      'The schema in Entra changed since the assistant last read it (or was never read).',
      'Pull again (`entra pull` or **Entra (Microsoft Graph) > Pull**), check the mappings, then apply.',
    );
  const current = withoutAnnotations(JSON.parse(currentText) as Json);
  const merged = mergeSchemaValue(current, withoutAnnotations(given));
  if (JSON.stringify(merged) === JSON.stringify(current))
    return { shown: [], send: [], notes: ['Entra already holds this schema: nothing to send.'] };
  return {
    shown: [{ method: 'PUT', url: url(`${job}/schema`), body: merged }],
    send: [{ method: 'PUT', path: `${job}/schema`, body: merged }],
    notes: [permissionNote('apply')],
  };
}

async function ruleIdOf(client: GraphClient, target: ApplyTarget): Promise<string> {
  const schema = JSON.parse(await getSchemaText(client, target.appId, target.jobId)) as {
    synchronizationRules?: Array<{ id?: string; objectMappings?: Array<{ sourceObjectName?: string }> }>;
  };
  const rule = schema.synchronizationRules?.find((candidate) =>
    candidate.objectMappings?.some((mapping) => mapping.sourceObjectName?.toLowerCase() === 'user'),
  );
  if (!rule?.id)
    throw new ApplyRefused('The job’s schema has no rule for users, so on-demand provisioning cannot run.');
  return rule.id;
}

function redacted(context: AppContext, error: GraphError): GraphError {
  return new GraphError(
    error.kind,
    context.redactor.text(error.message),
    context.redactor.text(error.fix),
    error.status,
    error.graphCode,
    error.requestId,
  );
}

export async function planApply(context: AppContext, client: GraphClient, input: ApplyInput) {
  const built = await build(context, client, input);
  return {
    title: applyTitle(input.action),
    confirmation: confirmationFor(input.target),
    requests: built.shown,
    notes: built.notes,
  };
}

export interface ApplyOutcome {
  title: string;
  sent: PlannedRequest[];
  statuses: number[];
  /** Graph's answer to provisionOnDemand, parsed. */
  answer: unknown;
  notes: string[];
}

export async function runApply(
  context: AppContext,
  client: GraphClient,
  input: ApplyInput & { confirm: string },
): Promise<ApplyOutcome> {
  const expected = confirmationFor(input.target);
  if (input.confirm !== expected)
    throw new ApplyRefused(
      `Nothing was sent. To ${applyTitle(input.action).toLowerCase()}, type exactly: ${expected}`,
    );
  const built = await build(context, client, input);
  const statuses: number[] = [];
  let answer: unknown = null;
  for (const request of built.send) {
    let response;
    try {
      response = await client.request({
        method: request.method,
        path: request.path,
        ...(request.body === null ? {} : { body: request.body }),
        action: 'apply',
        what: applyTitle(input.action).toLowerCase(),
      });
    } catch (error) {
      // A server that echoes the request back in its error must not put the API key on screen or in a log.
      if (error instanceof GraphError) throw redacted(context, error);
      throw error;
    }
    statuses.push(response.status);
    answer = context.redactor.value(response.json);
  }
  context.logger.log('info', 'entra apply', { action: input.action, statuses: statuses.join(',') });
  return { title: applyTitle(input.action), sent: built.shown, statuses, answer, notes: built.notes };
}
