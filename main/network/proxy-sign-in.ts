/**
 * Asking the admin for a proxy's user name and password, once for everything that waits on it. Both network
 * stacks use this one broker in the handler host: the desktop app's Chromium prompts (main's app 'login',
 * relayed over the host protocol) and the undici transport's 407s in browser mode. It pushes `asked` on the
 * proxySignIn event channel, the window's dialog answers with answerProxySignIn, and every request waiting
 * on that proxy and realm gets the same answer. A prompt nobody answers closes after `timeoutMs`; a proxy
 * that keeps refusing is asked at most `maxRefusals` more times, then the request reports the 407.
 * The password lives here only between the answer and the requests that wait for it (and `reuseMs` after,
 * for requests that were already on their way); it is never in an event, a log line or the settings.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ProxySignInPrompt } from '../../shared/api/events';

export interface SignInRequest {
  /** `host:port` of the proxy. */
  proxy: string;
  realm: string;
  /** As the proxy named it: `basic`, `Digest`… */
  scheme: string;
  /** The request already sent an answer for this proxy and the proxy asked again. */
  refused: boolean;
  /**
   * When the request was first sent (ms, the broker's clock). A request sent before the last prompt closed
   * gets that prompt's result; one sent after it is a new question. Without it (Chromium's prompts reach
   * main without one), a result is reused for `reuseMs`.
   */
  sentAt?: number;
}

/**
 * A prompt's answer, as a schema too: the handler host checks the one main sends back (host/protocol.ts).
 * `noWindow`: no window is open to ask (a browser-mode server with no page connected): the 407 stands.
 */
export const signInResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('answered'), username: z.string(), password: z.string() }),
  z.object({ outcome: z.enum(['cancelled', 'timedOut', 'refusedTooOften', 'noWindow']) }),
]);

export type SignInResult = z.infer<typeof signInResultSchema>;

export type SignInOutcome = SignInResult['outcome'];

interface Open {
  prompt: ProxySignInPrompt;
  waiting: Array<(result: SignInResult) => void>;
  timer: NodeJS.Timeout;
}

export interface ProxySignInOptions {
  timeoutMs?: number;
  maxRefusals?: number;
  reuseMs?: number;
  now?: () => number;
  /** Whether a window would see the prompt; default: always. */
  canAsk?: () => boolean;
}

const keyOf = (request: Pick<SignInRequest, 'proxy' | 'realm'>) => `${request.proxy} ${request.realm}`;

/** `basic` → `Basic`, as the dialog names it. */
function schemeName(scheme: string): string {
  const known = ['Basic', 'Digest'].find((name) => name.toLowerCase() === scheme.toLowerCase());
  return known ?? scheme;
}

/** What a transport uses of the broker (transport.ts `TransportSettings.signIn`). */
export interface ProxySignIn {
  ask(request: SignInRequest): Promise<SignInResult>;
  clock(): number;
  /** Called with true when a prompt opens and false when none is open any more; returns unsubscribe. */
  whileOpen(listener: (open: boolean) => void): () => void;
  outcomeFor(proxy: string): SignInOutcome | undefined;
}

export class ProxySignInBroker implements ProxySignIn {
  private readonly open = new Map<string, Open>();
  private readonly openListeners = new Set<(open: boolean) => void>();
  private readonly refusals = new Map<string, number>();
  private readonly recent = new Map<string, { result: SignInResult; at: number }>();
  private readonly lastOutcome = new Map<string, SignInOutcome>();
  private readonly timeoutMs: number;
  private readonly maxRefusals: number;
  private readonly reuseMs: number;
  private readonly now: () => number;
  private readonly canAsk: () => boolean;

  constructor(
    private readonly push: (
      event:
        | { type: 'asked'; prompt: ProxySignInPrompt }
        | { type: 'closed'; promptId: string; outcome: 'answered' | 'cancelled' | 'timedOut' },
    ) => void,
    options: ProxySignInOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 2 * 60_000;
    this.maxRefusals = options.maxRefusals ?? 2;
    this.reuseMs = options.reuseMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.canAsk = options.canAsk ?? (() => true);
  }

  /** The broker's clock, for SignInRequest.sentAt. */
  clock(): number {
    return this.now();
  }

