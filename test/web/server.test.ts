import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createHandlers } from '../../main/api/handlers';
import { startWebServer, type RunningWebServer } from '../../main/web/server';
import { createTestContext, type TestContext } from '../support/context';
import { tempDir } from '../support/temp';

let test: TestContext;
let server: RunningWebServer;
const staticDir = tempDir('jpa-static-');

beforeAll(async () => {
  test = await createTestContext();
  mkdirSync(join(staticDir.path, 'assets'));
  writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(staticDir.path, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ handlers: createHandlers(test.context), staticDir: staticDir.path });
});
afterAll(async () => {
  await server.close();
  await test.cleanup();
  staticDir.remove();
});

const api = (channel: string, init: { headers?: Record<string, string>; body?: string } = {}) =>
  request(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...init.headers },
    body: init.body ?? '{}',
  });

describe('browser-mode server', () => {
  it('listens on loopback only and prints an address with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('requires the token on every request, pages and API alike', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      const response = await request(`${server.origin}${path}`);
      expect(response.statusCode).toBe(401);
      await response.body.dump();
    }
    const api401 = await request(`${server.origin}/api/getSettings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api401.statusCode).toBe(401);
    await api401.body.dump();
    const wrong = await api('getSettings', { headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.statusCode).toBe(401);
    await wrong.body.dump();
  });

  it('swaps the token in the address for an HttpOnly SameSite=Strict cookie', async () => {
    const response = await request(server.url);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    await response.body.dump();
    const page = await request(`${server.origin}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(await page.body.text()).toContain('<title>ok</title>');
  });

  it('refuses a wrong token in the address', async () => {
    const response = await request(`${server.origin}/?token=guess`);
    expect(response.statusCode).toBe(401);
    await response.body.dump();
  });

  it('refuses foreign Host headers (DNS rebinding)', async () => {
    const response = await request(`${server.origin}/api/getSettings`, {
      method: 'POST',
      headers: {
        host: `evil.example:${server.port}`,
        'content-type': 'application/json',
        authorization: `Bearer ${server.token}`,
      },
      body: '{}',
    });
    expect(response.statusCode).toBe(403);
    await response.body.dump();
  });

  it('refuses cross-origin API calls and non-JSON bodies', async () => {
    const crossSite = await api('getSettings', { headers: { origin: 'https://evil.example' } });
    expect(crossSite.statusCode).toBe(403);
    await crossSite.body.dump();
    const form = await api('getSettings', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(415);
    await form.body.dump();
  });

  it('answers API calls through the shared dispatcher, with clear errors', async () => {
    const ok = await api('getSettings', { headers: { origin: server.origin } });
    expect(ok.statusCode).toBe(200);
    expect(await ok.body.json()).toMatchObject({ ok: true, value: { currentStep: 'plan' } });
    const broken = await api('getSettings', { body: '{oops' });
    expect(await broken.body.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/JSON/) },
    });
    const unknown = await api('nope');
    expect(await unknown.body.json()).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses oversized API bodies', async () => {
    const small = await startWebServer({
      handlers: createHandlers(test.context),
      staticDir: staticDir.path,
      maxBodyBytes: 1024,
    });
    try {
      const response = await request(`${small.origin}/api/getSettings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${small.token}` },
        body: JSON.stringify({ padding: 'x'.repeat(2048) }),
      });
      expect(response.statusCode).toBe(413);
      await response.body.dump();
    } finally {
      await small.close();
    }
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fsecret']) {
      const response = await request(`${server.origin}${path}`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      expect(response.statusCode).toBe(404);
      await response.body.dump();
    }
  });
});
