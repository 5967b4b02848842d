/**
 * The renderer's side of the push channel: `subscribe(channel, listener, { signal })`, ended by aborting the
 * signal (the AbortSignal pattern of DOM addEventListener, as Electron Fiddle uses it). In Electron the
 * preload's `on<Channel>` function delivers the events; in the browser mode one shared EventSource on
 * /api/events carries every channel, opened with the first subscription and closed with the last. Main
 * validated each event against shared/api/events.ts before it left; only the types are imported here.
 */
import { bridgeGlobalName, EVENT_STREAM_PATH, subscribeFunctionName } from '../../shared/api/channels';
import type { ApiEvent, ApiEventChannel } from '../../shared/api/events';

type Listener = (event: never) => void;
type SubscribeBridge = Record<string, ((listener: Listener) => () => void) | undefined>;

export interface SubscribeOptions {
  signal: AbortSignal;
  /**
   * Called once the events flow (at once in Electron; when the stream opens, and again after it
   * reconnected, in the browser mode): read the current state then, since events sent before it are not
   * replayed.
   */
  onConnected?: () => void;
}

let source: EventSource | null = null;
const streamListeners = new Map<string, Set<Listener>>();
const connectedListeners = new Set<() => void>();

function openStream(): EventSource {
  if (source) return source;
  source = new EventSource(`.${EVENT_STREAM_PATH}`, { withCredentials: false });
  source.addEventListener('open', () => connectedListeners.forEach((listener) => listener()));
  for (const channel of streamListeners.keys()) attach(source, channel);
  return source;
}

const attached = new Set<string>();
function attach(stream: EventSource, channel: string): void {
  if (attached.has(channel)) return;
  attached.add(channel);
  stream.addEventListener(channel, (message) => {
    let event: unknown;
    try {
      event = JSON.parse((message as MessageEvent<string>).data);
    } catch {
      return;
    }
    for (const listener of streamListeners.get(channel) ?? []) listener(event as never);
  });
}

function closeStreamIfUnused(): void {
  if ([...streamListeners.values()].some((set) => set.size > 0)) return;
  source?.close();
  source = null;
  attached.clear();
}

export function subscribe<C extends ApiEventChannel>(
  channel: C,
  listener: (event: ApiEvent<C>) => void,
  { signal, onConnected }: SubscribeOptions,
): void {
  if (signal.aborted) return;
  const bridge = (window as unknown as Record<string, SubscribeBridge | undefined>)[bridgeGlobalName];
  if (bridge) {
    const unsubscribe = bridge[subscribeFunctionName(channel)]?.(listener as Listener);
    signal.addEventListener('abort', () => unsubscribe?.(), { once: true });
    onConnected?.();
    return;
  }
  if (!streamListeners.has(channel)) streamListeners.set(channel, new Set());
  streamListeners.get(channel)!.add(listener as Listener);
  if (onConnected) connectedListeners.add(onConnected);
  const stream = openStream();
  attach(stream, channel);
  if (onConnected && stream.readyState === EventSource.OPEN) onConnected();
  signal.addEventListener(
    'abort',
    () => {
      streamListeners.get(channel)?.delete(listener as Listener);
      if (onConnected) connectedListeners.delete(onConnected);
      closeStreamIfUnused();
    },
    { once: true },
  );
}
