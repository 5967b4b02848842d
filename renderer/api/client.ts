/**
 * The renderer's only way to reach main: the contract's named functions, over the preload bridge in
 * Electron or over the loopback server in the browser mode. Both answer with the same envelopes.
 */
import { bridgeGlobalName } from '../../shared/api/channels';
import { apiChannels, type ApiChannel, type AssistantApi } from '../../shared/api/contract';
import { ApiError, type ApiEnvelope } from '../../shared/api/errors';

type EnvelopeBridge = Record<ApiChannel, (request: unknown) => Promise<ApiEnvelope<unknown>>>;

function unwrap<T>(envelope: ApiEnvelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.fields);
}

async function overHttp(channel: ApiChannel, request: unknown): Promise<ApiEnvelope<unknown>> {
  const response = await fetch(`./api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request ?? {}),
    credentials: 'same-origin',
  });
  if (response.status === 401) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'This page lost its access token. Open the address the assistant printed again.',
      },
    };
  }
  if (!response.ok) return { ok: false, error: { code: 'internal', message: await response.text() } };
  return (await response.json()) as ApiEnvelope<unknown>;
}

export function createApi(): AssistantApi {
  const bridge = (window as unknown as Record<string, EnvelopeBridge | undefined>)[bridgeGlobalName];
  const call = (channel: ApiChannel, request: unknown) =>
    bridge ? bridge[channel](request) : overHttp(channel, request);
  return Object.fromEntries(
    apiChannels.map((channel) => [channel, async (request: unknown) => unwrap(await call(channel, request))]),
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
