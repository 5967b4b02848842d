import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../main/cli/command';
import { runDryRunCli } from './run-dry-run-cli';
import { generateSyntheticTenant, toAssignmentsCsv, toDownloadUsersCsv } from '../../shared/source-data';

let dir: string;
let usersFile: string;
let assignmentsFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dry-run-cli-'));
  const tenant = generateSyntheticTenant({ users: 30, seed: 3 });
  usersFile = join(dir, 'users.csv');
  assignmentsFile = join(dir, 'assignments.csv');
  await writeFile(usersFile, toDownloadUsersCsv(tenant.users));
  await writeFile(assignmentsFile, toAssignmentsCsv(tenant.assignments));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = runDryRunCli;

describe('npm run cli -- dry-run', () => {
  it('runs cycles against a fresh mock and prints a JSON summary', async () => {
    const { code, out } = await run([
      '--users',
      usersFile,
      '--assignments',
      assignmentsFile,
      '--cycles',
      '2',
      '--json',
    ]);
    const summary = JSON.parse(out);
    expect(summary.target).toBe('mock');
    expect(summary.cycles).toHaveLength(2);
    const [first, second] = summary.cycles;
    expect(first.counts.Create.Success + first.counts.Create.Skipped + first.counts.Other.Skipped).toBe(
      first.inScope,
    );
    expect(first.counts.Create.Failure).toBe(0);
    expect(second.requests).toBe(0);
    expect(summary.requests).toBe(first.requests);
    expect(typeof summary.durationMs).toBe('number');
    expect(code).toBe(0);
  });

  it('exits 1 when the mock injects failures, and prints them as text', async () => {
    const { code, out } = await run(['--users', usersFile, '--faults', '409@create', '--max-users', '3']);
    expect(code).toBe(1);
    expect(out).toMatch(/Create Failure 3/);
    expect(out).toMatch(/EntryConflict/);
    expect(out).toMatch(/Start small: \d+ users not processed/);
  });

  it('refuses a live target without the typed host confirmation or a token', async () => {
    await expect(run(['--users', usersFile, '--target', 'https://jostle.example/scim2'])).rejects.toThrow(
      /--confirm-host jostle\.example/,
    );
    await expect(
      run([
        '--users',
        usersFile,
        '--target',
        'https://jostle.example/scim2',
        '--confirm-host',
        'jostle.example',
        '--token-env',
        'NOPE',
      ]),
    ).rejects.toThrow(UsageError);
    await expect(
      run(['--users', usersFile, '--target', 'https://jostle.example/scim2', '--faults', '500']),
    ).rejects.toThrow(/mock/);
    await expect(run(['--users', usersFile, '--dialect', 'other'])).rejects.toThrow(UsageError);
    await expect(run(['--assignments', assignmentsFile])).rejects.toThrow(/--users/);
  });

  it('exits 1 with a message for a missing input file', async () => {
    const { code, err } = await run(['--users', join(dir, 'missing.csv')]);
    expect(code).toBe(1);
    expect(err).toMatch(/Cannot read/);
  });
});
