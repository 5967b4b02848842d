import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RequestLog, redactText } from '../../main/mock-jostle/request-log';
import { createUser, entraCreateBody, startClient, type Client } from './helpers';

let client: Client;
let dir: string;
beforeAll(async () => {
  client = await startClient({ logCapacity: 5 });
  dir = await mkdtemp(join(tmpdir(), 'mock-jostle-'));
});
afterAll(async () => {
  await client.mock.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => client.mock.reset());

describe('request log', () => {
  it('is a bounded ring buffer, oldest first', async () => {
    for (let i = 0; i < 8; i += 1) await client.call('GET', `/Users?count=${i}`);
    const log = client.mock.requestLog();
    expect(log.map((entry) => entry.path)).toEqual([3, 4, 5, 6, 7].map((i) => `/scim2/Users?count=${i}`));
    expect(log.every((entry, index) => index === 0 || entry.id === (log[index - 1]?.id ?? 0) + 1)).toBe(true);
  });

  it('records method, path, status, duration and bodies, never the token, with secrets redacted', async () => {
    await client.call('POST', '/Users', { ...entraCreateBody('log@example.com'), password: 'hunter2' });
    const [entry] = client.mock.requestLog();
    expect(entry).toMatchObject({ method: 'POST', path: '/scim2/Users', status: 201 });
    expect(entry?.durationMs).toBeGreaterThanOrEqual(0);
    expect(entry?.requestBody).toMatchObject({ userName: 'log@example.com', password: '[redacted]' });
    expect(entry?.responseBody).toMatchObject({ userName: 'log@example.com' });
    const serialized = JSON.stringify(client.mock.requestLog());
    expect(serialized).not.toContain(client.mock.token);
    expect(serialized).not.toContain('hunter2');
  });

  it('truncates large bodies into a redacted preview', () => {
    const log = new RequestLog(2);
    const big = JSON.stringify({ password: 'p4ss', title: 'x'.repeat(10_000) });
    log.add({ atMs: 0, method: 'POST', path: '/', status: 400, durationMs: 1, requestText: big });
    const body = log.entries()[0]?.requestBody as { truncated: boolean; preview: string };
    expect(body.truncated).toBe(true);
    expect(body.preview.length).toBeLessThan(4200); // 4096 characters, plus what redaction adds
    expect(body.preview).not.toContain('p4ss');
    expect(redactText('{"accessToken": "abc", "x": 1}')).toBe('{"accessToken": "[redacted]", "x": 1}');
  });

  it('clearLog and reset empty it', async () => {
    await createUser(client, 'a@example.com');
    client.mock.clearLog();
    expect(client.mock.requestLog()).toEqual([]);
    expect(client.mock.userCount()).toBe(1);
    client.mock.reset();
    expect(client.mock.userCount()).toBe(0);
  });
});

describe('snapshots and synthetic users', () => {
  it('saves and loads users with ids, data and meta intact', async () => {
    client.mock.generateUsers(25);
    const id = await createUser(client, 'snap@example.com');
    const before = (await client.call('GET', `/Users/${id}`)).body;
    const file = join(dir, 'users.json');
    await client.mock.saveSnapshot(file);
    client.mock.reset();
    await client.mock.loadSnapshot(file);
    expect(client.mock.userCount()).toBe(26);
    expect((await client.call('GET', `/Users/${id}`)).body).toEqual(before);
    expect(JSON.parse(await readFile(file, 'utf8')).users).toHaveLength(26);
  });

  it('refuses an invalid snapshot and leaves the users as they were', async () => {
    await createUser(client, 'keep@example.com');
    const file = join(dir, 'bad.json');
    const users = [{ id: '1', userName: 'x', name: { givenName: 'a' } }];
    await writeFile(file, JSON.stringify({ format: 'jostle-mock-snapshot', version: 1, savedAt: '', users }));
    await expect(client.mock.loadSnapshot(file)).rejects.toThrow(/name.familyName/);
    await writeFile(file, '{"nope":true}');
    await expect(client.mock.loadSnapshot(file)).rejects.toThrow(/not a mock Jostle snapshot/);
    expect(client.mock.findUserByUserName('keep@example.com')).toBeDefined();
  });

  it('generates unique, valid synthetic users across repeated calls', async () => {
    client.mock.generateUsers(40);
    client.mock.generateUsers(40);
    expect(client.mock.userCount()).toBe(80);
    const page = (await client.call('GET', '/Users?count=80')).body;
    expect(
      new Set(page.Resources.map((user: { userName: string }) => user.userName.toLowerCase())).size,
    ).toBe(80);
    const first = page.Resources[0];
    const found = await client.call(
      'GET',
      `/Users?filter=${encodeURIComponent(`userName eq "${first.userName}"`)}`,
    );
    expect(found.body.Resources[0].id).toBe(first.id);
  });
});
