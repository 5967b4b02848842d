/**
 * The desktop app's proxy sign-in prompt, end to end on the Electron STAND-IN: the real start-up, the real
 * handler host in a child forked with respondToAuthRequestsFromMainProcess, whose stand-in net.fetch sends
 * a proxy's prompt to main's app 'login' (utility-process.ts); a real forward proxy demanding Basic sign-in
 * in front of the real Mock Jostle behind a TLS front; the real preload bridge as the window's side; the
 * real keychain (run under scripts/with-keychain.sh). Each test starts a new app: Chromium's auth cache
 * (played by the child's net) must not carry a sign-in from one test to the next.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSavedProxyCredentials } from '../../main/electron/proxy-keychain';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import { bridgeGlobalName } from '../../shared/api/channels';
import { apiChannels } from '../../shared/api/contract';
import { apiEventChannels, type ApiEvent } from '../../shared/api/events';
import { filesUnder } from '../export/helpers';
import { makeTestPki, startTlsFront, type TestPki } from '../network/pki';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy';
import { uniqueKeychainService } from '../support/temp';
import { startStandInApp } from './harness';

const HOST = 'jostle.test';
const USER = 'svc-desktop';
const PASSWORD = 'Desk-proxy-9f3e1a77';
const FORMS = [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64')];

type Event = ApiEvent<'proxySignIn'>;
type Envelope = { ok: boolean; value?: unknown; error?: { message: string } };
type Bridge = Record<string, (argument: unknown) => unknown>;
interface RouteCheck {
  outcome: string;
  status: number | null;
  message: string;
}

let pki: TestPki;
let mock: MockJostle;
let front: { port: number; close(): Promise<void> };
let proxy: ForwardProxy;
const saved = { ...process.env };

beforeAll(async () => {
  pki = makeTestPki('JPA Desktop Proxy Root', [HOST]);
  mock = await startMockJostle({ seedUsers: 1 });
  front = await startTlsFront(pki, Number(new URL(mock.baseUrl).port));
  proxy = await startForwardProxy({
    auth: { scheme: 'Basic', username: USER, password: PASSWORD, realm: 'Corp desktop' },
    route: (host, port) => (host === HOST ? { host: '127.0.0.1', port: front.port } : { host, port }),
  });
  // What the host child's Chromium (the stand-in net) reads as the OS proxy setting and trust store.
  process.env.STANDIN_SYSTEM_PROXY = `PROXY ${proxy.hostPort}`;
  process.env.STANDIN_SYSTEM_ROOTS_FILE = pki.caFile;
}, 30_000);
afterAll(async () => {
  process.env = saved;
  await proxy?.close();
  await front?.close();
  await mock?.close();
  pki?.cleanup();
});

let app: Awaited<ReturnType<typeof startStandInApp>> | null = null;
afterEach(async () => {
  await app?.quit();
  app = null;
});

/** A new desktop app whose window is the real preload's bridge; events are recorded as they arrive. */
async function start(keychainService = uniqueKeychainService()) {
  // Main and the host child read the same keychain service, as in the real app.
  process.env.JPA_KEYCHAIN_SERVICE = keychainService;
  app = await startStandInApp({ keychainService });
  app.electron.session.defaultSession.proxyFor = () => `PROXY ${proxy.hostPort}`;
  const { rendererSide } = await import('./stand-in/ipc');
  const window = app.window!;
  rendererSide.sender = { contents: window.webContents, frame: window.webContents.mainFrame };
  (globalThis as { __API_CHANNELS__?: readonly string[] }).__API_CHANNELS__ = apiChannels;
  (globalThis as { __API_EVENT_CHANNELS__?: readonly string[] }).__API_EVENT_CHANNELS__ = apiEventChannels;
  await import('../../main/electron/preload');
  const bridge = rendererSide.exposed[bridgeGlobalName] as Bridge;
  const events: Event[] = [];
  (bridge.onProxySignIn as (listener: (event: Event) => void) => () => void)((event) => events.push(event));
  const call = (channel: string, payload: unknown = {}) => bridge[channel]!(payload) as Promise<Envelope>;
  const asked = async () => {
    await expect.poll(() => events.filter((event) => event.type === 'asked').length).toBeGreaterThan(0);
    return (events.find((event) => event.type === 'asked') as Extract<Event, { type: 'asked' }>).prompt;
  };
  const route = (path = 'ServiceProviderConfig') =>
    call('checkNetworkRoute', { url: `https://${HOST}/scim/v2/${path}` }).then(
      (answer) => answer.value as RouteCheck,
    );
  return { bridge, events, call, asked, route, keychainService };
}

const expectedAuthorization = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

