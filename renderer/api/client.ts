/**
 * The renderer's only way to reach main: the contract's named functions, over the preload bridge in
 * Electron or over the loopback server in the browser mode. Both answer with the same envelopes.
 */
import { bridgeGlobalName } from '../../shared/api/channels';
import type { ApiChannel, AssistantApi } from '../../shared/api/contract';
import { ApiError, type ApiEnvelope } from '../../shared/api/errors';

type EnvelopeBridge = Record<ApiChannel, (request: unknown) => Promise<ApiEnvelope<unknown>>>;

export function unwrap<T>(envelope: ApiEnvelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.fields);
}

/** Said when the loopback server does not answer at all: the browser's own "Failed to fetch" reads as if Jostle failed. */
export const BACKGROUND_STOPPED =
  'The assistant’s background process has stopped, so nothing was done. Run npm run web again and open the address it prints.';

const lostListeners = new Set<() => void>();

/**
 * Tells `listener` whenever a call finds the background process gone (browser mode), so the window can say
 * so once, above the page, instead of each button showing its own error. Returns the unsubscribe function.
 */
export function onBackgroundLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

/** Tells the window the background process is gone (also used by the streamed upload, which is not a call). */
export function notifyBackgroundLost(): void {
  for (const listener of lostListeners) listener();
}

function backgroundLost(): ApiEnvelope<unknown> {
  notifyBackgroundLost();
  return { ok: false, error: { code: 'not-available', message: BACKGROUND_STOPPED } };
}

export const LOST_TOKEN = 'This page lost its access token. Open the address the assistant printed again.';

async function overHttp(channel: ApiChannel, request: unknown): Promise<ApiEnvelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`./api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return backgroundLost();
  }
  if (response.status === 401) {
    return { ok: false, error: { code: 'invalid-request', message: LOST_TOKEN } };
  }
  if (!response.ok) return { ok: false, error: { code: 'internal', message: await response.text() } };
  try {
    return (await response.json()) as ApiEnvelope<unknown>;
  } catch {
    // The connection dropped mid-answer: the server went away while it was replying.
    return backgroundLost();
  }
}

export function createApi(): AssistantApi {
  const bridge = (window as unknown as Record<string, EnvelopeBridge | undefined>)[bridgeGlobalName];
  const call = (channel: ApiChannel, request: unknown) =>
    bridge ? bridge[channel](request) : overHttp(channel, request);
  return Object.fromEntries(
    __API_CHANNELS__.map((channel) => [
      channel,
      async (request: unknown) => unwrap(await call(channel, request)),
    ]),
  ) as AssistantApi;
}

export const api = createApi();
export const runningInElectron = (): boolean => bridgeGlobalName in window;

/**
 * Where a picked file is on disk, in the desktop app (the preload asks Electron's webUtils), so main can read
 * it there instead of receiving its text over IPC. Null in the browser mode.
 */
export function pathOfPickedFile(file: File): string | null {
  const bridge = (window as unknown as Record<string, { pathForFile?: (file: File) => string } | undefined>)[
    bridgeGlobalName
  ];
  return bridge?.pathForFile?.(file) || null;
}
