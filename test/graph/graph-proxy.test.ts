/**
 * Graph and MSAL behind a corporate proxy that demands Basic sign-in, in the Node modes (browser mode):
 * the real forward proxy (test/support/forward-proxy.ts), the loopback Graph and identity fakes behind TLS
 * fronts under names only the proxy resolves, and the real prompt broker answered the way the window's
 * dialog answers. The proxy must see the Basic sign-in in Proxy-Authorization and nothing else: neither the
 * Graph bearer token nor the Jostle key in any header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient, GraphError, listJostleApps } from '../../main/graph';
import { createPublicClient, MSAL_CACHE_ACCOUNT, signInWithDeviceCode } from '../../main/graph/msal';
import { msalNetworkModule } from '../../main/graph/msal-network';
import { READ_SCOPES } from '../../main/graph/permissions';
import { scopesFor } from '../../main/graph/token-source';
import type { ClientSettings } from '../../main/network/client-settings';
import { ProxySignInBroker } from '../../main/network/proxy-sign-in';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { generateSyntheticTenant } from '../../shared/source-data';
import { FakeIdentity } from '../fakes/graph/identity';
import { FakeGraph } from '../fakes/graph/server';
import { buildFakeTenant } from '../fakes/graph/tenant';
import { makeTestPki, startTlsFront, type TestPki } from '../network/pki';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy';

const GRAPH_HOST = 'graph.test';
const LOGIN_HOST = 'login.microsoftonline.com';
const USER = 'svc-graph';
const PASSWORD = 'Graph-proxy-71c2';
const JOSTLE_KEY = 'jostle-key-9f3a61d2c4b8e7a0';

let pki: TestPki;
let graph: FakeGraph;
let identity: FakeIdentity;
let fronts: Array<{ port: number; close(): Promise<void> }>;
let proxy: ForwardProxy;
let bearer: string;

beforeAll(async () => {
  pki = makeTestPki('JPA Graph Proxy Root', [GRAPH_HOST, LOGIN_HOST]);
  const synthetic = generateSyntheticTenant({ users: 5, seed: 9 });
  graph = new FakeGraph(buildFakeTenant(synthetic.users, synthetic.assignments));
  await graph.start();
  const graphPort = Number(new URL(graph.url).port);
  graph.url = `https://${GRAPH_HOST}`; // its nextLinks name the host the client called
  identity = new FakeIdentity(graph.tenant.tenantId, (scopes) => graph.issueToken({ scopes }));
  await identity.start();
  fronts = [
    await startTlsFront(pki, graphPort),
    await startTlsFront(pki, Number(new URL(identity.url).port)),
  ];
  proxy = await startForwardProxy({
    auth: { scheme: 'Basic', username: USER, password: PASSWORD, realm: 'Graph realm' },
    route: (host, port) =>
      host === GRAPH_HOST
        ? { host: '127.0.0.1', port: fronts[0]!.port }
        : host === LOGIN_HOST
          ? { host: '127.0.0.1', port: fronts[1]!.port }
          : { host, port },
  });
  bearer = graph.issueToken({ scopes: [...READ_SCOPES, 'Application.ReadWrite.OwnedBy'] });
});
afterAll(async () => {
  await proxy.close();
  await Promise.all(fronts.map((front) => front.close()));
  await graph.stop();
  await identity.stop();
  pki.cleanup();
});

/** A broker whose "window" answers each prompt with the next of `answers` (null: Cancel) after `delayMs`. */
function answeringBroker(
  answers: Array<{ username: string; password: string } | null>,
  delayMs = 10,
  reuseMs = 0,
) {
  const prompts: Array<{ realm: string; refused: boolean }> = [];
  const broker: ProxySignInBroker = new ProxySignInBroker(
    (event) => {
      if (event.type !== 'asked') return;
      prompts.push(event.prompt);
      setTimeout(() => broker.answer(event.prompt.promptId, answers.shift() ?? null), delayMs);
    },
    { reuseMs },
  );
  return { broker, prompts };
}

const networkWith = (broker: ProxySignInBroker): ClientSettings => ({
  env: { HTTPS_PROXY: proxy.url },
  caFile: pki.caFile,
  signIn: broker,
});
const rightAnswer = { username: USER, password: PASSWORD };

/** Every header the proxy saw: the sign-in only ever in Proxy-Authorization, no token or key anywhere. */
function expectProxySawOnlyItsSignIn(secrets: string[]) {
  const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  expect(proxy.seen.length).toBeGreaterThan(0);
  for (const request of proxy.seen) {
    expect(request.method).toBe('CONNECT');
    expect(request.headers.authorization).toBeUndefined();
    for (const [name, value] of Object.entries(request.headers)) {
      const text = String(value);
      for (const secret of secrets) expect(text, name).not.toContain(secret);
      if (name !== 'proxy-authorization') expect(text, name).not.toContain(basic.slice(6));
    }
  }
  expect(proxy.seen.some((request) => request.headers['proxy-authorization'] === basic)).toBe(true);
}

