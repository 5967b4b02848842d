import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../../main/cli/command';
import { probeCommand } from '../../main/cli/commands/probe';
import { startMockJostle, type FaultSpec, type MockJostle } from '../../main/mock-jostle';

const mocks: MockJostle[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((mock) => mock.close()));
});

async function mock(faults: FaultSpec[] = []): Promise<MockJostle> {
  const started = await startMockJostle({ seedUsers: 2, faults });
  mocks.push(started);
  return started;
}

function io(env: NodeJS.ProcessEnv = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env: { JPA_KEYCHAIN_SERVICE: `jpa-probe-test-${process.pid}`, ...env },
    stdin: new PassThrough(),
  };
}

const run = (args: string[], cliIo: CliIo) => probeCommand.run(args, cliIo, new AbortController().signal);

describe('npm run cli -- probe', () => {
  it('exit 0 and a readable table when nothing fails', async () => {
    const server = await mock();
    const output = io({ JOSTLE_KEY: server.token });
    expect(await run(['--url', server.baseUrl, '--token-env', 'JOSTLE_KEY', '--write'], output)).toBe(0);
    const text = output.out.join('\n');
    expect(text).toMatch(/PASS {2}test-connection/);
    expect(text).toMatch(/PASS {2}write-delete/);
    expect(text).toMatch(/21 passed, 0 warned, 0 failed, 0 skipped/);
    expect(text).not.toContain(server.token);
  });

  it('exit 1 with the remedy when a probe fails; --json prints the report', async () => {
    const server = await mock([{ kind: 'unauthorized', endpoint: 'all' }]);
    const output = io({ JOSTLE_KEY: server.token });
    expect(await run(['--url', server.baseUrl, '--token-env', 'JOSTLE_KEY', '--json'], output)).toBe(1);
    const report = JSON.parse(output.out.join('\n'));
    expect(report.ok).toBe(false);
    expect(report.probes.find((probe: { id: string }) => probe.id === 'test-connection')).toMatchObject({
      finding: 'unauthorized',
    });
    expect(output.out.join('\n')).not.toContain(server.token);

    const human = io({ JOSTLE_KEY: server.token });
    expect(await run(['--url', server.baseUrl, '--token-env', 'JOSTLE_KEY'], human)).toBe(1);
    expect(human.out.join('\n')).toMatch(/FAIL {2}test-connection[\s\S]*Fix: Jostle refused the API key/);
  });

  it.each([
    [[], /--url is required/],
    [['--url', 'nonsense'], /not a URL/],
    [['--url', 'http://127.0.0.1:1/scim2', '--token-env', 'MISSING'], /MISSING is not set/],
    [
      ['--url', 'https://api-prod.jostle.us/scim2', '--token-env', 'K', '--write'],
      /--confirm-host api-prod\.jostle\.us/,
    ],
    [['--url', 'http://127.0.0.1:1/scim2', '--bogus'], /Unknown option/],
    [['--url', 'http://127.0.0.1:1/scim2', '--timeout', '-1'], /--timeout/],
  ])('bad usage %j → UsageError (exit 2)', async (args, message) => {
    await expect(run(args, io({ K: 'x' }))).rejects.toThrow(UsageError);
    await expect(run(args, io({ K: 'x' }))).rejects.toThrow(message);
  });

  it('without --token-env and without a saved key: a usage error, no traffic', async () => {
    const server = await mock();
    await expect(run(['--url', server.baseUrl], io())).rejects.toThrow(/No API key|saved API key belongs/);
    expect(server.requestLog()).toHaveLength(0);
  });
});
