/**
 * `npm run cli -- dry-run` with a changed import per cycle, Entra's job settings as flags, the
 * ?aadOptscim062020 Tenant URL, and the Graph-shaped `--log-out` file read back by the Monitor step's parser.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../main/cli/command';
import { runDryRunCli } from './run-dry-run-cli';
import { startMockJostle } from '../../main/mock-jostle';
import { parseProvisioningLogs, summariseProvisioningLogs } from '../../shared/provisioning-logs';
import { generateSyntheticTenant, toDownloadUsersCsv, type SourceUser } from '../../shared/source-data';
import { GALLERY_DEFAULT_CONFIG } from '../../shared/mapping';

let dir: string;
let users: SourceUser[];
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dry-run-cycles-'));
  users = generateSyntheticTenant({ users: 6, seed: 11 }).users.map((user) => ({
    ...user,
    attributes: { ...user.attributes, accountEnabled: true },
  }));
  await writeFile(file('first.csv'), toDownloadUsersCsv(users));
  // Second import: one user gone (recycle bin), one renamed.
  const second = users
    .slice(0, 5)
    .map((user, index) =>
      index === 0 ? { ...user, attributes: { ...user.attributes, surname: 'Renamed' } } : user,
    );
  await writeFile(file('second.csv'), toDownloadUsersCsv(second));
  await writeFile(file('third.csv'), toDownloadUsersCsv(second.slice(0, 4)));
  // A custom app whose mappings the admin trimmed to Jostle's (the generic defaults send addresses).
  await writeFile(file('mapping.json'), JSON.stringify(GALLERY_DEFAULT_CONFIG));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = runDryRunCli;

describe('dry-run --next-users', () => {
  it('cycle 1 reads --users, each later cycle the next --next-users file, --cycles repeats the last', async () => {
    const { code, out } = await run([
      '--users',
      file('first.csv'),
      '--next-users',
      file('second.csv'),
      '--next-users',
      file('third.csv'),
      '--cycles',
      '4',
      '--json',
    ]);
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    const [first, second, third, fourth] = summary.cycles;
    expect(first.counts.Create.Success).toBe(6);
    expect(second.counts.Update.Success).toBe(1);
    expect(second.counts.Disable.Success).toBe(1); // HOW: soft delete, not a DELETE
    expect(second.counts.Delete.Success).toBe(0);
    expect(third.counts.Disable.Success).toBe(1);
    expect(fourth.requests).toBe(0);
    expect(summary.settings).toEqual({
      skipOutOfScopeDeletions: false,
      targetObjectActions: { create: true, update: true, delete: true },
      deletionThreshold: null,
    });
  });

  it('flags: permanently deleted users, the deletion threshold and target object actions', async () => {
    const deleted = await run([
      '--users',
      file('first.csv'),
      '--next-users',
      file('third.csv'),
      '--permanently-deleted',
      `${users[4]!.userPrincipalName},${users[5]!.objectId}`,
      '--json',
    ]);
    expect(JSON.parse(deleted.out).cycles[1].counts.Delete.Success).toBe(2);

    const staged = await run([
      '--users',
      file('first.csv'),
      '--next-users',
      file('third.csv'),
      '--deletion-threshold',
      '1',
    ]);
    expect(staged.code).toBe(1);
    expect(staged.out).toMatch(/StagedDelete Skipped 2/);
    expect(staged.out).toMatch(/AccidentalDeletionThresholdExceeded/);
    expect(staged.out).toMatch(/accidental-deletion prevention on, threshold 1/);

    const noDelete = await run([
      '--users',
      file('first.csv'),
      '--next-users',
      file('third.csv'),
      '--permanently-deleted',
      users[4]!.objectId,
      '--target-object-actions',
      'create,update',
      '--json',
    ]);
    const counts = JSON.parse(noDelete.out).cycles[1].counts;
    expect(counts.Delete).toMatchObject({ Success: 0, Skipped: 1 });
  });

  it('refuses bad job settings with a specific message', async () => {
    await expect(
      run(['--users', file('first.csv'), '--target-object-actions', 'create,remove']),
    ).rejects.toThrow(/not “remove”/);
    await expect(run(['--users', file('first.csv'), '--deletion-threshold', '0'])).rejects.toThrow(
      /--deletion-threshold/,
    );
    await expect(
      run(['--users', file('first.csv'), '--next-users', file('second.csv'), '--cycles', '1']),
    ).rejects.toThrow(UsageError);
    await expect(run(['--users', file('first.csv'), '--restart-before-cycle', '1'])).rejects.toThrow(
      /from 2 to 1/,
    );
  });

  it('COMPAT: on the custom path a Tenant URL ending in ?aadOptscim062020 selects that PATCH format', async () => {
    const mock = await startMockJostle();
    try {
      const { code } = await run(
        [
          '--app',
          'custom',
          '--mapping',
          file('mapping.json'),
          '--users',
          file('first.csv'),
          '--next-users',
          file('second.csv'),
          '--target',
          `${mock.baseUrl}?aadOptscim062020`,
          '--token-env',
          'JOSTLE_TOKEN',
          '--max-users',
          '10',
        ],
        { JOSTLE_TOKEN: mock.token },
      );
      expect(code).toBe(0);
      const patches = mock.requestLog().filter((entry) => entry.method === 'PATCH');
      const operations = patches.map((entry) => (entry.requestBody as { Operations: unknown[] }).Operations);
      expect(operations).toContainEqual([{ op: 'replace', path: 'active', value: false }]);
      expect(mock.requestLog().every((entry) => !entry.path.includes('aadOptscim062020'))).toBe(true);
    } finally {
      await mock.close();
    }
  });

  it('F23: on the gallery path the flag is not documented, so the default format stays (assumed)', async () => {
    const mock = await startMockJostle();
    try {
      const { code } = await run(
        [
          '--users',
          file('first.csv'),
          '--next-users',
          file('second.csv'),
          '--target',
          `${mock.baseUrl}?aadOptscim062020`,
          '--token-env',
          'JOSTLE_TOKEN',
          '--max-users',
          '10',
        ],
        { JOSTLE_TOKEN: mock.token },
      );
      expect(code).toBe(0);
      const patches = mock.requestLog().filter((entry) => entry.method === 'PATCH');
      const operations = patches.map((entry) => (entry.requestBody as { Operations: unknown[] }).Operations);
      expect(operations).toContainEqual([{ op: 'Replace', path: 'active', value: 'False' }]);
    } finally {
      await mock.close();
    }
  });
});

describe('dry-run --log-out', () => {
  it('GRAPH-POS: writes provisioningObjectSummary JSON that the Monitor step imports like a real log', async () => {
    const out = file('log.json');
    const { code } = await run([
      '--users',
      file('first.csv'),
      '--next-users',
      file('second.csv'),
      '--faults',
      '403@patch',
      '--log-out',
      out,
    ]);
    expect(code).toBe(1);
    const page = JSON.parse(await readFile(out, 'utf8'));
    expect(Object.keys(page)).toEqual(['value']);
    const event = page.value[0];
    expect(event).toMatchObject({
      activityDateTime: expect.any(String),
      provisioningAction: expect.stringMatching(/^(create|update|delete|disable|stagedDelete|other)$/),
      provisioningStatusInfo: { status: expect.any(String) },
      sourceIdentity: { id: expect.any(String) },
      targetIdentity: expect.any(Object),
      cycleId: expect.any(String),
      changeId: expect.any(String),
      jobId: expect.any(String),
      modifiedProperties: expect.any(Array),
    });
    const times = page.value.map((entry: { activityDateTime: string }) => entry.activityDateTime);
    expect([...times].sort().reverse()).toEqual(times); // newest first

    const parsed = parseProvisioningLogs(await readFile(out, 'utf8'), { fileName: 'log.json' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.format).toBe('json-graph-page');
    expect(parsed.rows).toHaveLength(page.value.length);
    const summary = summariseProvisioningLogs(parsed.rows);
    expect(summary.byAction.Create).toBe(6);
    expect(summary.byStatus.Failure).toBe(2); // the update and the soft-delete disable, both PATCHes
    expect(summary.byAction.Disable).toBe(1);
    expect(summary.errors.map((group) => group.code)).toEqual(['InsufficientRights']);
    expect(summary.cycles).toHaveLength(2);
    const rejected = parsed.rows.find((row) => row.status === 'Failure')!;
    expect(rejected.reason).toMatch(/HTTP 403/);
    expect(rejected.sourceId).toBe(
      users.find((user) => rejected.sourceName === user.userPrincipalName)?.objectId,
    );
  });
});

describe('dry-run progress on the terminal', () => {
  it('a slow target gets a progress line every few seconds on stderr, never minutes of silence', async () => {
    const { code, out, err } = await run([
      '--users',
      file('first.csv'),
      '--faults',
      'latency@all:450',
      '--concurrency',
      '1',
    ]);
    expect(code).toBe(0);
    expect(err).toMatch(/Cycle 1: \d+ of 6 users, \d+ requests/);
    // The summary stays on stdout, apart from the progress lines.
    expect(out).not.toMatch(/of 6 users, \d+ requests/);
  }, 30_000);
});
