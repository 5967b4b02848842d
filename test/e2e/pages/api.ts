import type { Page } from '@playwright/test';

/**
 * Calls the app's API from the page the way the UI does, over whichever transport the page has: the preload
 * bridge in Electron, the loopback API in the browser mode. Used to set up data quickly.
 */
export async function callApi<T = unknown>(page: Page, channel: string, request: unknown): Promise<T> {
  return page.evaluate(
    async ([name, body]) => {
      type Envelope = { ok: true; value: unknown } | { ok: false; error: { message: string } };
      const bridge = (
        window as unknown as Record<
          string,
          Record<string, (request: unknown) => Promise<Envelope>> | undefined
        >
      ).jostleAssistant;
      const envelope: Envelope = bridge
        ? await bridge[name]!(body)
        : ((await (
            await fetch(`./api/${name}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            })
          ).json()) as Envelope);
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    },
    [channel, request] as const,
  ) as Promise<T>;
}
