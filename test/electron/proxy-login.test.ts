/**
 * Main's answer to app 'login' (main/electron/proxy-login.ts) with the real prompt broker in the same
 * process, on the Electron stand-in's `app`: the event as electron.d.ts documents it (event, webContents
 * null for a utility process's request, details, authInfo, callback). Covers what the end-to-end test
 * (proxy-sign-in-prompt.test.ts) would need minutes for: the time-out, the bound on re-asks, and schemes
 * a typed password cannot answer.
 */
import { app } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { answerProxyLogins } from '../../main/electron/proxy-login';
import type { ProxyCredentials } from '../../main/network/proxy-auth';
import { ProxySignInBroker, type SignInResult } from '../../main/network/proxy-sign-in';

type Pushed = Parameters<ConstructorParameters<typeof ProxySignInBroker>[0]>[0];

function setUp(options: { timeoutMs?: number; saved?: ProxyCredentials | null } = {}) {
  const events: Pushed[] = [];
  const broker = new ProxySignInBroker((event) => events.push(event), {
    timeoutMs: options.timeoutMs ?? 60_000,
    reuseMs: 0,
  });
  const asked: unknown[] = [];
  answerProxyLogins(app, {
    savedCredentials: async () => options.saved ?? null,
    ask: (request) => {
      asked.push(request);
      return broker.ask(request);
    },
    log: () => undefined,
  });
  return { broker, events, asked };
}

/** Emits 'login' as Chromium does for a utility process's request; resolves with the callback's arguments. */
function login(scheme = 'basic', url = 'https://jostle.test/scim/v2/Users') {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
  const answered = new Promise<unknown[]>((resolve) =>
    app.emit(
      'login',
      event,
      null,
      { url },
      { isProxy: true, scheme, host: 'proxy.corp', port: 8080, realm: 'Corp' },
      (...args: unknown[]) => resolve(args),
    ),
  );
  expect(event.defaultPrevented).toBe(true);
  return answered;
}

const openPrompt = async (broker: ProxySignInBroker) => {
  await expect.poll(() => broker.current()).not.toBeNull();
  return broker.current()!;
};

afterEach(() => {
  app.removeAllListeners('login');
});

describe("main's proxy 'login' answer", () => {
  it('asks the window when nothing is saved, and calls back with what it answered', async () => {
    const { broker } = setUp();
    const answered = login();
    const prompt = await openPrompt(broker);
    expect(prompt).toMatchObject({
      proxy: 'proxy.corp:8080',
      realm: 'Corp',
      scheme: 'Basic',
      refused: false,
    });
    broker.answer(prompt.promptId, { username: 'u', password: 'p' });
    expect(await answered).toEqual(['u', 'p']);
  });

  it('a prompt left unanswered times out: Chromium gets no credentials and the dialog closes', async () => {
    const { events } = setUp({ timeoutMs: 50 });
    expect(await login()).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'closed', outcome: 'timedOut' });
  });

  it('Digest asks the same way; Negotiate and NTLM are cancelled without a prompt (the OS sign-in failed)', async () => {
    const { broker, asked } = setUp();
    expect(await login('negotiate')).toEqual([]);
    expect(await login('ntlm')).toEqual([]);
    expect(asked).toEqual([]);
    const digest = login('digest');
    const prompt = await openPrompt(broker);
    expect(prompt.scheme).toBe('Digest');
    broker.answer(prompt.promptId, { username: 'u', password: 'p' });
    expect(await digest).toEqual(['u', 'p']);
  });

  it('saved credentials go first; when the proxy refuses them, the window is asked, saying so', async () => {
    const { broker, asked } = setUp({ saved: { proxy: 'proxy.corp:8080', username: 's', password: 'old' } });
    expect(await login()).toEqual(['s', 'old']);
    expect(asked).toEqual([]);
    // The same request asking again at once: the proxy refused the saved sign-in.
    const again = login();
    const prompt = await openPrompt(broker);
    expect(prompt.refused).toBe(true);
    broker.answer(prompt.promptId, { username: 's', password: 'new' });
    expect(await again).toEqual(['s', 'new']);
  });

  it('a password the proxy keeps refusing is asked for a bounded number of times, then given up', async () => {
    const { broker, events } = setUp();
    let result: unknown[] = [];
    for (let round = 0; round < 6; round += 1) {
      const answered = login();
      const open = await Promise.race([
        openPrompt(broker).then(() => 'prompt' as const),
        answered.then(() => 'done' as const),
      ]);
      if (open === 'done') {
        result = await answered;
        break;
      }
      broker.answer(broker.current()!.promptId, { username: 'u', password: 'wrong' });
      result = await answered;
    }
    expect(result).toEqual([]);
    // The first ask and two re-asks; the fourth refusal stops without a dialog.
    expect(events.filter((event) => event.type === 'asked')).toHaveLength(3);
    expect(broker.outcomeFor('proxy.corp:8080')).toBe<SignInResult['outcome']>('refusedTooOften');
  });
});
