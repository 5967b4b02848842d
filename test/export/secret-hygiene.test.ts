/**
 * The API key appears nowhere: save a known key through the API, use it for real (probes with writes and a
 * dry run against a mock that only accepts that key), inject faults (401, 500) so errors flow through the
 * logs, export in every format, then scan every file under the data folder, every export, every API
 * response, every log line and every CLI output.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import type { HandlerTable } from '../../main/api/handlers';
import { exportCommand } from '../../main/cli/commands/export';
import { keyCommand } from '../../main/cli/commands/key';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import { keyFingerprint } from '../../main/secrets/fingerprint';
import type { ApiEnvelope } from '../../shared/api/errors';
import { createTestContext, type TestContext } from '../support/context';
import { tempDir } from '../support/temp';
import { callExport, filesUnder, handlersFor, type ExportTable } from './helpers';
import { runCommand } from './cli-helpers';

const KEY = `jpaHygiene${randomBytes(24).toString('base64url')}`;
/** Every way the key could be written down. */
const FORMS = [
  KEY,
  KEY.slice(10, 34), // its random middle: catches a truncated or partly redacted key
  Buffer.from(KEY).toString('base64'),
  encodeURIComponent(KEY),
];

let test: TestContext;
let handlers: ExportTable;
let live: MockJostle;
let outside: ReturnType<typeof tempDir>;
/** Everything that left main or was printed: [where, text]. */
const seen: Array<[string, string]> = [];

async function call(channel: string, payload: unknown = {}): Promise<ApiEnvelope<unknown>> {
  const answer =
    channel === 'exportSummary'
      ? await callExport(handlers, payload)
      : await dispatch(handlers as HandlerTable, channel, payload, test.context.logger);
  seen.push([`API ${channel}`, JSON.stringify(answer)]);
  return answer;
}

async function value<T = unknown>(channel: string, payload: unknown = {}): Promise<T> {
  const answer = await call(channel, payload);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
}

async function dryRunToTheEnd(): Promise<void> {
  const deadline = Date.now() + 40_000;
  while ((await value<{ running: boolean }>('getDryRunStatus')).running) {
    if (Date.now() > deadline) throw new Error('the dry run did not finish');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  test = await createTestContext();
  handlers = handlersFor(test.context);
  outside = tempDir();
  // "Live" Jostle is a mock that accepts this key and nothing else, so every authorised request used it.
  live = await startMockJostle({ token: KEY, seedUsers: 3 });
  await value('saveConnection', { baseUrl: live.baseUrl, apiKey: KEY });

  await value('runProbes', { target: 'live', write: true });
  live.setFaults([
    { kind: 'unauthorized', endpoint: 'filter' },
    { kind: 'serverError', endpoint: 'discovery' },
  ]);
  await value('runProbes', { target: 'live', write: false });

  await value('startMock', { seedUsers: 2 });
  await value('setMockFaults', {
    faults: [
      { kind: 'unauthorized', endpoint: 'list' },
      { kind: 'serverError', endpoint: 'filter' },
    ],
  });
  await value('runProbes', { target: 'mock', write: false });
  await value('getMockLog', {});

  await value('generateSyntheticUsers', { count: 6, seed: 5 });
  live.setFaults([]);
  await value('startDryRun', { target: 'live', patchDialect: 'default', fresh: true, maxUsers: 6 });
  await dryRunToTheEnd();
  live.setFaults([
    { kind: 'serverError', endpoint: 'patch' },
    { kind: 'unauthorized', endpoint: 'filter' },
  ]);
  await value('startDryRun', { target: 'live', patchDialect: 'default', fresh: true, maxUsers: 6 });
  await dryRunToTheEnd();
  await value('getDryRunLog', { offset: 0, limit: 500 });

  for (const channel of [
    'getConnectionStatus',
    'getSettings',
    'getLatestProbeReport',
    'getImportStatus',
    'getMockStatus',
  ]) {
    await call(channel);
  }
  // A bad save logs nothing new, but its error answer is scanned too.
  await call('saveConnection', { baseUrl: live.baseUrl, apiKey: `${KEY}\n` });
  for (const format of ['markdown', 'json', 'html'] as const) {
    for (const includeUserData of [false, true]) await value('exportSummary', { format, includeUserData });
  }
  for (const [args, where] of [
    [['key', 'status'], 'data'],
    [['key', 'status', '--json'], 'data'],
    [['export', '--out', join(test.dataDir, 'support.md')], 'data'],
    [['export', '--out', join(outside.path, 'support.html'), '--include-user-data'], 'outside'],
    [['export', '--out', join(outside.path, 'support.json')], 'outside'],
  ] as const) {
    const [name, ...rest] = args;
    const run = await runCommand(name === 'key' ? keyCommand : exportCommand, [...rest], test.env);
    expect(run.code, `${args.join(' ')} (${where})`).toBe(0);
    seen.push([`CLI ${args.join(' ')}`, [...run.out, ...run.err].join('\n')]);
  }
}, 120_000);

afterAll(async () => {
  await live?.close();
  await test?.context.mock.stop();
  await test?.cleanup();
  outside?.remove();
});

function expectNoKey(where: string, text: string): void {
  for (const form of FORMS) {
    if (text.includes(form)) throw new Error(`The API key (or part of it) appears in ${where}`);
  }
}

describe('secret hygiene', () => {
  it('used the key for real: authorised requests reached the mock, probes and dry runs were saved', () => {
    const authorised = live.requestLog().filter((entry) => entry.status !== null && entry.status < 400);
    expect(authorised.length).toBeGreaterThan(10);
    expect(authorised.some((entry) => entry.method === 'POST')).toBe(true);
    const files = filesUnder(test.dataDir).map((file) => file.slice(test.dataDir.length));
    expect(files).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/settings\.json$/),
        expect.stringMatching(/logs[\\/]main\.log$/),
        expect.stringMatching(/results[\\/]probe-report\.json$/),
        expect.stringMatching(/results[\\/]dry-run-summary\.json$/),
        expect.stringMatching(/imports[\\/](?:g-[\w-]+[\\/])?users\.(?:nd)?json$/),
      ]),
    );
    const exports = seen.filter(([where]) => where === 'API exportSummary');
    expect(exports).toHaveLength(6);
    for (const [, text] of exports) expect(text).toContain(keyFingerprint(KEY));
    const summary = JSON.parse(readFileSync(join(test.dataDir, 'results', 'dry-run-summary.json'), 'utf8'));
    expect(summary.firstErrors.length).toBeGreaterThan(0);
  });

  it('the key is in no file under the data folder', () => {
    for (const file of filesUnder(test.dataDir)) expectNoKey(file, readFileSync(file, 'latin1'));
  });

  it('the key is in no log line', () => {
    const lines = readFileSync(test.context.logger.file, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    // The faulted runs are in the log as failures.
    expect(lines.some((line) => line.includes('"ok":false'))).toBe(true);
    lines.forEach((line, index) => expectNoKey(`log line ${index + 1}`, line));
    // The mock's own request logs, which saw the key on every request.
    live.requestLog().forEach((entry) => expectNoKey(`live mock log ${entry.id}`, JSON.stringify(entry)));
  });

  it('the key is in no API response, export or CLI output', () => {
    expect(seen.length).toBeGreaterThan(25);
    for (const [where, text] of seen) expectNoKey(where, text);
    for (const file of filesUnder(outside.path)) expectNoKey(file, readFileSync(file, 'utf8'));
  });
});
