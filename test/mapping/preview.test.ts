import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewCommand } from '../../main/cli/commands/preview';
import { UsageError, type CliIo } from '../../main/cli/command';
import { GALLERY_DEFAULT_CONFIG, runPreview } from '../../shared/mapping';
import { parseAssignmentsCsv, parseDownloadUsersCsv } from '../../shared/source-data';

const fixtures = join(import.meta.dirname, '../fixtures/source-data');
const scratch = mkdtempSync(join(tmpdir(), 'preview-cli-'));
// Broken JSON cannot live in the fixtures folder: Prettier checks every .json file there.
writeFileSync(
  join(scratch, 'graph-users-broken.json'),
  '{\n  "value": [\n    { "id": "1"\n      "userPrincipalName": "a@x.example" }\n  ]\n}\n',
);
const fixture = (name: string) =>
  name === 'graph-users-broken.json' ? join(scratch, name) : join(fixtures, name);

function load() {
  const users = parseDownloadUsersCsv(readFileSync(fixture('entra-download-users.csv'), 'utf8'));
  const assignments = parseAssignmentsCsv(readFileSync(fixture('assignments.csv'), 'utf8'));
  if (!users.ok || !assignments.ok) throw new Error('fixtures did not import');
  return { users: users.value, assignments: assignments.value };
}

