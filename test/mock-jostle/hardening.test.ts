/**
 * Mock Jostle hardening: RFC 7644 string escapes in filters, bounded PATCH work, SCIM Error bodies for what
 * Node's HTTP layer rejects, and drain-then-save on SIGTERM (a real `cli mock --save` process).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';
import { CORE, ERROR, PATCH_OP, startClient, type Client } from './helpers';

let client: Client;
beforeAll(async () => {
  client = await startClient();
});
afterAll(async () => {
  await client.mock.close();
});

const user = (userName: string) => ({
  schemas: [CORE],
  userName,
  active: true,
  name: { givenName: 'A', familyName: 'B' },
});
const filterFor = (value: string) =>
  `/Users?filter=${encodeURIComponent(`userName eq ${JSON.stringify(value)}`)}`;

function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
    socket.write(request);
  });
}

describe('filters decode RFC 7644 string escapes', () => {
  for (const name of [
    'quote"inside@example.com',
    'back\\slash@example.com',
    'both\\"mixed@example.com',
    'café/é@example.com',
  ]) {
    it(`finds a user named ${name}`, async () => {
      const created = await client.call('POST', '/Users', user(name));
      expect(created.status).toBe(201);
      const found = await client.call('GET', filterFor(name));
      expect(found.status).toBe(200);
      expect(found.body.totalResults).toBe(1);
      expect(found.body.Resources[0].userName).toBe(name);
    });
  }

  it('\\u escapes and \\/ decode too; a bad escape is invalidFilter', async () => {
    const found = await client.call(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "caf\\u00e9\\/\\u00e9@example.com"')}`,
    );
    expect(found.body.totalResults).toBe(1);
    const bad = await client.call('GET', `/Users?filter=${encodeURIComponent('userName eq "bad\\xescape"')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.scimType).toBe('invalidFilter');
  });
});

describe('PATCH work is bounded', () => {
  it('a 63 KB dotted path is refused at once, and the server keeps answering', async () => {
    const created = await client.call('POST', '/Users', user('patch-bound@example.com'));
    const path = `emails[${'a.'.repeat(31_000)}b eq "x"].value`;
    const started = Date.now();
    const answer = await client.call('PATCH', `/Users/${created.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path, value: 'x' }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.scimType).toBe('invalidPath');
    // Generous: unbounded, this request held the event loop for seconds.
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await client.call('GET', `/Users/${created.body.id}`)).status).toBe(200);
  });
});

describe('errors from Node’s HTTP layer carry a SCIM Error body', () => {
  const port = () => Number(new URL(client.mock.baseUrl).port);

  it('broken chunked encoding: 400 with an RFC 7644 Error', async () => {
    const text = await rawExchange(
      port(),
      `POST /scim2/Users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${client.mock.token}\r\nTransfer-Encoding: chunked\r\nContent-Type: application/scim+json\r\n\r\nZZZ\r\n`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    expect(text).toContain('application/scim+json');
    const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ schemas: [ERROR], status: '400' });
  });

  it('an over-long URL: 431 with an RFC 7644 Error', async () => {
    const text = await rawExchange(
      port(),
      `GET /scim2/Users?x=${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 431/);
    const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ schemas: [ERROR], status: '431' });
  });
});

describe('cli mock --save on SIGTERM', () => {
  it('stops accepting, drains, then saves: every user answered 201 is in the snapshot', async () => {
    const dir = tempDir('jpa-mock-save-');
    const file = join(dir.path, 'snapshot.json');
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'main/cli/index.ts',
        'mock',
        '--quiet',
        '--save',
        file,
        '--faults',
        'latency@create:300',
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [baseUrl, token] = await new Promise<string[]>((resolve, reject) => {
      child.once('exit', (exitCode) => reject(new Error(`mock exited early (${exitCode}): ${stderr}`)));
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const lines = out.split('\n');
        if (lines.length >= 3) resolve(lines.slice(0, 2));
      });
    });
    const acknowledged: string[] = [];
    const creates = Array.from({ length: 40 }, async (_, index) => {
      const userName = `drain-${index}@example.com`;
      try {
        const answer = await fetch(`${baseUrl}/Users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
          body: JSON.stringify(user(userName)),
        });
        if (answer.status === 201) acknowledged.push(userName);
      } catch {
        // Refused once the mock stopped accepting: not acknowledged, so not expected in the snapshot.
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    await Promise.all(creates);
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(0);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { users: Array<{ userName: string }> };
    const names = new Set(saved.users.map((entry) => entry.userName));
    expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
    expect(stderr).toMatch(/Saved \d+ users/);
    dir.remove();
  }, 60_000);
});
