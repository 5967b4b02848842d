import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRunCommand } from '../../main/cli/commands/dry-run';
import { entraSchemaCommand } from '../../main/cli/commands/entra-schema';
import { previewCommand } from '../../main/cli/commands/preview';
import { importSynchronizationSchema, schemasEquivalent } from '../../shared/entra-schema';
import { generateSyntheticTenant, toAssignmentsCsv, toDownloadUsersCsv } from '../../shared/source-data';
import { runCommand } from '../export/cli-helpers';
import { FIXTURES, fixture } from './helpers';

let dir: string;
let env: NodeJS.ProcessEnv;
let usersFile: string;
let assignmentsFile: string;
const schemaFile = join(FIXTURES, 'jostle-gallery-custom.json');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'entra-schema-cli-'));
  env = { JPA_DATA_DIR: join(dir, 'data'), JPA_KEYCHAIN_SERVICE: `jpa-test-${process.pid}` };
  const tenant = generateSyntheticTenant({ users: 60, seed: 12 });
  usersFile = join(dir, 'users.csv');
  assignmentsFile = join(dir, 'assignments.csv');
  await writeFile(usersFile, toDownloadUsersCsv(tenant.users));
  await writeFile(assignmentsFile, toAssignmentsCsv(tenant.assignments));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The schema's configuration as hand-written --mapping and --scope files. */
async function handWritten(scopeMode: 'allUsers' | 'assignedOnly') {
  const result = importSynchronizationSchema(fixture('jostle-gallery-custom.json'));
  if (!result.ok) throw new Error(result.error.message);
  const mapping = join(dir, 'mapping.json');
  const scope = join(dir, 'scope.json');
  await writeFile(mapping, JSON.stringify(result.imported.mapping));
  await writeFile(scope, JSON.stringify({ version: 1, scope: scopeMode, filters: result.imported.filters }));
  return { mapping, scope };
}

describe('preview and dry-run with --entra-schema', () => {
  it('preview gives the same result as the same configuration entered by hand', async () => {
    const files = await handWritten('assignedOnly');
    const common = ['--users', usersFile, '--assignments', assignmentsFile, '--json'];
    const bySchema = await runCommand(previewCommand, [...common, '--entra-schema', schemaFile], env);
    const byHand = await runCommand(
      previewCommand,
      [...common, '--mapping', files.mapping, '--scope', files.scope],
      env,
    );
    expect(bySchema.code).toBe(0);
    expect(byHand.code).toBe(0);
    const schemaResult = JSON.parse(bySchema.out.join('\n'));
    expect(schemaResult).toEqual(JSON.parse(byHand.out.join('\n')));
    expect(schemaResult.summary.total).toBe(60);
  });

  it('dry-run gives the same outcome as the same configuration entered by hand', async () => {
    const files = await handWritten('allUsers');
    const common = ['--users', usersFile, '--json'];
    const outcome = (out: string[]) => {
      const summary = JSON.parse(out.join('\n'));
      return summary.cycles.map((cycle: Record<string, unknown>) => ({
        inScope: cycle.inScope,
        counts: cycle.counts,
        requests: cycle.requests,
      }));
    };
    const bySchema = await runCommand(dryRunCommand, [...common, '--entra-schema', schemaFile], env);
    const byHand = await runCommand(
      dryRunCommand,
      [...common, '--mapping', files.mapping, '--scope', files.scope],
      env,
    );
    expect(bySchema.err.join('\n')).not.toMatch(/cannot be used/);
    expect(outcome(bySchema.out)).toEqual(outcome(byHand.out));
    expect(bySchema.code).toBe(byHand.code);
  });

  it('refuses --entra-schema together with --mapping, and a foreign schema with its reason', async () => {
    const files = await handWritten('allUsers');
    const both = await runCommand(
      previewCommand,
      ['--users', usersFile, '--entra-schema', schemaFile, '--mapping', files.mapping],
      env,
    );
    expect(both.code).toBe(2);
    expect(both.err.join('\n')).toMatch(/takes the place of --mapping and --scope/);
    const foreign = await runCommand(
      previewCommand,
      ['--users', usersFile, '--entra-schema', join(FIXTURES, 'workday-inbound.json')],
      env,
    );
    expect(foreign.code).toBe(1);
    expect(foreign.err.join('\n')).toMatch(
      /workday-inbound\.json cannot be used: .*Workday to Active Directory/,
    );
  });
});

