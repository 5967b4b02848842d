/**
 * Main's side of the handler host: starts it, forwards API calls and answers its service requests. It knows
 * nothing of Electron; main/electron adapts a UtilityProcess to `HostProcess` (and Node could adapt a
 * child_process). When the host dies, every waiting call is answered with an error, and `onExit` tells the
 * owner, which offers a relaunch.
 */
import type { ApiEnvelope } from '../../shared/api/errors';
import { eventContract } from '../../shared/api/events';
import type { EventListener, SubscribeToEvents } from '../jobs/job-events';
import type { WindowBounds } from '../settings/schema';
import type { SignInRequest, SignInResult } from '../network/proxy-sign-in';
import { fromHostSchema, type FromHost, type HostStart, type ServiceName, type ToHost } from './protocol';

export interface HostProcess {
  post(message: ToHost): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export type ServiceTable = Record<ServiceName, (...args: unknown[]) => Promise<unknown>>;

const HOST_GONE: ApiEnvelope<never> = {
  ok: false,
  error: {
    code: 'not-available',
    message: 'The assistant’s background process stopped. Relaunch the assistant to continue.',
  },
};

export class HandlerHostClient {
  private nextId = 1;
  private readonly waiting = new Map<number, (envelope: ApiEnvelope<unknown>) => void>();
  private exited = false;
  private started = false;
  private stopping = false;
  private readonly ready: Promise<WindowBounds>;
  private stopped: (() => void) | null = null;
  private readonly eventListeners = new Set<EventListener>();
  private readonly signIns = new Map<number, (result: SignInResult) => void>();

  constructor(
    private readonly host: HostProcess,
    private readonly services: ServiceTable,
    start: Omit<HostStart, 'kind'>,
    private readonly report: (level: 'warn' | 'error', message: string) => void,
    onUnexpectedExit: (code: number) => void,
  ) {
    this.ready = new Promise((resolve, reject) => {
      host.onMessage((raw) => {
        const parsed = fromHostSchema.safeParse(raw);
        if (!parsed.success) {
          this.report('warn', 'ignored a malformed message from the handler host');
          return;
        }
        const message = parsed.data as FromHost;
        if (message.kind === 'listening') host.post({ kind: 'start', ...start });
        else if (message.kind === 'ready') {
          this.started = true;
          resolve(message.window);
        } else if (message.kind === 'fatal') reject(new Error(message.message));
        else this.handle(message);
      });
      host.onExit((code) => {
        this.exited = true;
        for (const answer of this.waiting.values()) answer(HOST_GONE);
        this.waiting.clear();
        for (const answer of this.signIns.values()) answer({ outcome: 'cancelled' });
        this.signIns.clear();
        reject(new Error(`The background process stopped before it was ready (exit code ${code}).`));
        this.stopped?.();
        // Dying before it was ready is reported through whenReady(), once.
        if (!this.stopping && this.started) onUnexpectedExit(code);
      });
    });
    this.ready.catch(() => undefined);
  }

  /** The saved window bounds once the host has opened the settings; rejects with why it could not start. */
  whenReady(): Promise<WindowBounds> {
    return this.ready;
  }

  call(channel: string, payload: unknown): Promise<ApiEnvelope<unknown>> {
    if (this.exited) return Promise.resolve(HOST_GONE);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.host.post({ kind: 'call', id, channel, payload });
    });
  }

  /** Asks the window, through the host, for a proxy's user name and password (main's app 'login'). */
  askProxySignIn(request: SignInRequest): Promise<SignInResult> {
    if (this.exited) return Promise.resolve({ outcome: 'cancelled' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.signIns.set(id, resolve);
      this.host.post({ kind: 'proxy-sign-in', id, request });
    });
  }

  /** Job events from the host, each valid against the push contract; returns the unsubscribe function. */
  readonly subscribe: SubscribeToEvents = (listener) => {
    this.eventListeners.add(listener);
    return () => void this.eventListeners.delete(listener);
  };

  saveWindow(bounds: WindowBounds): void {
    if (!this.exited) this.host.post({ kind: 'save-window', bounds });
  }

  /** Lets the host clear the clipboard and stop the mock; kills it if it takes longer than `graceMs`. */
  shutdown(graceMs = 5_000): Promise<void> {
    if (this.exited) return Promise.resolve();
    this.stopping = true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.host.kill();
        resolve();
      }, graceMs);
      this.stopped = () => {
        clearTimeout(timer);
        resolve();
      };
      this.host.post({ kind: 'shutdown' });
    });
  }

  private handle(message: Exclude<FromHost, { kind: 'listening' | 'ready' | 'fatal' }>): void {
    if (message.kind === 'proxy-sign-in-result') {
      this.signIns.get(message.id)?.(message.result);
      this.signIns.delete(message.id);
      return;
    }
    if (message.kind === 'result') {
      this.waiting.get(message.id)?.(message.envelope as ApiEnvelope<unknown>);
      this.waiting.delete(message.id);
      return;
    }
    if (message.kind === 'event') {
      const checked = eventContract[message.channel].safeParse(message.event);
      if (!checked.success) {
        this.report('warn', `ignored a malformed ${message.channel} event from the handler host`);
        return;
      }
      for (const listener of this.eventListeners) {
        try {
          listener(message.channel, checked.data);
        } catch {
          // One window or stream that cannot take the event must not stop the others.
        }
      }
      return;
    }
    if (message.kind === 'service') {
      const { id, name, args } = message;
      this.services[name](...args).then(
        (value) => this.host.post({ kind: 'service-result', id, ok: true, value }),
        (error: unknown) =>
          this.host.post({
            kind: 'service-result',
            id,
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          }),
      );
    }
  }
}
