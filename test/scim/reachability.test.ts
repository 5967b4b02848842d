/**
 * A dry run against a dead, hanging or trickling live server says so within seconds: the reachability check
 * (main/scim/reachability.ts) runs before any user, through the real CLI dry-run against loopback servers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/command';
import { dryRunCommand } from '../../main/cli/commands/dry-run';
import { checkReachable } from '../../main/scim/reachability';
import { generateSyntheticTenant, toDownloadUsersCsv } from '../../shared/source-data';
import { byteASecond, neverAnswers, startHttpServer, type LocalServer } from './hostile-servers';

const TOKEN = 'reachability-token-0123456789';
let dir: string;
let usersFile: string;
let server: LocalServer | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jpa-reach-'));
  usersFile = join(dir, 'users.csv');
  await writeFile(usersFile, toDownloadUsersCsv(generateSyntheticTenant({ users: 20, seed: 5 }).users));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function dryRun(target: string) {
  const err: string[] = [];
  const io: CliIo = {
    stdout: () => {},
    stderr: (line) => err.push(line),
    env: { KEY: TOKEN },
    stdin: process.stdin,
  };
  const started = Date.now();
  const code = await dryRunCommand
    .run(['--users', usersFile, '--target', target, '--token-env', 'KEY'], io, new AbortController().signal)
    .catch((error: Error) => {
      err.push(error.message);
      return 1;
    });
  return { code, err: err.join('\n'), elapsed: Date.now() - started };
}

describe('reachability before a dry run', () => {
  it('checkReachable names a dead port, a hanging server and a trickling one within its deadline', async () => {
    const dead = await checkReachable(
      { baseUrl: `http://127.0.0.1:${await deadPort()}/scim2`, token: TOKEN, env: {} },
      1000,
    );
    expect(dead).toMatchObject({ ok: false, kind: 'refused' });

    server = await startHttpServer(neverAnswers);
    const started = Date.now();
    const hanging = await checkReachable({ baseUrl: server.url, token: TOKEN, env: {} }, 1000);
    expect(hanging).toMatchObject({ ok: false, kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2500);
    await server.close();

    server = await startHttpServer(byteASecond());
    const trickling = await checkReachable({ baseUrl: server.url, token: TOKEN, env: {} }, 1000);
    expect(trickling).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('an answering server passes, whatever status it answers with', async () => {
    server = await startHttpServer((_request, response) => {
      response.writeHead(429, { 'retry-after': '30' });
      response.end();
    });
    expect(await checkReachable({ baseUrl: server.url, token: TOKEN, env: {} }, 1000)).toMatchObject({
      ok: true,
      status: 429,
    });
  });

  it('cli dry-run against a hanging live server fails in seconds, saying nothing was sent', async () => {
    server = await startHttpServer(neverAnswers);
    const { code, err, elapsed } = await dryRun(server.url);
    expect(code).not.toBe(0);
    expect(err).toMatch(/did not answer a first test request[\s\S]*nothing was sent/);
    expect(elapsed).toBeLessThan(15_000);
    // Only the one check reached the server: no user was processed.
    expect(server.seen).toHaveLength(1);
  }, 30_000);

  it('a 429 with Retry-After is named in the dry run’s results', async () => {
    const out: string[] = [];
    const io: CliIo = { stdout: (line) => out.push(line), stderr: () => {}, env: {}, stdin: process.stdin };
    await dryRunCommand.run(
      ['--users', usersFile, '--faults', '429@create:120'],
      io,
      new AbortController().signal,
    );
    expect(out.join('\n')).toMatch(/HTTP 429; Retry-After: 120/);
  }, 30_000);
});