describe('npm run cli -- entra-schema', () => {
  it('import saves mapping and scope as the app does and prints what was and was not imported', async () => {
    const dataEnv = { ...env, JPA_DATA_DIR: join(dir, 'import-data') };
    const run = await runCommand(
      entraSchemaCommand,
      ['import', join(FIXTURES, 'custom-scim-app.json')],
      dataEnv,
    );
    expect(run.code).toBe(0);
    const out = run.out.join('\n');
    expect(out).toMatch(/10 attribute mappings/);
    expect(out).toMatch(/userName ← Direct: userPrincipalName · matching precedence 1/);
    expect(out).toMatch(/2 scoping filters \(2 clauses\)/);
    expect(out).toMatch(/Not imported \(\d+; kept in the schema when you export\)/);
    expect(out).toMatch(/operator CONTAINS_ANY/);
    const mapping = JSON.parse(await readFile(join(dir, 'import-data', 'mapping.json'), 'utf8'));
    expect(mapping.mappings).toHaveLength(10);
    const scope = JSON.parse(await readFile(join(dir, 'import-data', 'scope.json'), 'utf8'));
    expect(scope.filters.map((filter: { title: string }) => filter.title)).toEqual([
      'Two values',
      'Odd operator',
    ]);
  });

  it('a refused import changes nothing', async () => {
    const dataEnv = { ...env, JPA_DATA_DIR: join(dir, 'refused-data') };
    expect((await runCommand(entraSchemaCommand, ['import', schemaFile], dataEnv)).code).toBe(0);
    const before = await readFile(join(dir, 'refused-data', 'mapping.json'), 'utf8');
    const truncated = join(dir, 'truncated.json');
    await writeFile(
      truncated,
      (await readFile(join(FIXTURES, 'other-scim-app.json'), 'utf8')).slice(0, 5000),
    );
    for (const file of [join(FIXTURES, 'other-scim-app.json'), truncated]) {
      const run = await runCommand(entraSchemaCommand, ['import', file], dataEnv);
      expect(run.code).toBe(1);
      expect(run.err.join('\n')).toMatch(/was not imported: .*\nNothing was changed\./s);
    }
    expect(await readFile(join(dir, 'refused-data', 'mapping.json'), 'utf8')).toBe(before);
  });

  it('export after import writes an equivalent schema; --base merges into another file; no schema gives an object mapping', async () => {
    const dataEnv = { ...env, JPA_DATA_DIR: join(dir, 'export-data') };
    expect((await runCommand(entraSchemaCommand, ['import', schemaFile], dataEnv)).code).toBe(0);
    const out = join(dir, 'out.json');
    const run = await runCommand(entraSchemaCommand, ['export', '--out', out], dataEnv);
    expect(run.code).toBe(0);
    expect(
      schemasEquivalent(JSON.parse(await readFile(out, 'utf8')), fixture('jostle-gallery-custom.json')),
    ).toBe(true);

    const based = join(dir, 'based.json');
    const withBase = await runCommand(
      entraSchemaCommand,
      ['export', '--out', based, '--base', join(FIXTURES, 'jostle-template-response.json')],
      dataEnv,
    );
    expect(withBase.code).toBe(0);
    expect(
      schemasEquivalent(JSON.parse(await readFile(based, 'utf8')), fixture('jostle-gallery-custom.json')),
    ).toBe(true);

    const freshEnv = { ...env, JPA_DATA_DIR: join(dir, 'fresh-data') };
    const fresh = await runCommand(
      entraSchemaCommand,
      ['export', '--out', join(dir, 'fresh.json')],
      freshEnv,
    );
    expect(fresh.out.join('\n')).toMatch(/user object mapping/);
    expect(JSON.parse(await readFile(join(dir, 'fresh.json'), 'utf8'))).toMatchObject({
      sourceObjectName: 'User',
      targetObjectName: 'User',
    });

    const usage = await runCommand(entraSchemaCommand, ['export'], dataEnv);
    expect(usage.code).toBe(2);
  });
});
