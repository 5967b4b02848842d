/**
 * The prompt broker on its own (main/network/proxy-sign-in.ts): one prompt per proxy and realm however many
 * requests wait, a time-out with its own outcome, a bounded number of re-asks after refusals, and events
 * that never carry the password.
 */
import { describe, expect, it } from 'vitest';
import { ProxySignInBroker } from '../../main/network/proxy-sign-in';
import { eventContract } from '../../shared/api/events';

type Pushed = Parameters<ConstructorParameters<typeof ProxySignInBroker>[0]>[0];

function broker(options: ConstructorParameters<typeof ProxySignInBroker>[1] = {}) {
  const events: Pushed[] = [];
  const signIn = new ProxySignInBroker((event) => {
    // Every event must pass the push contract, as JobEvents checks before anything is sent.
    expect(eventContract.proxySignIn.safeParse(event).success).toBe(true);
    events.push(event);
  }, options);
  return { signIn, events };
}

const request = { proxy: 'proxy.corp:8080', realm: 'Corp', scheme: 'basic', refused: false };

describe('proxy sign-in broker', () => {
  it('asks once for requests waiting on the same proxy and realm, and answers them all', async () => {
    const { signIn, events } = broker();
    const waiting = [signIn.ask(request), signIn.ask(request), signIn.ask({ ...request, scheme: 'Basic' })];
    expect(events).toHaveLength(1);
    const asked = events[0]!;
    if (asked.type !== 'asked') throw new Error('expected asked');
    expect(asked.prompt).toMatchObject({ proxy: 'proxy.corp:8080', realm: 'Corp', scheme: 'Basic' });
    expect(signIn.current()?.promptId).toBe(asked.prompt.promptId);
    expect(signIn.answer(asked.prompt.promptId, { username: 'u', password: 'p-secret' })).toBe(true);
    for (const result of await Promise.all(waiting)) {
      expect(result).toEqual({ outcome: 'answered', username: 'u', password: 'p-secret' });
    }
    expect(events[1]).toEqual({ type: 'closed', promptId: asked.prompt.promptId, outcome: 'answered' });
    expect(JSON.stringify(events)).not.toContain('p-secret');
    expect(signIn.current()).toBeNull();
    // Answering a closed prompt changes nothing.
    expect(signIn.answer(asked.prompt.promptId, null)).toBe(false);
  });

  it('a different realm on the same proxy is another prompt', () => {
    const { signIn, events } = broker();
    void signIn.ask(request);
    void signIn.ask({ ...request, realm: 'Other' });
    expect(events.filter((event) => event.type === 'asked')).toHaveLength(2);
  });

  it('Cancel answers everything waiting with cancelled, and closes the dialog', async () => {
    const { signIn, events } = broker();
    const waiting = signIn.ask(request);
    const promptId = signIn.current()!.promptId;
    signIn.answer(promptId, null);
    expect(await waiting).toEqual({ outcome: 'cancelled' });
    expect(events.at(-1)).toEqual({ type: 'closed', promptId, outcome: 'cancelled' });
    expect(signIn.outcomeFor('proxy.corp:8080')).toBe('cancelled');
  });

  it('a prompt nobody answers times out, and says so', async () => {
    const { signIn, events } = broker({ timeoutMs: 30 });
    const result = await signIn.ask(request);
    expect(result).toEqual({ outcome: 'timedOut' });
    expect(events.at(-1)).toMatchObject({ type: 'closed', outcome: 'timedOut' });
  });

  it('after refusals it asks at most maxRefusals more times, then stops asking', async () => {
    let clock = 0;
    const { signIn, events } = broker({ maxRefusals: 2, reuseMs: 0, now: () => clock });
    const first = signIn.ask(request);
    signIn.answer(signIn.current()!.promptId, { username: 'u', password: 'wrong' });
    await first;
    for (let round = 1; round <= 2; round += 1) {
      clock += 1000;
      const again = signIn.ask({ ...request, refused: true });
      const prompt = signIn.current()!;
      expect(prompt.refused).toBe(true);
      signIn.answer(prompt.promptId, { username: 'u', password: 'wrong' });
      await again;
    }
    expect(await signIn.ask({ ...request, refused: true })).toEqual({ outcome: 'refusedTooOften' });
    expect(events.filter((event) => event.type === 'asked')).toHaveLength(3);
    // A fresh request (nothing refused yet) may ask again.
    void signIn.ask(request);
    expect(events.filter((event) => event.type === 'asked')).toHaveLength(4);
  });

  it('a request sent before a Cancel gets the Cancel; one sent after it asks again', async () => {
    let clock = 1000;
    const { signIn, events } = broker({ now: () => clock });
    const sentBefore = signIn.clock();
    const first = signIn.ask({ ...request, sentAt: sentBefore });
    clock += 50;
    signIn.answer(signIn.current()!.promptId, null);
    await first;
    clock += 50;
    expect(await signIn.ask({ ...request, sentAt: sentBefore })).toEqual({ outcome: 'cancelled' });
    void signIn.ask({ ...request, sentAt: signIn.clock() });
    expect(events.filter((event) => event.type === 'asked')).toHaveLength(2);
  });

  it('a new run forgets a Cancel that Chromium (no send time) would reuse, but keeps an answer', async () => {
    const { signIn, events } = broker();
    const cancelled = signIn.ask(request);
    signIn.answer(signIn.current()!.promptId, null);
    await cancelled;
    // The same run: a request already on its way gets the Cancel, no new prompt.
    expect(await signIn.ask(request)).toEqual({ outcome: 'cancelled' });
    signIn.startRun();
    const asked = signIn.ask(request);
    expect(events.filter((event) => event.type === 'asked')).toHaveLength(2);
    signIn.answer(signIn.current()!.promptId, { username: 'u', password: 'p' });
    await asked;
    signIn.startRun();
    expect(await signIn.ask(request)).toEqual({ outcome: 'answered', username: 'u', password: 'p' });
    expect(events.filter((event) => event.type === 'asked')).toHaveLength(2);
  });

  it('does not open a prompt when no window would see it', async () => {
    const { signIn, events } = broker({ canAsk: () => false });
    expect(await signIn.ask(request)).toEqual({ outcome: 'noWindow' });
    expect(events).toEqual([]);
  });

  it('tells transports while a prompt is open, so they can hold their deadlines', async () => {
    const { signIn } = broker();
    const states: boolean[] = [];
    signIn.whileOpen((open) => states.push(open));
    const waiting = signIn.ask(request);
    signIn.answer(signIn.current()!.promptId, null);
    await waiting;
    expect(states).toEqual([true, false]);
  });
});
