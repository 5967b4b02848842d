import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/command';

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    env: {},
    stdin: Readable.from([]),
  };
}

describe('cli', () => {
  it('prints usage and exits 2 without a command, 0 for --help', async () => {
    const none = capture();
    expect(await runCli([], none, new AbortController().signal)).toBe(2);
    expect(none.out.join('\n')).toMatch(/Usage: npm run cli/);
    const help = capture();
    expect(await runCli(['--help'], help, new AbortController().signal)).toBe(0);
  });

  it('exits 2 for an unknown command, naming it', async () => {
    const io = capture();
    expect(await runCli(['frobnicate'], io, new AbortController().signal)).toBe(2);
    expect(io.err.join('\n')).toContain('frobnicate');
  });
});
