/**
 * `npm run cli -- entra sign-in|sign-out|status|pull|apply|logs`: Microsoft Graph from the command line,
 * through the same main/graph code as the app, with the same confirmations.
 */
import { parseArgs } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import {
  APPLY_ACTIONS,
  ApplyRefused,
  applyTargetFor,
  chooseApp,
  describePullProgress,
  environmentTokenSource,
  findSavedUser,
  getProvisioningJob,
  GRAPH_CLOUDS,
  graphClientFor,
  GraphError,
  graphSession,
  parseGraphUrl,
  parseOnDemandAnswer,
  planApply,
  predictionFor,
  pullTenant,
  quarantineMessage,
  READ_SCOPES,
  readProvisioningLogs,
  REQUIRED_ROLE,
  runApply,
  signInWithDeviceCode,
  signOut,
  tenantLabel,
  type ApplyAction,
  type GraphCloud,
} from '../../graph';
import { msalTokenSource, scopesFor } from '../../graph/token-source';
import { openCliContext } from '../app-context';
import { UsageError, type CliCommand, type CliIo } from '../command';

const usage = `Usage: npm run cli -- entra <sign-in|sign-out|status|pull|apply|logs> [options]

Reads your Entra tenant through Microsoft Graph (delegated, read-only unless you apply), and applies what
you verified. The signed-in admin needs the ${REQUIRED_ROLE} role.

  sign-in [--tenant T] [--client-id ID] [--cloud C]   Device-code sign-in; the token cache goes to the keychain
  sign-out                                            Forget the cached sign-in
  status [--app ID]                                   Who is signed in, the Jostle app(s), the job and quarantine
  pull [--app ID]                                     Save users, assignments and the schema as an import
                                                      (then: preview / dry-run without --users)
  apply <action> [--confirm TEXT]                     Without --confirm: show the exact Graph requests only.
        actions: ${APPLY_ACTIONS.join(', ')}
        --schema FILE   the verified schema (schema)  --user UPN|ID   the user (provision-user)
  logs [--out FILE]                                   The job's provisioning logs, as the Monitor step reads them

Options:
  --graph-token-env NAME   Use the access token in variable NAME (e.g. from
                           az account get-access-token --resource-type ms-graph) instead of signing in
  --graph-url URL          Graph base URL (default: the cloud's, ${GRAPH_CLOUDS.global.graphUrl})
  --cloud C                ${Object.keys(GRAPH_CLOUDS).join(', ')} (saved by sign-in)
  --json                   Print results as JSON
  -h, --help               Show this help

Permissions (delegated): reads ${READ_SCOPES.join(', ')}; apply also Synchronization.ReadWrite.All.
Exit codes: 0 done, 1 Graph or sign-in failed / apply refused, 2 bad usage.`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        'graph-token-env': { type: 'string' },
        'graph-url': { type: 'string' },
        cloud: { type: 'string' },
        tenant: { type: 'string' },
        'client-id': { type: 'string' },
        app: { type: 'string' },
        confirm: { type: 'string' },
        schema: { type: 'string' },
        user: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type Options = ReturnType<typeof parse>['values'];

function cloudOption(value: string | undefined): GraphCloud | undefined {
  if (value === undefined) return undefined;
  if (!(value in GRAPH_CLOUDS))
    throw new UsageError(`--cloud must be one of ${Object.keys(GRAPH_CLOUDS).join(', ')}`);
  return value as GraphCloud;
}

