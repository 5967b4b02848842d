/** The key and export commands, in-process, against the real keychain and a throwaway data folder. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCommand } from '../../main/cli/commands/export';
import { keyCommand } from '../../main/cli/commands/key';
import { keyFingerprint } from '../../main/secrets/fingerprint';
import { readStoredApiKey } from '../../main/secrets';
import { tempDir, uniqueKeychainService } from '../support/temp';
import { filesUnder } from './helpers';
import { runCommand, stdinOf } from './cli-helpers';

const KEY = 'jpa-cli-test-key-0a9b8c7d6e5f4a3b';
const URL = 'https://acme.jostle.us/scim2';
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = tempDir();
  env = { ...process.env, JPA_DATA_DIR: dir.path, JPA_KEYCHAIN_SERVICE: uniqueKeychainService() };
});
afterEach(async () => {
  await runCommand(keyCommand, ['forget'], env);
  dir.remove();
});

const everything = (run: { out: string[]; err: string[] }) => [...run.out, ...run.err].join('\n');

describe('key set', () => {
  it('reads the key from standard input and saves it through the app’s own checks', async () => {
    const run = await runCommand(keyCommand, ['set', '--url', `${URL}/`], env, stdinOf(`${KEY}\n`));
    expect(run.code).toBe(0);
    expect(everything(run)).toContain(keyFingerprint(KEY));
    expect(everything(run)).not.toContain(KEY);
    expect(await readStoredApiKey(env)).toMatchObject({ baseUrl: URL, apiKey: KEY });
    for (const file of filesUnder(dir.path)) expect(readFileSync(file, 'utf8')).not.toContain(KEY);
  });

  it('refuses a key given as an argument or option, without repeating it', async () => {
    for (const args of [
      ['set', '--url', URL, KEY],
      ['set', '--url', URL, '--key', KEY],
      ['set', '--url', URL, `--api-key=${KEY}`],
      ['set', '--url', URL, '--token', KEY],
      ['set', KEY],
    ]) {
      const run = await runCommand(keyCommand, args, env, stdinOf(KEY));
      expect(run.code, args.join(' ')).toBe(2);
      expect(everything(run)).toMatch(/never accepted as an argument/);
      expect(everything(run)).not.toContain(KEY);
    }
    expect(await readStoredApiKey(env)).toBeNull();
  });

  it('explains what is wrong with the key or URL, and saves nothing', async () => {
    const short = await runCommand(keyCommand, ['set', '--url', URL], env, stdinOf('short'));
    expect(short.code).toBe(1);
    expect(everything(short)).toMatch(/too short/);
    const http = await runCommand(
      keyCommand,
      ['set', '--url', 'http://acme.jostle.us/scim2'],
      env,
      stdinOf(KEY),
    );
    expect(http.code).toBe(1);
    expect(everything(http)).toMatch(/https/);
    const empty = await runCommand(keyCommand, ['set', '--url', URL], env, stdinOf(''));
    expect(empty.code).toBe(2);
    expect(everything(empty)).toMatch(/No API key on standard input/);
    const noUrl = await runCommand(keyCommand, ['set'], env, stdinOf(KEY));
    expect(noUrl.code).toBe(2);
    expect(await readStoredApiKey(env)).toBeNull();
  });
});

describe('key status and forget', () => {
  it('shows saved, fingerprint, date and storage, never the key; forget removes it', async () => {
    const none = await runCommand(keyCommand, ['status'], env);
    expect(none.code).toBe(1);
    expect(everything(none)).toMatch(/API key:\s+not saved/);

    await runCommand(keyCommand, ['set', '--url', URL], env, stdinOf(KEY));
    const text = await runCommand(keyCommand, ['status'], env);
    expect(text.code).toBe(0);
    expect(everything(text)).toMatch(/API key:\s+saved/);
    expect(everything(text)).toContain(keyFingerprint(KEY));
    expect(everything(text)).toMatch(/Saved:\s+\d{4}-\d\d-\d\dT/);
    expect(everything(text)).toMatch(/Storage:\s+OS keychain/);
    const json = await runCommand(keyCommand, ['status', '--json'], env);
    expect(JSON.parse(json.out.join('\n'))).toMatchObject({
      baseUrl: URL,
      key: { saved: true, fingerprint: keyFingerprint(KEY) },
    });
    for (const run of [text, json]) expect(everything(run)).not.toContain(KEY);

    const forgot = await runCommand(keyCommand, ['forget'], env);
    expect(forgot.code).toBe(0);
    expect(everything(forgot)).toContain(keyFingerprint(KEY));
    expect(await readStoredApiKey(env)).toBeNull();
    expect(everything(await runCommand(keyCommand, ['forget'], env))).toMatch(/nothing to forget/);
  });

  it('exits 2 for a missing or unknown action', async () => {
    expect((await runCommand(keyCommand, [], env)).code).toBe(2);
    expect((await runCommand(keyCommand, ['show'], env)).code).toBe(2);
  });
});

describe('export', () => {
  it('writes the format the extension names, without the key', async () => {
    await runCommand(keyCommand, ['set', '--url', URL], env, stdinOf(KEY));
    for (const [name, marker] of [
      ['summary.md', '# Jostle Provisioning Assistant'],
      ['summary.json', '"kind": "jostle-provisioning-assistant/support-export"'],
      ['summary.HTML', '<!doctype html>'],
    ] as const) {
      const out = join(dir.path, 'out', name);
      await runCommand(exportCommand, ['--out', join(dir.path, name)], env);
      const run = await runCommand(exportCommand, ['--out', out], env);
      expect(run.code, everything(run)).toBe(1);
      expect(existsSync(out)).toBe(false);
      const content = readFileSync(join(dir.path, name), 'utf8');
      expect(content).toContain(marker);
      expect(content).toContain(keyFingerprint(KEY));
      expect(content).not.toContain(KEY);
    }
  });

  it('exits 2 for a missing --out or an extension it does not write', async () => {
    const none = await runCommand(exportCommand, [], env);
    expect(none.code).toBe(2);
    const pdf = await runCommand(exportCommand, ['--out', join(dir.path, 'summary.pdf')], env);
    expect(pdf.code).toBe(2);
    expect(everything(pdf)).toMatch(/\.md, \.json or \.html, not \.pdf/);
    expect((await runCommand(exportCommand, ['--out', 'x.md', '--bogus'], env)).code).toBe(2);
  });

  it('includes imported users only with --include-user-data', async () => {
    const out = join(dir.path, 'with-users.json');
    const run = await runCommand(exportCommand, ['--out', out, '--include-user-data'], env);
    expect(run.code).toBe(0);
    expect(everything(run)).toMatch(/included, as you asked/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ importedData: { userDataIncluded: true } });
  });
});
