/**
 * A hostile server that echoes the Authorization header back in every encoding it can think of, in the
 * body and in headers. No form of the key may survive in probe JSON, the CLI's output or stored results.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/command';
import { Redactor } from '../../main/logging/redactor';
import { runProbes } from '../../main/probes';
import { generateSyntheticTenant, toDownloadUsersCsv } from '../../shared/source-data';
import { startHttpServer, type LocalServer } from '../scim/hostile-servers';

const KEY = 'k3y/With+Special=Chars~0123456789abcdefXYZ';

/** Every encoding of `text` a hostile echo might use. */
function encodings(text: string): string[] {
  const jsonEscaped = JSON.stringify(text).slice(1, -1);
  return [
    text,
    Buffer.from(text).toString('base64'),
    Buffer.from(text).toString('base64url'),
    Buffer.from(`Bearer ${text}`).toString('base64'),
    Buffer.from(`x${text}`).toString('base64url'),
    encodeURIComponent(text),
    encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    new URLSearchParams({ k: text }).toString().slice(2),
    jsonEscaped.replace(/\//g, '\\/'),
    jsonEscaped.replace(/\+/g, '\\u002B'),
    jsonEscaped.replace(/\+/g, '\\u002b').replace(/\//g, '\\/'),
  ];
}

/** Fragments that must not appear: the key's long middle part, and the long middles of its encodings. */
function leaks(output: string): string[] {
  return [KEY, 'Special=Chars~0123456789', ...encodings(KEY).map((form) => form.slice(4, -4))].filter(
    (fragment) => output.includes(fragment),
  );
}

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function echoingServer(): Promise<LocalServer> {
  return startHttpServer((request, response) => {
    const auth = request.headers.authorization ?? '';
    const key = auth.replace(/^Bearer /, '');
    const forms = encodings(key);
    // Raw JSON text with the JSON-escaped forms, so they reach the client exactly as written here.
    const body = `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"500","detail":"you sent ${auth}","echo":[${forms
      .map((form) => `"${form.replace(/"/g, '')}"`)
      .join(',')}],"${key}":"as a field name"}`;
    response.writeHead(500, {
      'content-type': 'application/scim+json',
      'retry-after': key,
      'x-echo': Buffer.from(auth).toString('base64'),
    });
    response.end(body);
  });
}

describe('a server that echoes the key back', () => {
  it('the Redactor removes every encoding', () => {
    const redactor = new Redactor();
    redactor.addSecret(KEY);
    for (const form of encodings(KEY)) {
      const out = redactor.text(`before ${form} after`);
      expect(out, form).toContain('[redacted]');
      expect(leaks(out), form).toEqual([]);
    }
    const value = redactor.value({ [KEY]: [{ nested: `x${KEY}y` }], plain: 'kept' });
    expect(JSON.stringify(value)).not.toContain(KEY);
    expect(value).toMatchObject({ plain: 'kept' });
  });

  it('runProbes: nothing in the report (evidence, details, headers) carries the key', async () => {
    server = await echoingServer();
    const report = await runProbes({
      baseUrl: server.url,
      token: KEY,
      clientOptions: { env: {}, retry: { maxAttempts: 1 } },
    });
    const json = JSON.stringify(report);
    expect(server.seen.length).toBeGreaterThan(0);
    expect(leaks(json)).toEqual([]);
    expect(json).toContain('[redacted]');
    expect(report.ok).toBe(false);
  });

  it('cli probe --json: the printed report carries no form of the key', async () => {
    server = await echoingServer();
    const out: string[] = [];
    const io: CliIo = {
      stdout: (line) => out.push(line),
      stderr: (line) => out.push(line),
      env: { JOSTLE_KEY: KEY, JPA_KEYCHAIN_SERVICE: `jpa-echo-${process.pid}` },
      stdin: new PassThrough(),
    };
    const code = await runCli(
      ['probe', '--url', server.url, '--token-env', 'JOSTLE_KEY', '--json'],
      io,
      new AbortController().signal,
    );
    expect(code).toBe(1);
    const text = out.join('\n');
    JSON.parse(text);
    expect(leaks(text)).toEqual([]);
  });

  it('cli dry-run against the echoing server: error details carry no form of the key', async () => {
    server = await echoingServer();
    const dir = mkdtempSync(join(tmpdir(), 'jpa-echo-dry-'));
    const usersFile = join(dir, 'users.csv');
    writeFileSync(usersFile, toDownloadUsersCsv(generateSyntheticTenant({ users: 5, seed: 1 }).users));
    const out: string[] = [];
    const io: CliIo = {
      stdout: (line) => out.push(line),
      stderr: (line) => out.push(line),
      env: { JOSTLE_KEY: KEY },
      stdin: new PassThrough(),
    };
    await runCli(
      ['dry-run', '--users', usersFile, '--target', server.url, '--token-env', 'JOSTLE_KEY'],
      io,
      new AbortController().signal,
    );
    const text = out.join('\n');
    expect(text).toMatch(/HTTP 500/);
    expect(leaks(text)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('a Base URL with credentials is refused without echoing them', async () => {
    const out: string[] = [];
    const io: CliIo = {
      stdout: (line) => out.push(line),
      stderr: (line) => out.push(line),
      env: { JOSTLE_KEY: KEY },
      stdin: new PassThrough(),
    };
    const code = await runCli(
      [
        'probe',
        '--url',
        'https://admin:hunter2secret@example.invalid/scim2?access_token=tok3nvalue99',
        '--token-env',
        'JOSTLE_KEY',
        '--json',
      ],
      io,
      new AbortController().signal,
    );
    expect(code).toBe(1);
    const text = out.join('\n');
    expect(text).not.toContain('hunter2secret');
    expect(text).not.toContain('tok3nvalue99');
    expect(JSON.parse(text).probes[0]).toMatchObject({ id: 'setup', status: 'fail' });
  });
});