  /** Resolves with what the admin entered, or why there is nothing to send. */
  ask(request: SignInRequest): Promise<SignInResult> {
    const key = keyOf(request);
    const pending = this.open.get(key);
    if (pending) return new Promise((resolve) => pending.waiting.push(resolve));
    if (request.refused) {
      this.recent.delete(key);
      const count = (this.refusals.get(key) ?? 0) + 1;
      this.refusals.set(key, count);
      if (count > this.maxRefusals) return Promise.resolve(this.finish(key, { outcome: 'refusedTooOften' }));
    } else {
      const recent = this.recent.get(key);
      // Requests that left before the answer came ask again just after it: give them the same answer (a
      // Cancel too, so requests already on their way do not open the dialog again right after it).
      const reuse =
        recent !== undefined &&
        this.now() - recent.at < this.reuseMs &&
        (request.sentAt === undefined || request.sentAt <= recent.at);
      if (recent && reuse) return Promise.resolve(recent.result);
      this.refusals.delete(key);
    }
    if (!this.canAsk()) return Promise.resolve({ outcome: 'noWindow' });
    const prompt: ProxySignInPrompt = {
      promptId: randomUUID(),
      proxy: request.proxy,
      realm: request.realm,
      scheme: schemeName(request.scheme),
      refused: request.refused,
      expiresAt: new Date(this.now() + this.timeoutMs).toISOString(),
    };
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.close(key, { outcome: 'timedOut' }), this.timeoutMs);
      timer.unref();
      this.open.set(key, { prompt, waiting: [resolve], timer });
      this.push({ type: 'asked', prompt });
      if (this.open.size === 1) this.openListeners.forEach((listener) => listener(true));
    });
  }

  /**
   * A new run starts (a probe job, a Graph call, a route check): a Cancel or time-out from before it is
   * not its answer. Chromium's prompts carry no send time, so without this a Test connection clicked
   * within `reuseMs` of a Cancel would get that Cancel. It is sound because a run starts only when its
   * slot is free, so no request of the run that was cancelled is still on its way; a request of another
   * kind of job still running may then ask again, and shares the prompt the new run opens. An answer is
   * kept: reusing it for requests already on their way costs no one a prompt.
   */
  startRun(): void {
    for (const [key, entry] of this.recent) if (entry.result.outcome !== 'answered') this.recent.delete(key);
    // Nor does an earlier prompt's outcome explain a 407 in the new run (transport-chromium.ts).
    this.lastOutcome.clear();
  }

  /** The prompt with this id, while it is open. */
  prompt(promptId: string): ProxySignInPrompt | null {
    for (const open of this.open.values()) if (open.prompt.promptId === promptId) return open.prompt;
    return null;
  }

  /** The oldest open prompt: the one a window that opens now should show. */
  current(): ProxySignInPrompt | null {
    return this.open.values().next().value?.prompt ?? null;
  }

  /** The admin's answer (null: Cancel). false when the prompt had closed already. */
  answer(promptId: string, credentials: { username: string; password: string } | null): boolean {
    for (const [key, open] of this.open) {
      if (open.prompt.promptId !== promptId) continue;
      this.close(key, credentials ? { outcome: 'answered', ...credentials } : { outcome: 'cancelled' });
      return true;
    }
    return false;
  }

  /** How the last prompt for this proxy ended, for the 407 message (undefined: never asked). */
  outcomeFor(proxy: string): SignInOutcome | undefined {
    return this.lastOutcome.get(proxy);
  }

  private finish(key: string, result: SignInResult): SignInResult {
    this.lastOutcome.set(key.slice(0, key.indexOf(' ')), result.outcome);
    return result;
  }

  private close(key: string, result: SignInResult): void {
    const open = this.open.get(key);
    if (!open) return;
    this.open.delete(key);
    clearTimeout(open.timer);
    this.finish(key, result);
    const entry = { result, at: this.now() };
    this.recent.set(key, entry);
    // The password is kept no longer than it can be reused.
    setTimeout(() => {
      if (this.recent.get(key) === entry) this.recent.delete(key);
    }, this.reuseMs).unref();
    this.push({
      type: 'closed',
      promptId: open.prompt.promptId,
      outcome: result.outcome === 'answered' || result.outcome === 'timedOut' ? result.outcome : 'cancelled',
    });
    for (const resolve of open.waiting) resolve(result);
    if (this.open.size === 0) this.openListeners.forEach((listener) => listener(false));
  }

  whileOpen(listener: (open: boolean) => void): () => void {
    this.openListeners.add(listener);
    if (this.open.size > 0) listener(true);
    return () => void this.openListeners.delete(listener);
  }
}

const brokers = new WeakMap<object, ProxySignInBroker>();

/** One broker per app context; its events go out on the context's push channel. */
export function proxySignInBroker(context: {
  events: { emit(channel: 'proxySignIn', event: never): void; hasListeners(): boolean };
}): ProxySignInBroker {
  let broker = brokers.get(context);
  if (!broker) {
    broker = new ProxySignInBroker((event) => context.events.emit('proxySignIn', event as never), {
      canAsk: () => context.events.hasListeners(),
    });
    brokers.set(context, broker);
  }
  return broker;
}