describe('desktop proxy sign-in prompt (stand-in)', () => {
  it('with nothing saved, the window is asked and main answers Chromium with what it sent', async () => {
    const window = await start();
    const checking = window.route();
    const prompt = await window.asked();
    expect(prompt).toMatchObject({ proxy: proxy.hostPort, realm: 'Corp desktop', scheme: 'Basic' });
    expect(JSON.stringify(window.events)).not.toContain(PASSWORD);
    const answer = await window.call('answerProxySignIn', {
      promptId: prompt.promptId,
      credentials: { username: USER, password: PASSWORD, remember: false },
    });
    expect(answer).toEqual({ ok: true, value: { accepted: true } });
    expect(await checking).toMatchObject({ outcome: 'answered' });
    expect(window.events.at(-1)).toEqual({ type: 'closed', promptId: prompt.promptId, outcome: 'answered' });
    const tunnels = proxy.seen.filter((request) => request.method === 'CONNECT' && request.answered === 200);
    expect(tunnels.at(-1)?.headers['proxy-authorization']).toBe(expectedAuthorization);
    // Not remembered: nothing in the keychain, nothing on disk.
    expect(await readSavedProxyCredentials(process.env)).toBeNull();
    for (const file of filesUnder(app!.dataDir)) {
      const text = readFileSync(file, 'utf8');
      for (const form of FORMS) expect(text, file).not.toContain(form);
    }
  }, 30_000);

  it('requests that ask at once get one prompt, and all go through with its answer', async () => {
    const window = await start();
    const checks = [window.route('ServiceProviderConfig'), window.route('Schemas'), window.route('Users')];
    const prompt = await window.asked();
    // Give the other requests time to reach main's 'login' too.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(window.events.filter((event) => event.type === 'asked')).toHaveLength(1);
    await window.call('answerProxySignIn', {
      promptId: prompt.promptId,
      credentials: { username: USER, password: PASSWORD, remember: false },
    });
    for (const check of await Promise.all(checks)) expect(check.outcome).toBe('answered');
    expect(window.events.filter((event) => event.type === 'asked')).toHaveLength(1);
  }, 30_000);

  it('Cancel ends the request in the 407 diagnosis, which says the sign-in was cancelled', async () => {
    const window = await start();
    const checking = window.route();
    const prompt = await window.asked();
    await window.call('answerProxySignIn', { promptId: prompt.promptId, credentials: null });
    const check = await checking;
    expect(check.outcome).toBe('proxyAuth');
    expect(check.message).toContain(`The proxy ${proxy.hostPort} asked for sign-in (HTTP 407`);
    expect(check.message).toContain('cancelled');
  }, 30_000);

  it('a new check right after a Cancel asks again (a new run), and passes with the answer', async () => {
    const window = await start();
    const first = window.route();
    const cancelled = await window.asked();
    await window.call('answerProxySignIn', { promptId: cancelled.promptId, credentials: null });
    expect((await first).outcome).toBe('proxyAuth');
    // Well inside the broker's 10 s reuse window: without the run boundary this got the old Cancel.
    const second = window.route();
    await expect.poll(() => window.events.filter((event) => event.type === 'asked').length).toBe(2);
    const prompt = (
      window.events.filter((event) => event.type === 'asked').at(-1) as Extract<Event, { type: 'asked' }>
    ).prompt;
    expect(prompt.promptId).not.toBe(cancelled.promptId);
    await window.call('answerProxySignIn', {
      promptId: prompt.promptId,
      credentials: { username: USER, password: PASSWORD, remember: false },
    });
    expect(await second).toMatchObject({ outcome: 'answered' });
  }, 30_000);

  it('Remember keeps it in the real keychain, never in settings; the next app signs in without asking', async () => {
    const window = await start();
    const checking = window.route();
    const prompt = await window.asked();
    await window.call('answerProxySignIn', {
      promptId: prompt.promptId,
      credentials: { username: USER, password: PASSWORD, remember: true },
    });
    expect(await checking).toMatchObject({ outcome: 'answered' });
    expect(await readSavedProxyCredentials(process.env)).toEqual({
      proxy: proxy.hostPort,
      username: USER,
      password: PASSWORD,
    });
    const view = (await window.call('getNetworkSettings')).value as { proxyCredentials: unknown };
    expect(view.proxyCredentials).toMatchObject({ proxy: proxy.hostPort, username: USER });
    for (const file of filesUnder(app!.dataDir)) {
      const text = readFileSync(file, 'utf8');
      for (const form of FORMS) expect(text, file).not.toContain(form);
    }
    await app!.quit();

    // A new app (empty auth cache), same keychain: main answers from it, the window is not asked.
    const next = await start(window.keychainService);
    expect(await next.route()).toMatchObject({ outcome: 'answered' });
    expect(next.events).toEqual([]);
    await next.call('forgetProxyCredentials');
  }, 45_000);
});
