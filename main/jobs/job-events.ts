/**
 * Where jobs publish their events, in the process that runs the handlers. Each event is checked against
 * the push contract (shared/api/events.ts) before any transport sees it, as responses are; a listener that
 * throws never stops a job.
 */
import { eventContract, type ApiEvent, type ApiEventChannel } from '../../shared/api/events';

export type EventListener = (channel: ApiEventChannel, event: unknown) => void;

/** What a transport needs to forward events: subscribe, and a function that unsubscribes. */
export type SubscribeToEvents = (listener: EventListener) => () => void;

export class JobEvents {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly onInvalid: (channel: string, problem: string) => void = () => {}) {}

  emit<C extends ApiEventChannel>(channel: C, event: ApiEvent<C>): void {
    const checked = eventContract[channel].safeParse(event);
    if (!checked.success) {
      this.onInvalid(channel, checked.error.issues[0]?.message ?? 'invalid event');
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(channel, checked.data);
      } catch {
        // A transport that cannot deliver (a closed window, a dropped stream) must not stop the job.
      }
    }
  }

  /** Whether anything would receive an event now (a window's stream, the desktop host's link). */
  hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  readonly subscribe: SubscribeToEvents = (listener) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}
