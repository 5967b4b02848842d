import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateSyntheticTenant,
  parseAssignmentsCsv,
  parseDownloadUsersCsv,
  toAssignmentsCsv,
  toDownloadUsersCsv,
} from '../../shared/source-data';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dataFiles } from '../../main/app/data-files';
import { importSynchronizationSchema } from '../../shared/entra-schema';
import { join } from 'node:path';
import { FakeGraph } from '../fakes/graph/server';
import { buildFakeTenant } from '../fakes/graph/tenant';
import { tempDir, uniqueKeychainService } from '../support/temp';
import { ALL_READ, cli } from './helpers';

describe('entra pull against the Graph fake, compared with the same data from CSV', () => {
  const dir = tempDir();
  const csvDir = tempDir();
  let fake: FakeGraph;
  let env: NodeJS.ProcessEnv;
  const synthetic = generateSyntheticTenant({ users: 3200, seed: 13, groups: 9 });
  // A group that is not assigned itself, nested in an assigned one: Entra provisions none of its members.
  const assignedIds = new Set([
    ...synthetic.assignments.users.map((user) => user.id),
    ...synthetic.assignments.groups.flatMap((group) => group.memberUsers),
  ]);
  const nestedOnly = synthetic.users
    .filter((user) => !assignedIds.has(user.objectId) && !assignedIds.has(user.userPrincipalName))
    .slice(0, 5);
  const nestedGroup = {
    id: 'nested-only-group',
    displayName: 'Nested only',
    memberUsers: nestedOnly.map((user) => user.objectId),
    memberGroups: [],
  };
  synthetic.assignments.groups[0]!.memberGroups.push(nestedGroup.id);
  const usersCsv = toDownloadUsersCsv(synthetic.users);
  const assignmentsCsv = toAssignmentsCsv(synthetic.assignments);

  beforeAll(async () => {
    const users = parseDownloadUsersCsv(usersCsv);
    const assignments = parseAssignmentsCsv(assignmentsCsv);
    if (!users.ok || !assignments.ok) throw new Error('fixture');
    const tenant = buildFakeTenant(users.value, assignments.value);
    tenant.groups.push(nestedGroup);
    fake = new FakeGraph(tenant);
    fake.pageSize = 250;
    await fake.start();
    env = {
      ...process.env,
      JPA_DATA_DIR: dir.path,
      JPA_KEYCHAIN_SERVICE: uniqueKeychainService(),
      GRAPH_TOKEN: fake.issueToken({ scopes: ALL_READ }),
    };
    writeFileSync(join(csvDir.path, 'users.csv'), usersCsv);
    writeFileSync(join(csvDir.path, 'assignments.csv'), assignmentsCsv);
  });
  afterAll(async () => {
    await fake.stop();
    dir.remove();
    csvDir.remove();
  });

  it('lists both Jostle apps and asks to pick one', async () => {
    const result = await cli(
      ['entra', 'pull', '--graph-token-env', 'GRAPH_TOKEN', '--graph-url', fake.url],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('sp-jostle-1');
    expect(result.err).toContain('sp-other');
    expect(result.err).toMatch(/--app/);
  });

  it('pulls thousands of users over many pages and the preview equals the CSV import’s', async () => {
    const pulled = await cli(
      ['entra', 'pull', '--app', 'sp-jostle-1', '--graph-token-env', 'GRAPH_TOKEN', '--graph-url', fake.url],
      env,
    );
    expect(pulled.err + pulled.out).toContain('Saved 3200 users');
    expect(pulled.code).toBe(0);
    const userPages = fake.log.filter((entry) => entry.path === '/v1.0/users');
    expect(userPages.length).toBe(Math.ceil(3200 / 250));
    // $select built from the gallery mapping: only what it reads, never the whole user.
    const select = userPages[0]!.query.$select!.split(',');
    expect(select).toEqual(
      expect.arrayContaining([
        'id',
        'userPrincipalName',
        'accountEnabled',
        'givenName',
        'surname',
        'mail',
        'otherMails',
      ]),
    );
    expect(select).not.toContain('employeeId');
    // Nested groups: a group's nested group is read but its members are not expanded.
    expect(pulled.err).toMatch(/nested group/);
    const memberReads = fake.log.filter((entry) => /\/v1\.0\/groups\/.+\/members/.test(entry.path));
    expect(new Set(memberReads.map((entry) => entry.path)).size).toBe(synthetic.assignments.groups.length);

    // Mapping and scope come from the app's synchronization schema, saved as the schema import saves them.
    const savedMapping = JSON.parse(readFileSync(dataFiles.mapping(dir.path), 'utf8'));
    const schema = fake.tenant.apps[0]!.jobs[0]!.schema;
    const imported = importSynchronizationSchema(schema);
    if (!imported.ok) throw new Error(imported.error.message);
    expect(savedMapping).toEqual(JSON.parse(JSON.stringify(imported.imported.mapping)));
    expect(existsSync(dataFiles.entraSchema(dir.path))).toBe(true);

    const fromGraph = await cli(['preview', '--json'], env);
    const fromCsv = await cli(
      [
        'preview',
        '--json',
        '--users',
        join(csvDir.path, 'users.csv'),
        '--assignments',
        join(csvDir.path, 'assignments.csv'),
      ],
      env,
    );
    expect(fromGraph.code).toBe(0);
    expect(fromCsv.code).toBe(0);
    const graphPreview = JSON.parse(fromGraph.out);
    const csvPreview = JSON.parse(fromCsv.out);
    expect(graphPreview.summary.total).toBe(3200);
    expect(graphPreview.summary.inScope).toBeGreaterThan(1000);
    expect(graphPreview.summary).toEqual(csvPreview.summary);
    expect(graphPreview.rows).toEqual(csvPreview.rows);
    expect(nestedOnly).toHaveLength(5);
    const nestedRows = graphPreview.rows.filter((row: { objectId: string }) =>
      nestedGroup.memberUsers.includes(row.objectId),
    );
    expect(nestedRows.map((row: { inScope: boolean }) => row.inScope)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(fake.log.some((entry) => entry.path === '/v1.0/groups/nested-only-group/members')).toBe(false);
  });

  it('dry-run without --users runs the saved tenant against the mock', async () => {
    const result = await cli(['dry-run', '--json'], env);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out);
    expect(JSON.stringify(summary)).toContain('Create');
    expect(result.err).toContain('Using the users saved in');
  }, 90_000);
});

describe('preview and dry-run without --users', () => {
  it('say what to do when nothing was imported or pulled', async () => {
    const empty = tempDir();
    const env = { ...process.env, JPA_DATA_DIR: empty.path, JPA_KEYCHAIN_SERVICE: uniqueKeychainService() };
    const preview = await cli(['preview'], env);
    expect(preview.code).toBe(2);
    expect(preview.err).toMatch(/--users is required: nothing is imported/);
    const dryRun = await cli(['dry-run'], env);
    expect(dryRun.code).toBe(2);
    empty.remove();
  });
});