describe('runPreview on the fixture tenant', () => {
  const { users, assignments } = load();
  const result = runPreview({
    users,
    assignments,
    scope: { version: 1, scope: 'assignedOnly', filters: [] },
    mapping: GALLERY_DEFAULT_CONFIG,
  });
  const row = (upn: string) => result.rows.find((candidate) => candidate.userPrincipalName.startsWith(upn))!;

  it('counts who is in and out of scope', () => {
    expect(result.summary).toMatchObject({
      total: 7,
      inScope: 5,
      outOfScope: 2,
      inScopeButDisabled: 1,
      withMappingFailures: 0,
      wouldCreate: 4,
      unresolvedAssignments: ['someone.who.left@contoso.example'],
      startSmall: ['ada.lovelace@contoso.example', 'zoe.muller@contoso.example'],
    });
  });

  it('says why, and builds payloads only for users in scope', () => {
    expect(row('ada')).toMatchObject({ inScope: true, decidedBy: 'assigned directly' });
    expect(row('jose')).toMatchObject({ inScope: true, decidedBy: 'assigned via Sales' });
    expect(row('jose').payload).not.toHaveProperty('emails');
    expect(row('zoe').payload?.emails).toEqual([
      { primary: true, type: 'work', value: 'zoe.muller@contoso.example' },
      { type: 'personal', value: 'zoe@home.example' },
    ]);
    expect(row('lukasz')).toMatchObject({
      inScope: true,
      activeInSource: false,
      decidedBy: 'assigned via Engineering; disabled in Entra, so not created',
    });
    expect(row('lukasz').payload?.active).toBe(false);
    expect(row('yamada')).toMatchObject({ inScope: false, payload: null });
  });

  it('counts a user whose surname is empty as a mapping failure, with the reason, before any dry run', () => {
    const room = parseDownloadUsersCsv(
      'userPrincipalName,objectId,displayName,givenName,surname,accountEnabled\n' +
        'reception@contoso.example,r1,Reception Desk,Reception,,True\n' +
        'ada@contoso.example,a1,Ada Lovelace,Ada,Lovelace,True\n' +
        'old@contoso.example,o1,Old Account,Old,,False\n',
    );
    if (!room.ok) throw new Error(room.error.message);
    const preview = runPreview({
      users: room.value,
      scope: { version: 1, scope: 'allUsers', filters: [] },
      mapping: GALLERY_DEFAULT_CONFIG,
    });
    expect(preview.summary).toMatchObject({
      inScope: 3,
      inScopeButDisabled: 1,
      withMappingFailures: 1,
      wouldCreate: 1,
      startSmall: ['ada@contoso.example'],
    });
    const reception = preview.rows.find((candidate) => candidate.objectId === 'r1')!;
    expect(reception.failures).toEqual([
      expect.objectContaining({
        target: 'name.familyName',
        message: 'comes out empty ([surname] is empty); Jostle refuses a user without it',
      }),
    ]);
    // A disabled user is not created, so nothing is sent that Jostle could refuse.
    expect(preview.rows.find((candidate) => candidate.objectId === 'o1')!.failures).toEqual([]);
  });

  it('records the user value each failed clause read', () => {
    const preview = runPreview({
      users,
      scope: {
        version: 1,
        scope: 'allUsers',
        filters: [{ title: '', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Nobody' }] }],
      },
      mapping: GALLERY_DEFAULT_CONFIG,
    });
    const ada = preview.rows.find((candidate) => candidate.userPrincipalName.startsWith('ada'))!;
    expect(users.find((user) => user.objectId === ada.objectId)!.attributes.department).toBeTruthy();
    expect(ada.scope.clauses[0]).toMatchObject({
      result: false,
      attribute: 'department',
      value: users.find((user) => user.objectId === ada.objectId)!.attributes.department ?? null,
    });
  });

  it('is plain JSON, scope decisions and bodies included (they are worked out on read)', () => {
    const asRead = result.rows.map((row) => ({ ...row, scope: row.scope, payload: row.payload }));
    expect(asRead.some((row) => row.payload !== null)).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual({ ...result, rows: asRead });
  });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env: {},
    stdin: process.stdin,
  };
  return { cli, out, err };
}

const run = async (...args: string[]) => {
  const streams = io();
  const code = await previewCommand.run(args, streams.cli, new AbortController().signal);
  return { code, stdout: streams.out.join('\n'), stderr: streams.err.join('\n') };
};

describe('npm run cli -- preview', () => {
  it('prints counts and payloads', async () => {
    const { code, stdout } = await run(
      '--users',
      fixture('entra-download-users.csv'),
      '--assignments',
      fixture('assignments.csv'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Users: 7; in scope: 5; out of scope: 2');
    expect(stdout).toContain('OUT yamada.ken@contoso.example (not assigned');
    expect(stdout).toContain('"userName": "ada.lovelace@contoso.example"');
  });

  it('HOW: a B2B guest is shown with the userName Entra sends (alias@theirdomain) and a note saying so', async () => {
    const { stdout } = await run(
      '--users',
      fixture('entra-download-users.csv'),
      '--assignments',
      fixture('assignments.csv'),
    );
    expect(stdout).toContain('IN  partner_fabrikam.example#EXT#@contoso.example');
    expect(stdout).toContain('"userName": "partner@fabrikam.example"');
    expect(stdout).toContain(
      'note: Guest (B2B): Entra reads [userPrincipalName] as partner@fabrikam.example',
    );
  });

  it('prints JSON with --json, using the scope and mapping files', async () => {
    const { code, stdout, stderr } = await run(
      '--users',
      fixture('entra-download-users.csv'),
      '--assignments',
      fixture('assignments.csv'),
      '--scope',
      fixture('scope-us-sales.json'),
      '--mapping',
      fixture('mapping-custom.json'),
      '--json',
    );
    expect(stderr).toBe(
      'warning: Group Sales contains 1 nested group; Entra provisions only its direct members',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.summary).toMatchObject({ inScope: 4, outOfScope: 3 });
    const zoe = result.rows.find((row: { userPrincipalName: string }) =>
      row.userPrincipalName.startsWith('zoe'),
    );
    expect(zoe.payload).toMatchObject({
      name: { givenName: 'Zoe' },
      title: 'Sales Manager',
      'urn:ietf:params:scim:schemas:extension:jostle:2.0:User': { locations: 'München 2' },
    });
  });

  it('reads a UTF-16 export (Excel "Unicode text") by its byte-order mark', async () => {
    const path = join(scratch, 'users-utf16.csv');
    const text = readFileSync(fixture('entra-download-users.csv'), 'utf8').replace(/^\uFEFF/, '');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { code, stdout } = await run('--users', path, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).rows[1].payload.name.givenName).toBe('Zoë');
  });

  it('reads Graph JSON pages', async () => {
    const { code, stdout } = await run(
      '--users',
      fixture('graph-users-page1.json'),
      '--users',
      fixture('graph-users-page2.json'),
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary).toMatchObject({ total: 3, inScope: 3 });
  });

  it.each([
    [
      ['--users', 'entra-download-users-unclosed-quote.csv'],
      'entra-download-users-unclosed-quote.csv, line 4: A quoted cell is never closed',
    ],
    [['--users', 'graph-users-broken.json'], 'graph-users-broken.json, line 4'],
    [
      [
        '--users',
        'entra-download-users.csv',
        '--scope',
        'scope-invalid.json',
        '--assignments',
        'assignments.csv',
      ],
      'filter 1 clause 1: userType',
    ],
    [
      ['--users', 'entra-download-users.csv', '--mapping', 'mapping-invalid.json'],
      'mapping 2: Type mismatch',
    ],
    [['--users', 'no-such-file.csv'], 'ENOENT'],
  ])('exits 1 with the message for a broken input (%j)', async (args, message) => {
    const { code, stderr, stdout } = await run(
      ...args.map((arg) => (arg.startsWith('--') ? arg : fixture(arg))),
    );
    expect(code).toBe(1);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  it.each([
    [[]],
    [['--users']],
    [['--users', 'a.csv', '--bogus']],
    [['--users', 'a.csv', '--users', 'b.json']],
    [['--users', fixture('entra-download-users.csv'), '--scope', fixture('scope-us-sales.json')]],
  ])('throws UsageError (exit 2) for %j', async (args) => {
    await expect(run(...args)).rejects.toBeInstanceOf(UsageError);
  });
});
