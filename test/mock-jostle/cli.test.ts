import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mockCommand } from '../../main/cli/commands/mock';
import { UsageError } from '../../main/cli/command';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (line: string) => out.push(line),
      stderr: (line: string) => err.push(line),
      env: {},
      stdin: new PassThrough(),
    },
  };
}

async function waitForLines(lines: string[], count: number): Promise<void> {
  for (let attempt = 0; attempt < 500 && lines.length < count; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('npm run cli -- mock', () => {
  it('prints the Base URL then the token, serves requests, logs them to stderr, and exits 0 on abort', async () => {
    const { out, err, io: cliIo } = io();
    const controller = new AbortController();
    const running = mockCommand.run(
      ['--token', 'cli-token', '--seed-users', '3', '--faults', 'latency@filter:1'],
      cliIo,
      controller.signal,
    );
    await waitForLines(out, 2);
    expect(out[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim2$/);
    expect(out[1]).toBe('cli-token');
    const reply = await fetch(`${out[0]}/Users?count=0`, { headers: { Authorization: 'Bearer cli-token' } });
    expect(((await reply.json()) as { totalResults: number }).totalResults).toBe(3);
    await waitForLines(err, 2);
    expect(err.join('\n')).toMatch(/200 GET \/scim2\/Users\?count=0/);
    expect(err.join('\n')).not.toContain('cli-token');
    controller.abort();
    expect(await running).toBe(0);
    await expect(fetch(`${out[0]}/Users`)).rejects.toThrow();
  });

  it.each([
    [['--port', 'abc']],
    [['--seed-users', '-1']],
    [['--faults', 'bogus']],
    [['--frobnicate']],
    [['extra']],
    [['--token', 'has space']],
  ])('throws UsageError for %j', async (args) => {
    const { io: cliIo } = io();
    await expect(mockCommand.run(args, cliIo, new AbortController().signal)).rejects.toBeInstanceOf(
      UsageError,
    );
  });

  it('prints usage for --help', async () => {
    const { out, io: cliIo } = io();
    expect(await mockCommand.run(['--help'], cliIo, new AbortController().signal)).toBe(0);
    expect(out.join('\n')).toContain('--faults SPEC');
  });
});
