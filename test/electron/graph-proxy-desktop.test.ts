/**
 * Graph calls of the desktop app behind a proxy that demands Basic sign-in, on the Electron STAND-IN: the
 * real start-up and handler host (its stand-in net.fetch sends the proxy's prompt to main's app 'login'),
 * the real preload bridge as the window, a real forward proxy, and the loopback Graph fake behind a TLS
 * front under a name only the proxy resolves. The token comes from JPA_GRAPH_TOKEN_ENV, as for a token
 * from `az account get-access-token`. Each test starts a new app (an empty Chromium auth cache).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bridgeGlobalName } from '../../shared/api/channels';
import { apiChannels } from '../../shared/api/contract';
import { apiEventChannels, type ApiEvent } from '../../shared/api/events';
import { generateSyntheticTenant } from '../../shared/source-data';
import { FakeGraph } from '../fakes/graph/server';
import { buildFakeTenant } from '../fakes/graph/tenant';
import { makeTestPki, startTlsFront, type TestPki } from '../network/pki';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy';
import { uniqueKeychainService } from '../support/temp';
import { startStandInApp } from './harness';

const GRAPH_HOST = 'graph.test';
const USER = 'svc-desk-graph';
const PASSWORD = 'Desk-graph-5e21c0';

type Event = ApiEvent<'proxySignIn'>;
type Asked = Extract<Event, { type: 'asked' }>;
type Envelope = { ok: boolean; value?: unknown; error?: { message: string } };
type Bridge = Record<string, (argument: unknown) => unknown>;

let pki: TestPki;
let graph: FakeGraph;
let front: { port: number; close(): Promise<void> };
let proxy: ForwardProxy;
let bearer: string;
const saved = { ...process.env };

beforeAll(async () => {
  pki = makeTestPki('JPA Desktop Graph Root', [GRAPH_HOST]);
  const synthetic = generateSyntheticTenant({ users: 5, seed: 4 });
  graph = new FakeGraph(buildFakeTenant(synthetic.users, synthetic.assignments));
  await graph.start();
  front = await startTlsFront(pki, Number(new URL(graph.url).port));
  graph.url = `https://${GRAPH_HOST}`;
  proxy = await startForwardProxy({
    auth: { scheme: 'Basic', username: USER, password: PASSWORD, realm: 'Corp graph' },
    route: (host, port) => (host === GRAPH_HOST ? { host: '127.0.0.1', port: front.port } : { host, port }),
  });
  bearer = graph.issueToken({ scopes: ['Application.Read.All'] });
  // What the host child reads: the OS proxy setting and trust store (stand-in net), and the Graph token.
  process.env.STANDIN_SYSTEM_PROXY = `PROXY ${proxy.hostPort}`;
  process.env.STANDIN_SYSTEM_ROOTS_FILE = pki.caFile;
  process.env.JPA_GRAPH_TOKEN_ENV = 'JPA_TEST_GRAPH_TOKEN';
  process.env.JPA_TEST_GRAPH_TOKEN = bearer;
  process.env.JPA_GRAPH_URL = `https://${GRAPH_HOST}`;
}, 30_000);
afterAll(async () => {
  process.env = saved;
  await proxy?.close();
  await front?.close();
  await graph?.stop();
  pki?.cleanup();
});

let app: Awaited<ReturnType<typeof startStandInApp>> | null = null;
afterEach(async () => {
  await app?.quit();
  app = null;
});

async function start() {
  const keychainService = uniqueKeychainService();
  process.env.JPA_KEYCHAIN_SERVICE = keychainService;
  app = await startStandInApp({ keychainService });
  app.electron.session.defaultSession.proxyFor = () => `PROXY ${proxy.hostPort}`;
  const { rendererSide } = await import('./stand-in/ipc');
  rendererSide.sender = { contents: app.window!.webContents, frame: app.window!.webContents.mainFrame };
  (globalThis as { __API_CHANNELS__?: readonly string[] }).__API_CHANNELS__ = apiChannels;
  (globalThis as { __API_EVENT_CHANNELS__?: readonly string[] }).__API_EVENT_CHANNELS__ = apiEventChannels;
  await import('../../main/electron/preload');
  const bridge = rendererSide.exposed[bridgeGlobalName] as Bridge;
  const events: Event[] = [];
  (bridge.onProxySignIn as (listener: (event: Event) => void) => () => void)((event) => events.push(event));
  const call = (channel: string, payload: unknown = {}) => bridge[channel]!(payload) as Promise<Envelope>;
  const asked = async (count: number) => {
    await expect.poll(() => events.filter((event) => event.type === 'asked').length).toBe(count);
    return (events.filter((event) => event.type === 'asked').at(-1) as Asked).prompt;
  };
  return { call, asked };
}

describe('desktop Graph calls through a Basic proxy (stand-in)', () => {
  it('the window is asked, the call passes, and the proxy sees only Proxy-Authorization', async () => {
    proxy.seen.length = 0;
    const window = await start();
    const listing = window.call('graphListApps');
    const prompt = await window.asked(1);
    expect(prompt).toMatchObject({ proxy: proxy.hostPort, realm: 'Corp graph', scheme: 'Basic' });
    await window.call('answerProxySignIn', {
      promptId: prompt.promptId,
      credentials: { username: USER, password: PASSWORD, remember: false },
    });
    const answer = await listing;
    expect(answer.ok).toBe(true);
    expect(JSON.stringify(answer.value)).toContain('sp-jostle-1');
    const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    expect(proxy.seen.some((request) => request.headers['proxy-authorization'] === basic)).toBe(true);
    for (const request of proxy.seen) {
      expect(request.method).toBe('CONNECT');
      expect(request.headers.authorization).toBeUndefined();
      expect(JSON.stringify(request.headers)).not.toContain(bearer);
    }
  }, 30_000);

  it('Cancel ends in the 407 diagnosis; the next Graph call asks again at once', async () => {
    const window = await start();
    const first = window.call('graphListApps');
    const cancelled = await window.asked(1);
    await window.call('answerProxySignIn', { promptId: cancelled.promptId, credentials: null });
    const failure = await first;
    expect(failure.ok).toBe(false);
    expect(failure.error?.message).toContain(`The proxy ${proxy.hostPort} asked for sign-in`);
    expect(failure.error?.message).toContain('cancelled');
    const second = window.call('graphListApps');
    const prompt = await window.asked(2);
    await window.call('answerProxySignIn', {
      promptId: prompt.promptId,
      credentials: { username: USER, password: PASSWORD, remember: false },
    });
    expect((await second).ok).toBe(true);
  }, 30_000);
});
