/**
 * The CLI is a client of the app's own context and job functions: for the same saved inputs it must give the
 * window's defaults and results, and it must reach Jostle with the network settings saved under
 * **Diagnostics > Network** (here: a corporate root trusted for TLS inspection). Real parts throughout: the
 * mock Jostle behind a TLS front on loopback, a throwaway PKI made with openssl, the real keychain.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import type { CliIo } from '../../main/cli/command';
import { dryRunCommand } from '../../main/cli/commands/dry-run';
import { probeCommand } from '../../main/cli/commands/probe';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import { DEFAULT_LIVE_MAX_USERS } from '../../shared/provisioning/start-small';
import { makeTestPki, startTlsFront, type TestPki } from '../network/pki';
import { createTestContext, type TestContext } from '../support/context';

let pki: TestPki;
let mock: MockJostle;
let front: { port: number; close(): Promise<void> };
let test: TestContext;
let handlers: HandlerTable;
let baseUrl: string;

beforeAll(async () => {
  pki = makeTestPki();
  mock = await startMockJostle();
  front = await startTlsFront(pki, Number(new URL(mock.baseUrl).port));
  baseUrl = `https://127.0.0.1:${front.port}/scim2`;
});
afterAll(async () => {
  await front.close();
  await mock.close();
  pki.cleanup();
});
beforeEach(async () => {
  mock.reset();
  test = await createTestContext();
  handlers = createHandlers(test.context);
  await call('saveConnection', { baseUrl, apiKey: mock.token });
  await call('generateSyntheticUsers', { count: 30, seed: 7 });
});
afterEach(async () => {
  await test.context.dryRun.close();
  await test.cleanup();
});

async function call<T = unknown>(channel: string, request: unknown): Promise<T> {
  const answer = await dispatch(handlers, channel, request);
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

/** Runs a CLI command in-process with the test context's data folder and keychain item. */
async function cli(command: typeof dryRunCommand, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env: test.env,
    stdin: process.stdin,
  };
  try {
    const code = await command.run(args, io, new AbortController().signal);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } catch (error) {
    return { code: 1, out: out.join('\n'), err: (error as Error).message };
  }
}

type Status = Awaited<ReturnType<HandlerTable['getDryRunStatus']>>;

async function appDryRun(): Promise<NonNullable<Status['summary']>> {
  await call('startDryRun', {
    target: 'live',
    patchDialect: 'default',
    fresh: true,
    confirmHost: '127.0.0.1',
  });
  for (;;) {
    const status = await call<Status>('getDryRunStatus', {});
    if (!status.running) {
      if (status.problem) throw new Error(status.problem);
      return status.summary!;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What must match between the two runs: everything the window's summary carries but times and ids. */
function comparable(summary: NonNullable<Status['summary']>) {
  return {
    target: summary.target,
    patchDialect: summary.patchDialect,
    settings: summary.settings,
    cycles: summary.cycles.map((cycle) => ({
      kind: cycle.kind,
      inScope: cycle.inScope,
      counts: cycle.counts,
      requests: cycle.requests,
    })),
  };
}

const testConnection = (json: string) =>
  (JSON.parse(json) as { probes: { id: string }[] }).probes.find((probe) => probe.id === 'test-connection');

async function trustTheCorporateRoot(): Promise<void> {
  await call('saveTrustedCertificates', { fileName: 'corp-root.pem', pem: pki.caPem });
}

describe('CLI and app: one context, one set of defaults', () => {
  it('a CLI dry run uses the trusted certificate saved in the app, and fails without it', async () => {
    const before = await cli(dryRunCommand, ['--target', baseUrl, '--json']);
    expect(before.code).toBe(1);
    expect(before.err).toMatch(/certificate|TLS/i);

    await trustTheCorporateRoot();
    const after = await cli(dryRunCommand, ['--target', baseUrl, '--json']);
    expect(after.err).not.toMatch(/certificate/i);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out).cycles[0].counts.Create.Success).toBeGreaterThan(0);
  });

  it('a CLI probe uses the saved trusted certificate too', async () => {
    const before = await cli(probeCommand, ['--url', baseUrl, '--json']);
    expect(testConnection(before.out)).toMatchObject({ status: 'fail', finding: 'tls' });
    await trustTheCorporateRoot();
    const after = await cli(probeCommand, ['--url', baseUrl, '--json']);
    expect(testConnection(after.out)).toMatchObject({ status: 'pass' });
  });

  it('the same saved inputs give the same live dry run, start-small limit included', async () => {
    await trustTheCorporateRoot();
    const app = comparable(await appDryRun());
    mock.reset();
    const run = await cli(dryRunCommand, ['--target', baseUrl, '--json']);
    expect(run.code).toBe(0);
    const cliSummary = JSON.parse(run.out);
    expect(comparable(cliSummary)).toEqual(app);
    // Start small is one default: the window's field, the handler and the CLI all stop at the same user.
    const [cycle] = app.cycles;
    expect(cycle!.inScope).toBeGreaterThan(DEFAULT_LIVE_MAX_USERS);
    expect(cycle!.counts.Create.Success).toBe(DEFAULT_LIVE_MAX_USERS);
    expect(cliSummary.cycles[0].notProcessedReasons.startSmallLimit).toBe(
      cycle!.inScope - DEFAULT_LIVE_MAX_USERS,
    );
  });
});
