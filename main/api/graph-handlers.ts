/**
 * Handlers of the Microsoft Graph channels (shared/api/contracts/graph.ts): thin wrappers over main/graph,
 * so the CLI and the window run the same code. Graph failures become API errors carrying the message and
 * the portal fix; tokens and the Jostle API key never appear in a response.
 */
import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import {
  ApplyRefused,
  applyTargetFor,
  chooseApp,
  findSavedUser,
  getProvisioningJob,
  GRAPH_PERMISSIONS,
  graphClientFor,
  GraphError,
  graphSession,
  parseOnDemandAnswer,
  planApply,
  predictionFor,
  PullCancelledError,
  pullTenant,
  quarantineMessage,
  readProvisioningLogs,
  readPullRecord,
  REQUIRED_ROLE,
  runApply,
  signInWithBrowser,
  signInWithDeviceCode,
  signOut,
  tenantLabel,
  DEFAULT_CLIENT_ID,
  listJostleApps,
  type ApplyAction,
  describePullProgress,
} from '../graph';
import type { GraphClient } from '../graph';
import { scopesFor } from '../graph/token-source';
import type { HandlerTable } from './handler-table';

type Channels = Extract<keyof HandlerTable, `graph${string}`>;

async function withClient<T>(context: AppContext, work: (client: GraphClient) => Promise<T>): Promise<T> {
  const session = await graphSession(context);
  const client = graphClientFor(context, session);
  try {
    return await work(client);
  } catch (error) {
    if (error instanceof GraphError) throw new ApiError('not-available', error.full);
    if (error instanceof ApplyRefused) throw new ApiError('invalid-request', error.message);
    if (error instanceof PullCancelledError) throw new ApiError('not-available', error.message);
    throw error;
  } finally {
    await client.close();
  }
}

async function view(context: AppContext) {
  const session = await graphSession(context);
  const saved = context.settings.read().graph;
  const [identity, record] = await Promise.all([
    session.tokens.identity().catch(() => null),
    readPullRecord(context.dataDir),
  ]);
  return {
    settings: { tenant: saved.tenant, clientId: saved.clientId, cloud: saved.cloud },
    defaultClientId: DEFAULT_CLIENT_ID,
    identity,
    permissions: Object.fromEntries(
      Object.entries(GRAPH_PERMISSIONS).map(([key, value]) => [key, [...value]]),
    ),
    requiredRole: REQUIRED_ROLE,
    lastPull: record
      ? {
          appId: record.app.id,
          appName: record.app.displayName,
          jobId: record.jobId,
          pulledAt: record.pulledAt,
          users: record.users,
        }
      : null,
  };
}

export function graphHandlers(context: AppContext): Pick<HandlerTable, Channels> {
  const pulls = context.jobs.slot('graphPullJob', 'A pull is already running.');
  const applyInput = async (request: { action: ApplyAction; user?: string; schemaText?: string }) => {
    const session = await graphSession(context);
    const target = await applyTargetFor(context, await session.tokens.identity());
    const userObjectId = request.user ? await findSavedUser(context, request.user) : undefined;
    if (request.user && !userObjectId)
      throw new ApiError('invalid-request', `${request.user} is not among the pulled users.`);
    return {
      action: request.action,
      target,
      ...(request.schemaText ? { schemaText: request.schemaText } : {}),
      ...(userObjectId ? { userObjectId } : {}),
    };
  };
  return {
    graphGetView: () => view(context),

    graphSaveSettings: async (settings) => {
      context.settings.update('graph', () => settings);
      return view(context);
    },

    graphSignIn: async () => {
      const session = await graphSession(context);
      const scopes = scopesFor('readApps', session.settings().cloud);
      try {
        if (context.transport === 'electron' && session.openBrowser) {
          await signInWithBrowser(session.msal(), scopes, session.openBrowser);
          return { mode: 'browser' as const, message: null };
        }
        if (session.pendingSignIn)
          throw new ApiError('busy', 'A sign-in is already waiting for its code to be entered.');
        const message = await new Promise<string>((resolve, reject) => {
          session.pendingSignIn = signInWithDeviceCode(session.msal(), scopes, resolve)
            .catch((error: unknown) => {
              reject(error);
              context.logger.log('warn', 'graph device-code sign-in ended', {
                error: (error as Error).message,
              });
            })
            .finally(() => (session.pendingSignIn = undefined));
        });
        return { mode: 'device-code' as const, message };
      } catch (error) {
        if (error instanceof GraphError) throw new ApiError('not-available', error.full);
        throw error;
      }
    },

    graphSignOut: async () => {
      await signOut((await graphSession(context)).store);
      return view(context);
    },

    graphListApps: () => withClient(context, async (client) => ({ apps: await listJostleApps(client) })),

    graphJobStatus: ({ appId }) =>
      withClient(context, async (client) => {
        try {
          const job = await getProvisioningJob(client, appId);
          return { job, problem: null, quarantine: quarantineMessage(job) };
        } catch (error) {
          if (error instanceof GraphError && error.kind === 'no-provisioning-job')
            return { job: null, problem: error.full, quarantine: null };
          throw error;
        }
      }),

    graphPull: ({ appId }) =>
      withClient(context, async (client) => {
        const session = await graphSession(context);
        const identity = await session.tokens.identity();
        const { id } = await chooseApp(client, appId);
        if (session.pullProgress !== null) throw new ApiError('busy', 'A pull is already running.');
        session.pullProgress = 'Starting';
        // A job like the others: graphPullJob events carry each step's line as it happens.
        const result = await pulls
          .run(({ progress, signal }) =>
            pullTenant(context, client, {
              appId: id,
              signal,
              tenantId: identity?.tenantId ?? null,
              tenantName: tenantLabel(identity),
              onProgress: (step) => {
                session.pullProgress = describePullProgress(step);
                progress({ message: session.pullProgress });
              },
            }),
          )
          .done.finally(() => (session.pullProgress = null));
        return {
          users: result.record.users,
          assignedUsers: result.assignments.users,
          groups: result.assignments.groups,
          job: result.job,
          warnings: result.warnings,
        };
      }),

    graphPullProgress: async () => ({ message: (await graphSession(context)).pullProgress }),

    graphPlanApply: (request) =>
      withClient(context, async (client) => {
        const plan = await planApply(context, client, await applyInput(request));
        return {
          ...plan,
          requests: plan.requests.map((item) => ({
            method: item.method,
            url: item.url,
            body: JSON.stringify(item.body, null, 2),
          })),
        };
      }),

    graphApply: ({ confirm, ...request }) =>
      withClient(context, async (client) => {
        const input = await applyInput(request);
        const outcome = await runApply(context, client, { ...input, confirm });
        const isOnDemand = input.action === 'provision-user' && input.userObjectId;
        const prediction = isOnDemand ? await predictionFor(context, input.userObjectId!) : null;
        return {
          title: outcome.title,
          statuses: outcome.statuses,
          notes: outcome.notes,
          steps: isOnDemand ? parseOnDemandAnswer(outcome.answer).steps : [],
          prediction: prediction
            ? {
                inScope: prediction.inScope,
                decidedBy: prediction.decidedBy,
                payload: prediction.payload ? JSON.stringify(prediction.payload, null, 2) : null,
              }
            : null,
        };
      }),

    graphProvisioningLogs: () =>
      withClient(context, async (client) => {
        const session = await graphSession(context);
        const target = await applyTargetFor(context, await session.tokens.identity());
        const logs = await readProvisioningLogs(client, target.jobId);
        return { fileName: `Graph provisioning logs (${target.appName})`, ...logs };
      }),
  };
}
