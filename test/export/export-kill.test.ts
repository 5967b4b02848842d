/** `cli export --out` killed at random moments (SIGKILL, real processes) never leaves an empty or half file. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

const root = fileURLToPath(new URL('../..', import.meta.url));
const data = tempDir('jpa-export-kill-');
afterAll(() => data.remove());

function runExport(out: string, killAfterMs?: number): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'export', '--out', out], {
    cwd: root,
    env: { ...process.env, JPA_DATA_DIR: data.path, JPA_KEYCHAIN_SERVICE: `jpa-export-kill-${process.pid}` },
    stdio: 'ignore',
  });
  if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('cli export --out', () => {
  it('writes through a temporary file: after any kill the file is the old one or the complete new one', async () => {
    const out = join(data.path, 'support.json');
    writeFileSync(out, '{"previous":true}');
    for (const delay of [300, 600, 900, 1200, 1500]) {
      await runExport(out, delay);
      const text = readFileSync(out, 'utf8');
      expect(() => JSON.parse(text), `after a kill at ${delay} ms`).not.toThrow();
    }
    expect(await runExport(out)).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).not.toHaveProperty('previous');
    // Temporary files are dot-files next to the target; the target's own name only ever holds whole files.
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(data.path).filter((name) => name.startsWith('support.json'))).toEqual([
      'support.json',
    ]);
  }, 60_000);
});