describe('Graph requests through a proxy that asks for Basic sign-in', () => {
  it('asks once for a pull and a secret write, and the proxy sees only its own sign-in', async () => {
    proxy.seen.length = 0;
    const { broker, prompts } = answeringBroker([rightAnswer]);
    const client = createGraphClient({
      graphUrl: `https://${GRAPH_HOST}`,
      token: async () => bearer,
      network: networkWith(broker),
    });
    try {
      expect((await listJostleApps(client)).map((app) => app.id)).toContain('sp-jostle-1');
      const written = await client.request({
        method: 'PUT',
        path: '/servicePrincipals/sp-jostle-1/synchronization/secrets',
        body: { value: [{ key: 'SecretToken', value: JOSTLE_KEY }] },
        action: 'apply',
        what: 'the secret token',
        allow: [400, 403, 404],
      });
      expect(written.status).toBeLessThan(500);
    } finally {
      await client.close();
    }
    expect(prompts).toEqual([expect.objectContaining({ realm: 'Graph realm', refused: false })]);
    expect(graph.log.some((entry) => entry.body.includes(JOSTLE_KEY))).toBe(true); // it did reach Graph
    expectProxySawOnlyItsSignIn([bearer, JOSTLE_KEY]);
  });

  it('holds the response deadline while the prompt is open', async () => {
    const { broker } = answeringBroker([rightAnswer], 700);
    const client = createGraphClient({
      graphUrl: `https://${GRAPH_HOST}`,
      token: async () => bearer,
      network: networkWith(broker),
      responseMs: 300,
    });
    try {
      expect((await listJostleApps(client)).length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it('a token call that asked first (an MSAL refresh) answers the Graph request too: one prompt', async () => {
    const { broker, prompts } = answeringBroker([rightAnswer], 10, 10_000);
    // Stands for MSAL refreshing the token through the same proxy: it meets the prompt first, once.
    let refreshed = false;
    const token = async () => {
      if (refreshed) return bearer;
      refreshed = true;
      const result = await broker.ask({
        proxy: proxy.hostPort,
        realm: 'Graph realm',
        scheme: 'Basic',
        refused: false,
        sentAt: broker.clock(),
      });
      expect(result.outcome).toBe('answered');
      return bearer;
    };
    const client = createGraphClient({
      graphUrl: `https://${GRAPH_HOST}`,
      token,
      network: networkWith(broker),
    });
    try {
      expect((await listJostleApps(client)).length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
    expect(prompts).toHaveLength(1);
  });

  it('Cancel ends in the 407 diagnosis, saying the prompt was cancelled', async () => {
    const { broker } = answeringBroker([null]);
    const client = createGraphClient({
      graphUrl: `https://${GRAPH_HOST}`,
      token: async () => bearer,
      network: Promise.resolve(networkWith(broker)),
    });
    const error = await listJostleApps(client).catch((failure: unknown) => failure);
    await client.close();
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).message).toContain(`Could not reach ${GRAPH_HOST}`);
    expect((error as GraphError).fix).toContain(`The proxy ${proxy.hostPort} asked for sign-in`);
    expect((error as GraphError).fix).toContain('cancelled');
  });
});

describe('MSAL sign-in through the same proxy', () => {
  const settings = () => ({
    tenant: graph.tenant.tenantId,
    clientId: '00000000-1111-2222-3333-444444444444',
    cloud: 'global' as const,
  });

  it('a Cancel gives the proxy diagnosis; the next sign-in asks again and passes', async () => {
    const store = new MemorySecretStore();
    const { broker, prompts } = answeringBroker([null, rightAnswer]);
    const network = msalNetworkModule(async () => networkWith(broker));
    const client = createPublicClient(settings(), store, network);
    identity.outcome = { kind: 'tokens', scopes: [...READ_SCOPES] };
    identity.pendingPolls = 0;
    try {
      const cancelled = await signInWithDeviceCode(
        client,
        scopesFor('readApps', 'global'),
        () => undefined,
      ).catch((failure: unknown) => failure);
      expect(cancelled).toBeInstanceOf(GraphError);
      expect((cancelled as GraphError).fix).toContain('asked for sign-in');
      expect((cancelled as GraphError).fix).toContain('cancelled');

      proxy.seen.length = 0;
      const result = await signInWithDeviceCode(client, scopesFor('readApps', 'global'), () => undefined);
      expect(result.account?.username).toBe('admin@contoso.example');
      expect(await store.get(MSAL_CACHE_ACCOUNT)).toContain('fake-refresh-token');
      expect(prompts).toHaveLength(2);
      expectProxySawOnlyItsSignIn([result.accessToken, 'fake-refresh-token']);
    } finally {
      await network.close();
    }
  });
});
