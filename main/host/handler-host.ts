/**
 * The handler host: the whole handler table, in a process of its own (an Electron utility process in the
 * desktop app). Started by main with a `start` message; then answers `call`s with the same envelopes the
 * IPC bridge would, and asks main for the clipboard, the proxy and the save dialog.
 */
import { clearApiKeyFromClipboard } from '../api/entra-handoff-handlers';
import { dispatch } from '../api/dispatch';
import { createHandlers, type HandlerTable } from '../api/handlers';
import { createAppContext, type AppContext } from '../app/context';
import { graphSession } from '../graph/session';
import type { BackingStoreFactory } from '../settings/settings-store';
import { chromiumTransportFactory } from '../network/transport-chromium';
import type { ClientSettings } from '../network/client-settings';
import { proxySignInBroker } from '../network/proxy-sign-in';

import type { HostStart, MessageLink, ToHost } from './protocol';
import { RemoteServices } from './remote-services';

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The desktop app sends through Chromium (net.fetch in this utility process); Node modes keep undici. */
async function networkFor(start: HostStart, services: RemoteServices): Promise<ClientSettings> {
  const network: ClientSettings = start.resolveProxyInMain ? { resolveProxy: services.resolveProxy } : {};
  if (start.transport !== 'electron') return network;
  // Imported on demand: plain Node (browser mode) cannot load `electron`.
  const { net } = await import('electron');
  return { ...network, transport: chromiumTransportFactory((input, init) => net.fetch(input, init)) };
}

async function settingsBacking(start: HostStart): Promise<BackingStoreFactory> {
  // Imported on demand: electron-store imports `electron`, which plain Node cannot load.
  if (start.settingsBackend === 'electron-store') {
    return (await import('../settings/electron-backing')).electronStoreBacking;
  }
  return (await import('../settings/node-backing')).confBacking;
}

export function serveHandlerHost(link: MessageLink): void {
  const services = new RemoteServices(link);
  let running: Promise<{ context: AppContext; handlers: HandlerTable } | null> | null = null;

  async function start(message: HostStart) {
    try {
      const context = await createAppContext({
        transport: message.transport,
        dataDir: message.dataDir,
        env: process.env,
        settingsBacking: await settingsBacking(message),
        ...(message.clipboardInMain ? { clipboard: services.clipboard() } : {}),
        network: await networkFor(message, services),
        ...(message.saveExportInMain ? { exportSaver: services.exportSaver() } : {}),
        // Only the desktop app can ask the admin in a dialog the window's code cannot answer for them.
        ...(message.transport === 'electron' ? { confirmReveal: services.confirmReveal } : {}),
      });
      // Microsoft Graph's interactive sign-in opens the system browser, which only main can do.
      if (message.transport === 'electron')
        (await graphSession(context)).openBrowser = services.openSignInPage;
      // Job events go to main as they happen; main forwards them to the window (IPC or Server-Sent Events).
      context.events.subscribe((channel, event) => link.post({ kind: 'event', channel, event }));
      link.post({ kind: 'ready', window: context.settings.read().window });
      return { context, handlers: createHandlers(context) };
    } catch (error) {
      link.post({ kind: 'fatal', message: describe(error) });
      return null;
    }
  }

  async function stop() {
    const started = await running;
    if (started) {
      const { context } = started;
      await Promise.allSettled([
        clearApiKeyFromClipboard(context),
        context.dryRun.close(),
        context.mock.stop(),
      ]);
      context.logger.log('info', 'handler host stopped');
    }
    link.post({ kind: 'stopped' });
    setImmediate(() => process.exit(0));
  }

  link.onMessage((raw) => {
    const message = raw as ToHost;
    switch (message.kind) {
      case 'start':
        running ??= start(message);
        return;
      case 'call':
        void (async () => {
          const started = await running;
          const envelope = started
            ? await dispatch(started.handlers, message.channel, message.payload, started.context.logger)
            : {
                ok: false as const,
                error: { code: 'not-available' as const, message: 'The assistant did not start.' },
              };
          link.post({ kind: 'result', id: message.id, envelope });
        })();
        return;
      case 'save-window':
        void running?.then((started) => {
          try {
            started?.context.settings.update('window', () => message.bounds);
          } catch (error) {
            started?.context.logger.log('warn', 'window size not saved', { error: describe(error) });
          }
        });
        return;
      case 'proxy-sign-in':
        void (async () => {
          const started = await running;
          const result = started
            ? await proxySignInBroker(started.context).ask(message.request)
            : ({ outcome: 'cancelled' } as const);
          link.post({ kind: 'proxy-sign-in-result', id: message.id, result });
        })();
        return;
      case 'service-result':
        services.settle(message);
        return;
      case 'shutdown':
        void stop();
        return;
    }
  });
  link.post({ kind: 'listening' });
}
