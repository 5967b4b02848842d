/**
 * Graph pull benchmark: `entra pull` of a synthetic tenant from the loopback Graph fake (999 users a page,
 * assignments and group members included), against the baseline of importing the same users and
 * assignments from CSV in the same run. Prints the ratio; the pull's extra cost is HTTP and JSON.
 *
 *   npx tsx bench/graph-pull.ts [users=20000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppContext } from '../main/app/context';
import { createGraphClient, pullTenant } from '../main/graph';
import { environmentTokenSource } from '../main/graph/token-source';
import { READ_SCOPES } from '../main/graph/permissions';
import { confBacking } from '../main/settings/node-backing';
import {
  generateSyntheticTenant,
  parseAssignmentsCsv,
  parseDownloadUsersCsv,
  toAssignmentsCsv,
  toDownloadUsersCsv,
} from '../shared/source-data';
import { FakeGraph } from '../test/fakes/graph/server';
import { buildFakeTenant } from '../test/fakes/graph/tenant';

const count = Number(process.argv[2] ?? 20_000);
const tenant = generateSyntheticTenant({ users: count, seed: 42 });
const usersCsv = toDownloadUsersCsv(tenant.users);
const assignmentsCsv = toAssignmentsCsv(tenant.assignments);

const folder = mkdtempSync(join(tmpdir(), 'graph-bench-'));
const env = { ...process.env, JPA_DATA_DIR: folder, JPA_KEYCHAIN_SERVICE: `jpa-bench-${process.pid}` };
const context = await createAppContext({
  transport: 'browser',
  dataDir: folder,
  env,
  settingsBacking: confBacking,
});

const csvStart = performance.now();
const users = parseDownloadUsersCsv(usersCsv);
const assignments = parseAssignmentsCsv(assignmentsCsv);
if (!users.ok || !assignments.ok) throw new Error('fixture');
await context.configuration.saveImportedUsers({
  fileName: 'users.csv',
  importedAt: new Date().toISOString(),
  users: users.value,
});
await context.configuration.saveImportedAssignments({
  fileName: 'a.csv',
  importedAt: new Date().toISOString(),
  assignments: assignments.value,
});
const csvMs = performance.now() - csvStart;

const fake = new FakeGraph(buildFakeTenant(users.value, assignments.value));
await fake.start();
const tokens = environmentTokenSource(fake.issueToken({ scopes: [...READ_SCOPES] }));
const client = createGraphClient({ graphUrl: fake.url, token: (action) => tokens.token(action) });
const pullStart = performance.now();
const result = await pullTenant(context, client, { appId: 'sp-jostle-1', tenantId: fake.tenant.tenantId });
const pullMs = performance.now() - pullStart;
await client.close();
await fake.stop();
rmSync(folder, { recursive: true, force: true });

const pages = fake.log.filter((entry) => entry.path === '/v1.0/users').length;
console.log(`users: ${result.record.users} over ${pages} pages, ${result.assignments.groups} groups`);
console.log(`CSV import (baseline): ${csvMs.toFixed(0)} ms`);
console.log(`Graph pull (loopback fake, fake's own serving included): ${pullMs.toFixed(0)} ms`);
console.log(`ratio pull / CSV import: ${(pullMs / csvMs).toFixed(2)}`);
