/**
 * Where a dry run's Entra settings start (shared/provisioning/dry-run-defaults): the Entra schema's Target
 * Object Actions when one is imported, the path's PATCH format for the Tenant URL; and the CLI starts from the
 * same function (with --entra-schema, and without flags), saying where each value came from.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRunDefaults } from '../../shared/provisioning/dry-run-defaults';
import { generateSyntheticTenant, toDownloadUsersCsv } from '../../shared/source-data';
import { runDryRunCli } from './run-dry-run-cli';

describe('dryRunDefaults', () => {
  it('takes Target Object Actions from the imported schema, else a new job’s, and says which', () => {
    const none = dryRunDefaults({ appPath: 'gallery' });
    expect(none.targetObjectActions).toEqual({ create: true, update: true, delete: true });
    expect(none.targetObjectActionsFrom).toContain('new Entra job');
    const fromSchema = dryRunDefaults({
      appPath: 'gallery',
      entraSchema: {
        fileName: 'schema.json',
        targetObjectActions: { create: true, update: true, delete: false },
      },
    });
    expect(fromSchema.targetObjectActions).toEqual({ create: true, update: true, delete: false });
    expect(fromSchema.targetObjectActionsFrom).toBe('From your imported Entra schema (schema.json).');
  });

  it('takes the PATCH format from defaultPatchDialectFor: the flag counts on the custom path only', () => {
    const flagged = 'https://acme.jostle.us/scim2?aadOptscim062020';
    expect(dryRunDefaults({ appPath: 'custom', tenantUrl: flagged }).patchDialect).toBe('aadOptscim062020');
    expect(
      dryRunDefaults({ appPath: 'custom', tenantUrl: 'https://acme.jostle.us/scim2' }).patchDialect,
    ).toBe('default');
    const gallery = dryRunDefaults({ appPath: 'gallery', tenantUrl: flagged });
    expect(gallery.patchDialect).toBe('default');
    expect(gallery.patchDialectFrom).toContain('assumed');
  });
});

describe('the CLI starts from the same defaults', () => {
  let dir: string;
  let usersFile: string;
  let schemaFile: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dry-run-defaults-'));
    usersFile = join(dir, 'users.csv');
    await writeFile(usersFile, toDownloadUsersCsv(generateSyntheticTenant({ users: 8, seed: 2 }).users));
    // The Jostle schema with Delete unticked under Target Object Actions.
    const schema = await readFile('test/fixtures/entra-schema/jostle-gallery-custom.json', 'utf8');
    schemaFile = join(dir, 'no-delete-schema.json');
    await writeFile(schemaFile, schema.replaceAll('"Add, Update, Delete"', '"Add, Update"'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes Target Object Actions from --entra-schema and says so; a flag still wins', async () => {
    const fromSchema = await runDryRunCli(['--users', usersFile, '--entra-schema', schemaFile, '--json']);
    expect(fromSchema.code).toBe(0);
    expect(JSON.parse(fromSchema.out).settings.targetObjectActions).toEqual({
      create: true,
      update: true,
      delete: false,
    });
    expect(fromSchema.err).toContain(
      'Target Object Actions: From your imported Entra schema (no-delete-schema.json).',
    );

    const flag = await runDryRunCli([
      '--users',
      usersFile,
      '--entra-schema',
      schemaFile,
      '--target-object-actions',
      'create,update,delete',
      '--json',
    ]);
    expect(JSON.parse(flag.out).settings.targetObjectActions.delete).toBe(true);
    expect(flag.err).not.toContain('Target Object Actions:');
  });

  it('without a schema starts as a new job, with the PATCH format of the path', async () => {
    // Exit code 1 is fine here: Entra's generic defaults map attributes Jostle does not have.
    const plain = await runDryRunCli(['--users', usersFile, '--app', 'custom', '--json']);
    expect(JSON.parse(plain.out).settings.targetObjectActions).toEqual({
      create: true,
      update: true,
      delete: true,
    });
    expect(JSON.parse(plain.out).patchDialect).toBe('default');
    expect(plain.err).toContain('PATCH format: Default format');
  });
});