async function open(options: Options, io: CliIo, signal: AbortSignal) {
  const context = await openCliContext(io.env);
  const session = await graphSession(context);
  const cloud = cloudOption(options.cloud);
  if (cloud) context.settings.update('graph', (graph) => ({ ...graph, cloud }));
  let graphUrl: string | undefined;
  try {
    graphUrl = options['graph-url'] ? parseGraphUrl(options['graph-url']).origin : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const name = options['graph-token-env'];
  if (name !== undefined) {
    const token = io.env[name]?.trim();
    if (!token) throw new UsageError(`Environment variable ${name} is not set or empty.`);
    session.override = { tokens: environmentTokenSource(token), graphUrl: graphUrl ?? session.graphUrl() };
  } else if (graphUrl) {
    // Signed-in tokens, another Graph host (e.g. a national cloud's, or a test fake).
    session.override = { tokens: msalTokenSource(session.msal(), session.settings().cloud), graphUrl };
  }
  const client = graphClientFor(context, session, {
    signal,
    onThrottled: (wait, what) =>
      io.stderr(`Graph is throttling (${what}); waiting ${Math.ceil(wait / 1000)} s as it asked…`),
  });
  return { context, session, client };
}

async function run(
  sub: string,
  positionals: string[],
  options: Options,
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { context, session, client } = await open(options, io, signal);
  const print = (value: unknown, text: () => void) =>
    options.json ? io.stdout(JSON.stringify(value, null, 2)) : text();
  try {
    if (sub === 'sign-in') {
      context.settings.update('graph', (graph) => ({
        ...graph,
        ...(options.tenant ? { tenant: options.tenant } : {}),
        ...(options['client-id'] ? { clientId: options['client-id'] } : {}),
      }));
      const result = await signInWithDeviceCode(
        session.msal(),
        scopesFor('readApps', session.settings().cloud),
        (message) => io.stdout(message),
      );
      io.stdout(
        `Signed in as ${result.account?.username ?? 'unknown'} (tenant ${result.tenantId}). The token cache is in the keychain.`,
      );
      return 0;
    }
    if (sub === 'sign-out') {
      await signOut(session.store);
      io.stdout('Signed out: the cached Graph sign-in was removed from the keychain.');
      return 0;
    }
    const identity = await session.tokens.identity();
    if (sub === 'status') {
      const { id, apps } = await chooseApp(client, options.app);
      const job = await getProvisioningJob(client, id).catch((error: unknown) => error as GraphError);
      print({ identity, apps, appId: id, job: job instanceof Error ? { error: job.full } : job }, () => {
        io.stdout(
          `Signed in: ${identity?.user ?? 'unknown user'} (tenant ${identity?.tenantId ?? 'unknown'}) via ${identity?.source}`,
        );
        io.stdout(`App: ${apps.find((app) => app.id === id)?.displayName ?? id} (${id})`);
        if (job instanceof Error) io.stdout(job.full);
        else {
          io.stdout(`Provisioning job ${job.id}: ${job.state}`);
          if (job.lastCycle)
            io.stdout(
              `Last cycle: ${job.lastCycle.state} ${job.lastCycle.endedAt ?? ''}${job.lastCycle.error ? ` (${job.lastCycle.error})` : ''}`,
            );
          if (job.progress)
            io.stdout(`Progress: ${job.progress.completed} of ${job.progress.total} ${job.progress.units}`);
          const quarantine = quarantineMessage(job);
          if (quarantine) io.stdout(quarantine);
        }
      });
      return 0;
    }
    if (sub === 'pull') {
      const { id } = await chooseApp(client, options.app);
      const result = await pullTenant(context, client, {
        appId: id,
        tenantId: identity?.tenantId ?? null,
        tenantName: tenantLabel(identity),
        onProgress: (step) => io.stderr(describePullProgress(step)),
      });
      for (const warning of result.warnings) io.stderr(`warning: ${warning}`);
      print(result, () => {
        io.stdout(
          `Saved ${result.record.users} users, ${result.assignments.users} directly assigned users and ${result.assignments.groups} groups from ${result.record.app.displayName}.`,
        );
        if (result.job) io.stdout(`Provisioning job ${result.job.id}: ${result.job.state}; schema saved.`);
        io.stdout('Next: npm run cli -- preview   (or dry-run) uses what was saved.');
      });
      return 0;
    }
    if (sub === 'logs') {
      const target = await applyTargetFor(context, identity);
      const logs = await readProvisioningLogs(client, target.jobId, {
        onProgress: (count) => io.stderr(`Events: ${count}`),
      });
      if (options.out) await writeFile(options.out, logs.text, { mode: 0o600 });
      else io.stdout(logs.text);
      io.stderr(`${logs.events} provisioning events${logs.truncated ? ' (newest only; more exist)' : ''}.`);
      return 0;
    }
    if (sub === 'apply') return await apply(positionals[0], options, io, { context, client, identity });
    throw new UsageError(`Unknown entra subcommand “${sub}”.`);
  } catch (error) {
    if (error instanceof GraphError) {
      io.stderr(error.full);
      return 1;
    }
    if (error instanceof ApplyRefused) {
      io.stderr(error.message);
      return 1;
    }
    throw error;
  } finally {
    await client.close();
  }
}

async function apply(
  action: string | undefined,
  options: Options,
  io: CliIo,
  {
    context,
    client,
    identity,
  }: Pick<Awaited<ReturnType<typeof open>>, 'context' | 'client'> & {
    identity: Parameters<typeof applyTargetFor>[1];
  },
): Promise<number> {
  if (!action || !(APPLY_ACTIONS as readonly string[]).includes(action))
    throw new UsageError(`apply needs one of: ${APPLY_ACTIONS.join(', ')}`);
  const target = await applyTargetFor(context, identity);
  const userObjectId = options.user ? await findSavedUser(context, options.user) : undefined;
  if (options.user && !userObjectId) throw new UsageError(`${options.user} is not among the pulled users.`);
  const input = {
    action: action as ApplyAction,
    target,
    ...(options.schema ? { schemaText: await readFile(options.schema, 'utf8') } : {}),
    ...(userObjectId ? { userObjectId } : {}),
  };
  const plan = await planApply(context, client, input);
  if (options.confirm === undefined) {
    io.stdout(
      `${plan.title}: would send ${plan.requests.length} request(s) to ${target.appName} in ${target.tenantLabel}:`,
    );
    for (const request of plan.requests)
      io.stdout(`  ${request.method} ${request.url}\n  ${JSON.stringify(request.body)}`);
    for (const note of plan.notes) io.stdout(note);
    io.stdout(`Nothing was sent. To send, repeat with --confirm "${plan.confirmation}"`);
    return 0;
  }
  const outcome = await runApply(context, client, { ...input, confirm: options.confirm });
  if (input.action === 'provision-user' && userObjectId) {
    const prediction = await predictionFor(context, userObjectId);
    const { steps } = parseOnDemandAnswer(outcome.answer);
    io.stdout(
      `Dry run predicted: ${prediction ? `${prediction.inScope ? 'in scope' : 'out of scope'} (${prediction.decidedBy})` : 'unknown (user not in the saved import)'}`,
    );
    io.stdout('Entra answered:');
    for (const step of steps) io.stdout(`  ${step.name}: ${step.status} — ${step.description}`);
    return 0;
  }
  io.stdout(
    outcome.sent.length
      ? `${outcome.title}: done (HTTP ${outcome.statuses.join(', ')}).`
      : `${outcome.title}: ${outcome.notes.join(' ')}`,
  );
  return 0;
}

export const entraCommand: CliCommand = {
  name: 'entra',
  summary: 'Sign in to Microsoft Graph, read the tenant’s Jostle app, users and job; apply what was verified',
  usage,
  async run(args, io, signal) {
    const { values, positionals } = parse(args);
    const [sub, ...rest] = positionals;
    if (!sub) throw new UsageError('Give a subcommand: sign-in, sign-out, status, pull, apply or logs');
    return run(sub, rest, values, io, signal);
  },
};
