import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../../main/cli/command';
import { dryRunCommand } from '../../main/cli/commands/dry-run';
import { mappingCommand } from '../../main/cli/commands/mapping';
import { previewCommand } from '../../main/cli/commands/preview';
import { applyAllFixes, defaultMappingFor } from '../../shared/mapping';

async function run(command: typeof mappingCommand, args: string[]) {
  const out: string[] = [];
  const io: CliIo = { stdout: (line) => out.push(line), stderr: () => {}, env: {}, stdin: process.stdin };
  const code = await command.run(args, io, new AbortController().signal);
  return { code, out: out.join('\n') };
}

const USERS = 'test/fixtures/source-data/entra-download-users.csv';

describe('npm run cli -- mapping defaults', () => {
  it('--app custom --json lists Microsoft’s documented defaults with Jostle’s verdicts', async () => {
    const { code, out } = await run(mappingCommand, ['defaults', '--app', 'custom', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ appPath: 'custom', schemaSource: 'model' });
    const byTarget = new Map(report.rows.map((row: { target: string }) => [row.target, row]));
    expect(byTarget.get('userName')).toMatchObject({
      source: 'userPrincipalName',
      matchingPrecedence: 1,
      verdict: { kind: 'accepted' },
    });
    expect(byTarget.get('active')).toMatchObject({
      source: expect.stringMatching(/^Switch\(\[IsSoftDeleted\]/),
    });
    expect(byTarget.get('externalId')).toMatchObject({ source: 'mailNickname' });
    expect(byTarget.get('title')).toMatchObject({ source: 'jobTitle' });
    expect(byTarget.get('emails[type eq "work"].value')).toMatchObject({ source: 'mail' });
    expect(byTarget.get('phoneNumbers[type eq "fax"].value')).toMatchObject({
      verdict: { kind: 'rejected', basis: 'assumed', fix: { kind: 'remove' } },
    });
    expect(report.scimDevOnlyRows.map((row: { target: string }) => row.target)).toContain(
      'emails[type eq "other"].value',
    );
  });

  it('prints text, gallery by default', async () => {
    const { out } = await run(mappingCommand, ['defaults']);
    expect(out).toMatch(/Jostle gallery app/);
    expect(out).toMatch(/10 rows: 10 accepted, 0 flagged/);
  });

  it('refuses an unknown path or subcommand', async () => {
    await expect(run(mappingCommand, ['defaults', '--app', 'saml'])).rejects.toThrow(UsageError);
    await expect(run(mappingCommand, ['list'])).rejects.toThrow(/mapping defaults/);
  });
});

describe('--app on preview', () => {
  it('custom flags the users Jostle would refuse; gallery flags none', async () => {
    const custom = JSON.parse(
      (await run(previewCommand, ['--users', USERS, '--app', 'custom', '--json'])).out,
    );
    const gallery = JSON.parse((await run(previewCommand, ['--users', USERS, '--json'])).out);
    expect(custom.summary.withMappingFailures).toBeGreaterThan(0);
    expect(gallery.summary.withMappingFailures).toBe(0);
  });
});

describe('--app on dry-run', () => {
  it('custom defaults fail users at Mock Jostle; the fixed mapping runs clean; gallery rejects a generic target', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'custom-app-cli-'));
    try {
      const fixed = join(dir, 'fixed.json');
      await writeFile(
        fixed,
        JSON.stringify({ version: 1, mappings: applyAllFixes(defaultMappingFor('custom').mappings) }),
      );
      const raw = join(dir, 'custom.json');
      await writeFile(raw, JSON.stringify(defaultMappingFor('custom')));

      const failing = await run(dryRunCommand, ['--users', USERS, '--app', 'custom', '--json']);
      expect(failing.code).toBe(1);
      expect(JSON.parse(failing.out).cycles[0].counts.Create.Failure).toBeGreaterThan(0);

      const clean = await run(dryRunCommand, [
        '--users',
        USERS,
        '--app',
        'custom',
        '--mapping',
        fixed,
        '--json',
      ]);
      expect(clean.code).toBe(0);
      expect(JSON.parse(clean.out).cycles[0].counts.Create.Failure).toBe(0);

      await expect(run(dryRunCommand, ['--users', USERS, '--mapping', raw])).resolves.toMatchObject({
        code: 1,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
