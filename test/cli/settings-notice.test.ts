/** The CLI says so when it moved an unreadable settings file aside, once, in the run that moved it. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/command';
import { runCli } from '../../main/cli/index';
import { tempDir } from '../support/temp';

const data = tempDir('jpa-cli-settings-');
afterAll(() => data.remove());

function io(): CliIo & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => {},
    stderr: (line) => err.push(line),
    env: { ...process.env, JPA_DATA_DIR: data.path, JPA_KEYCHAIN_SERVICE: `jpa-cli-settings-${process.pid}` },
    stdin: new PassThrough(),
  };
}

describe('cli and an unreadable settings file', () => {
  it('tells the user where the file went, and only in the run that moved it', async () => {
    writeFileSync(join(data.path, 'settings.json'), '{ this is not json');
    const first = io();
    const out = join(data.path, 'support.md');
    expect(await runCli(['export', '--out', out], first, new AbortController().signal)).toBe(0);
    expect(first.err.join('\n')).toMatch(/settings file could not be read[\s\S]*moved to/);
    expect(readdirSync(data.path).some((name) => name.startsWith('settings.unreadable-'))).toBe(true);
    expect(existsSync(out)).toBe(true);

    const second = io();
    expect(await runCli(['export', '--out', out], second, new AbortController().signal)).toBe(0);
    expect(second.err.join('\n')).not.toMatch(/could not be read/);
  });
});
