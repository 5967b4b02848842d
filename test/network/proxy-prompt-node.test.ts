/**
 * The Node path asking the window (browser mode): the undici transport, a real forward proxy that demands
 * Basic sign-in, the real mock behind a TLS front, and the real prompt broker answered the way the dialog
 * answers. Without a prompt (the CLI) the 407 message stays as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import { ProxyAuthRequiredError } from '../../main/network/proxy-auth';
import { ProxySignInBroker } from '../../main/network/proxy-sign-in';
import type { TransportSettings } from '../../main/network/transport';
import { createUndiciTransport } from '../../main/network/transport-undici';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy';
import { makeTestPki, startTlsFront, type TestPki } from './pki';

const HOST = 'jostle.test';
const USER = 'svc-node';
const PASSWORD = 'Node-proxy-3b9d';

let pki: TestPki;
let mock: MockJostle;
let front: { port: number; close(): Promise<void> };
let proxy: ForwardProxy;

beforeAll(async () => {
  pki = makeTestPki('JPA Node Prompt Root', [HOST]);
  mock = await startMockJostle({ seedUsers: 1 });
  front = await startTlsFront(pki, Number(new URL(mock.baseUrl).port));
  proxy = await startForwardProxy({
    auth: { scheme: 'Basic', username: USER, password: PASSWORD, realm: 'Node realm' },
    route: (host, port) => (host === HOST ? { host: '127.0.0.1', port: front.port } : { host, port }),
  });
});
afterAll(async () => {
  await proxy.close();
  await front.close();
  await mock.close();
  pki.cleanup();
});

function transport(signIn?: ProxySignInBroker) {
  const settings: TransportSettings = {
    connectMs: 3000,
    headersMs: 5000,
    bodyMs: 5000,
    caFile: pki.caFile,
    env: { HTTPS_PROXY: proxy.url },
    ...(signIn ? { signIn } : {}),
  };
  return createUndiciTransport(settings);
}

const target = () => new URL(`https://${HOST}${new URL(mock.baseUrl).pathname}/ServiceProviderConfig`);

/** A broker whose "window" answers each prompt with the next of `answers` (null: Cancel). */
function answeringBroker(answers: Array<{ username: string; password: string } | null>) {
  const prompts: Array<{ refused: boolean; realm: string }> = [];
  const broker: ProxySignInBroker = new ProxySignInBroker(
    (event) => {
      if (event.type !== 'asked') return;
      prompts.push(event.prompt);
      setTimeout(() => broker.answer(event.prompt.promptId, answers.shift() ?? null), 10);
    },
    { reuseMs: 0 },
  );
  return { broker, prompts };
}

async function send(http: ReturnType<typeof transport>) {
  const holds: string[] = [];
  try {
    const response = await http.send({
      url: target(),
      method: 'GET',
      headers: { accept: 'application/scim+json' },
      signal: AbortSignal.timeout(20_000),
      holdDeadline: () => {
        holds.push('held');
        return () => holds.push('released');
      },
    });
    response.body.resume();
    return { status: response.status, holds };
  } finally {
    await http.close();
  }
}

describe('undici transport asking the window for a proxy sign-in', () => {
  it('asks on a Basic 407, holds the caller’s deadline meanwhile, and retries with the answer', async () => {
    const { broker, prompts } = answeringBroker([{ username: USER, password: PASSWORD }]);
    const result = await send(transport(broker));
    expect(result.status).toBe(401); // the mock's answer to a request without a key: the proxy let it through
    expect(result.holds).toEqual(['held', 'released']);
    expect(prompts).toEqual([expect.objectContaining({ realm: 'Node realm', refused: false })]);
    const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    expect(proxy.seen.at(-1)).toMatchObject({ method: 'CONNECT', answered: 200 });
    expect(proxy.seen.at(-1)?.headers['proxy-authorization']).toBe(expected);
  });

  it('a refused password asks again, saying so', async () => {
    const { broker, prompts } = answeringBroker([
      { username: USER, password: 'wrong' },
      { username: USER, password: PASSWORD },
    ]);
    expect((await send(transport(broker))).status).toBe(401);
    expect(prompts.map((prompt) => prompt.refused)).toEqual([false, true]);
  });

  it('Cancel ends in the 407 diagnosis, which says the sign-in was cancelled', async () => {
    const { broker } = answeringBroker([null]);
    const error = await send(transport(broker)).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ProxyAuthRequiredError);
    expect((error as Error).message).toContain(`The proxy ${proxy.hostPort} asked for sign-in`);
    expect((error as Error).message).toContain('cancelled');
  });

  it('without a window to ask (the CLI), the 407 message says where to enter the sign-in', async () => {
    const error = await send(transport()).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ProxyAuthRequiredError);
    expect((error as Error).message).toContain('Diagnostics > Network');
    expect((error as Error).message).not.toContain('cancelled');
  });
});
