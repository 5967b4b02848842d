/**
 * Diagnostics > Network's proxy sign-in, end to end in a Node mode: the real handlers over a real context
 * (conf settings, the real keychain), HTTPS_PROXY pointing at a real forward proxy on loopback that demands
 * Basic sign-in, and the real mock Jostle behind a TLS front. The proxy password must reach the proxy and
 * nothing else: no API answer, settings file, log line or support export holds it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import type { HandlerTable } from '../../main/api/handlers';
import { createAppContext, type AppContext } from '../../main/app/context';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import { proxyCredentialVault } from '../../main/network';
import { confBacking } from '../../main/settings/node-backing';
import type { ApiEnvelope } from '../../shared/api/errors';
import { callExport, filesUnder, handlersFor, type ExportTable } from '../export/helpers';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy';
import { tempDir, uniqueKeychainService } from '../support/temp';
import { makeTestPki, startTlsFront, type TestPki } from './pki';

const HOST = 'jostle.test';
const USER = 'svc-provisioning';
const PASSWORD = 'Pr0xy-secret-7b1f4c2a9d';
const FORMS = [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64'), encodeURIComponent(PASSWORD)];

let pki: TestPki;
let mock: MockJostle;
let front: { port: number; close(): Promise<void> };
let proxy: ForwardProxy;
let dir: ReturnType<typeof tempDir>;
let context: AppContext;
let handlers: ExportTable;
const seen: Array<[string, string]> = [];

async function call(channel: string, payload: unknown = {}): Promise<ApiEnvelope<unknown>> {
  const answer =
    channel === 'exportSummary'
      ? await callExport(handlers, payload)
      : await dispatch(handlers as HandlerTable, channel, payload, context.logger);
  seen.push([`API ${channel}`, JSON.stringify(answer)]);
  return answer;
}
async function value<T>(channel: string, payload: unknown = {}): Promise<T> {
  const answer = await call(channel, payload);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
}

interface RouteCheck {
  route: string;
  outcome: string;
  status: number | null;
  message: string;
  proxyAnswer: { proxy: string; status: number; schemes: string[] } | null;
}

beforeAll(async () => {
  pki = makeTestPki('JPA Proxy Root', [HOST]);
  mock = await startMockJostle({ seedUsers: 2 });
  front = await startTlsFront(pki, Number(new URL(mock.baseUrl).port));
  proxy = await startForwardProxy({
    auth: { scheme: 'Basic', username: USER, password: PASSWORD },
    route: (host, port) => (host === HOST ? { host: '127.0.0.1', port: front.port } : { host, port }),
  });
  dir = tempDir();
  const env = {
    JPA_KEYCHAIN_SERVICE: uniqueKeychainService(),
    HTTPS_PROXY: proxy.url,
    PATH: process.env.PATH,
  };
  context = await createAppContext({
    transport: 'browser',
    dataDir: dir.path,
    env,
    settingsBacking: confBacking,
    network: { caFile: pki.caFile, timeouts: { connectMs: 3000, headersMs: 5000, bodyMs: 5000 } },
  });
  handlers = handlersFor(context);
  await value('saveConnection', {
    baseUrl: `https://${HOST}${new URL(mock.baseUrl).pathname}`,
    apiKey: mock.token,
  });
});

afterAll(async () => {
  await proxyCredentialVault(context).forget();
  await context.vault.forget().catch(() => undefined);
  await proxy.close();
  await front.close();
  await mock.close();
  pki.cleanup();
  dir.remove();
});

describe('proxy sign-in under Diagnostics > Network (Node modes)', () => {
  it('without a sign-in, the route check names the proxy, its 407 and the Basic scheme', async () => {
    const check = await value<RouteCheck>('checkNetworkRoute', {});
    expect(check.route).toContain(`proxy http://127.0.0.1:${proxy.port}`);
    expect(check.route).toContain('HTTPS_PROXY');
    expect(check.outcome).toBe('proxyAuth');
    expect(check.proxyAnswer).toEqual({ proxy: proxy.hostPort, status: 407, schemes: ['Basic'] });
    expect(check.message).toContain('Diagnostics > Network');
    // The route check sends no key at all.
    expect(JSON.stringify(proxy.seen)).not.toContain(mock.token);
  });

  it('refuses a bad proxy address or user name, and changes nothing', async () => {
    const bad = await call('saveProxyCredentials', {
      proxy: 'http://[::bad',
      username: USER,
      password: PASSWORD,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const colon = await call('saveProxyCredentials', {
      proxy: proxy.hostPort,
      username: 'a:b',
      password: 'x',
    });
    expect(colon).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await value<{ proxyCredentials: unknown }>('getNetworkSettings')).proxyCredentials).toBeNull();
  });

  it('with the sign-in saved, the route check and the live probes pass through the proxy', async () => {
    const view = await value<{ proxyCredentials: { proxy: string; username: string } | null }>(
      'saveProxyCredentials',
      { proxy: proxy.url, username: USER, password: PASSWORD },
    );
    expect(view.proxyCredentials).toMatchObject({ proxy: proxy.hostPort, username: USER });
    const check = await value<RouteCheck>('checkNetworkRoute', {});
    expect(check).toMatchObject({ outcome: 'answered', proxyAnswer: null });
    const report = await value<{
      ok: boolean;
      probes: Array<{ status: string; evidence: Array<{ route?: string }> }>;
    }>('runProbes', { target: 'live', write: false });
    expect(report.probes.filter((probe) => probe.status === 'fail')).toEqual([]);
    expect(report.ok).toBe(true);
    const routes = report.probes.flatMap((probe) => probe.evidence.map((item) => item.route)).filter(Boolean);
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.every((route) => route!.startsWith(`proxy http://127.0.0.1:${proxy.port}`))).toBe(true);
    expect(proxy.seen.some((request) => request.answered === 200)).toBe(true);
    for (const request of proxy.seen) {
      expect(request.headers.authorization).toBeUndefined();
      expect(JSON.stringify(request)).not.toContain(mock.token);
    }
  });

  it('the proxy password is nowhere: API answers, settings, logs, support exports', async () => {
    for (const format of ['markdown', 'json', 'html']) {
      await value('exportSummary', { format, includeUserData: true });
    }
    for (const file of filesUnder(dir.path)) seen.push([file, readFileSync(file, 'latin1')]);
    expect(seen.length).toBeGreaterThan(5);
    for (const [where, text] of seen) {
      for (const form of FORMS) expect(text.includes(form), `${where} holds the proxy password`).toBe(false);
    }
  });

  it('after Forget, the proxy asks again', async () => {
    const view = await value<{ proxyCredentials: unknown }>('forgetProxyCredentials', {});
    expect(view.proxyCredentials).toBeNull();
    expect(await value<RouteCheck>('checkNetworkRoute', {})).toMatchObject({ outcome: 'proxyAuth' });
  });
});
