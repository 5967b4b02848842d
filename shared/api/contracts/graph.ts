/**
 * Microsoft Graph: sign-in, reading the tenant's Jostle app, users and job, applying what was verified,
 * and the provisioning logs for the Monitor step. Tokens and the Jostle API key never cross this contract;
 * the strict schemas keep them from leaking out of main by accident.
 */
import { z } from 'zod';
import { empty } from './app';

export const GRAPH_CLOUD_IDS = ['global', 'usGovernment', 'usGovernmentDod', 'china'] as const;
export const GRAPH_APPLY_ACTIONS = [
  'credentials',
  'test-connection',
  'schema',
  'start',
  'restart',
  'provision-user',
] as const;

const identitySchema = z
  .object({
    tenantId: z.string().nullable(),
    user: z.string().nullable(),
    scopes: z.array(z.string()),
    expiresAt: z.string().nullable(),
    source: z.enum(['environment', 'sign-in']),
  })
  .strict();

const appSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    displayName: z.string(),
    applicationTemplateId: z.string().nullable(),
  })
  .strict();

export const graphJobSchema = z
  .object({
    id: z.string(),
    templateId: z.string().nullable(),
    state: z.string(),
    lastCycle: z
      .object({
        state: z.string(),
        startedAt: z.string().nullable(),
        endedAt: z.string().nullable(),
        error: z.string().nullable(),
      })
      .strict()
      .nullable(),
    quarantine: z
      .object({
        reason: z.string().nullable(),
        since: z.string().nullable(),
        nextAttempt: z.string().nullable(),
      })
      .strict()
      .nullable(),
    progress: z.object({ completed: z.number(), total: z.number(), units: z.string() }).strict().nullable(),
  })
  .strict();

const settingsSchema = z
  .object({
    /** A tenant ID, a verified domain, or `organizations`; it becomes part of the sign-in URL. */
    tenant: z
      .string()
      .max(256)
      .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'Enter the tenant ID (a GUID) or a domain such as contoso.com.')
      .nullable(),
    clientId: z
      .string()
      .regex(
        /^[0-9a-f-]{36}$/i,
        'A client ID is a GUID (App registrations > Overview > Application (client) ID).',
      )
      .nullable(),
    cloud: z.enum(GRAPH_CLOUD_IDS),
  })
  .strict();

export const graphViewSchema = z
  .object({
    settings: settingsSchema,
    defaultClientId: z.string(),
    identity: identitySchema.nullable(),
    /** Which delegated permission each action needs, for the UI. */
    permissions: z.record(z.string(), z.array(z.string())),
    requiredRole: z.string(),
    lastPull: z
      .object({
        appId: z.string(),
        appName: z.string(),
        jobId: z.string().nullable(),
        pulledAt: z.string(),
        users: z.number().int(),
      })
      .strict()
      .nullable(),
  })
  .strict();

const requestView = z.object({ method: z.string(), url: z.string(), body: z.string() }).strict();

const applyRequest = z
  .object({
    action: z.enum(GRAPH_APPLY_ACTIONS),
    /** UPN or objectId of a pulled user, for provision-user. */
    user: z.string().max(1024).optional(),
    /** The verified schema document (JSON text), for schema. */
    schemaText: z
      .string()
      .max(20 * 1024 * 1024)
      .optional(),
  })
  .strict();

export const graphContract = {
  graphGetView: { request: empty, response: graphViewSchema },
  graphSaveSettings: { request: settingsSchema, response: graphViewSchema },
  /** Desktop: the system browser (PKCE, loopback redirect). Browser mode: returns the device-code message. */
  graphSignIn: {
    request: empty,
    response: z.object({ mode: z.enum(['browser', 'device-code']), message: z.string().nullable() }).strict(),
  },
  graphSignOut: { request: empty, response: graphViewSchema },
  graphListApps: { request: empty, response: z.object({ apps: z.array(appSchema) }).strict() },
  graphJobStatus: {
    request: z.object({ appId: z.string().min(1).max(128) }).strict(),
    response: z
      .object({
        job: graphJobSchema.nullable(),
        problem: z.string().nullable(),
        quarantine: z.string().nullable(),
      })
      .strict(),
  },
  /** What the running pull is doing ("Users: 12,000 (page 13)"), for a progress line; null when idle. */
  graphPullProgress: { request: empty, response: z.object({ message: z.string().nullable() }).strict() },
  graphPull: {
    request: z.object({ appId: z.string().min(1).max(128) }).strict(),
    response: z
      .object({
        users: z.number().int(),
        assignedUsers: z.number().int(),
        groups: z.number().int(),
        job: graphJobSchema.nullable(),
        warnings: z.array(z.string()),
      })
      .strict(),
  },
  /** The exact Graph requests an apply would send (the API key shown as its fingerprint), and the phrase to type. */
  graphPlanApply: {
    request: applyRequest,
    response: z
      .object({
        title: z.string(),
        confirmation: z.string(),
        requests: z.array(requestView),
        notes: z.array(z.string()),
      })
      .strict(),
  },
  graphApply: {
    request: applyRequest.extend({ confirm: z.string().max(512) }).strict(),
    response: z
      .object({
        title: z.string(),
        statuses: z.array(z.number().int()),
        notes: z.array(z.string()),
        /** provision-user: Entra's steps, and the preview's prediction for the same user. */
        steps: z.array(z.object({ name: z.string(), status: z.string(), description: z.string() }).strict()),
        prediction: z
          .object({ inScope: z.boolean(), decidedBy: z.string(), payload: z.string().nullable() })
          .strict()
          .nullable(),
      })
      .strict(),
  },
  /** The last-pulled job's provisioning logs as a Graph page document, for the Monitor step's analysis. */
  graphProvisioningLogs: {
    request: empty,
    response: z
      .object({ fileName: z.string(), text: z.string(), events: z.number().int(), truncated: z.boolean() })
      .strict(),
  },
} as const;
