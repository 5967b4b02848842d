/**
 * The desktop app's transport (Chromium's net.fetch) against the same contract as undici's, through the
 * Electron stand-in's net.fetch (test/electron/stand-in/net.ts, implemented on undici and documented
 * against electron.d.ts), with main's real proxy-login handler answering the Basic prompt.
 */
import { app, net, session } from 'electron';
import { describe, expect, it } from 'vitest';
import { answerProxyLogins } from '../../main/electron/proxy-login';
import type { ProxyCredentials } from '../../main/network/proxy-auth';
import { chromiumTransportFactory } from '../../main/network/transport-chromium';
import { proxyKeychainService } from '../../main/electron/proxy-keychain';
import { keychainServiceName } from '../../main/secrets';
import { transportContract } from '../network/transport-contract';

const standIn = net as unknown as typeof net & {
  systemRoots: string[];
  fetched: string[];
  clearAuthCache(): void;
};
const defaultSession = session.defaultSession as unknown as { proxyFor: (url: string) => string };

describe('Chromium transport (desktop app), through the Electron stand-in', () => {
  transportContract({
    name: 'Chromium net.fetch',
    stack: 'chromium',
    options: ({ proxy, pki, credentials }) => {
      // The "OS" proxy setting and trust store, which Chromium reads itself.
      defaultSession.proxyFor = () => (proxy ? `PROXY ${proxy.hostPort}` : 'DIRECT');
      standIn.systemRoots = [pki.caPem];
      // The sign-in saved under Diagnostics > Network reaches Chromium only through main's answer.
      const saved: ProxyCredentials | null = credentials;
      // No window here: a prompt the contract suite provokes is cancelled, as Cancel in the dialog would.
      answerProxyLogins(app, {
        savedCredentials: async () => saved,
        ask: async () => ({ outcome: 'cancelled' }),
        log: () => undefined,
      });
      return {
        transport: chromiumTransportFactory((input, init) => net.fetch(input, init)),
        resolveProxy: (url) => session.defaultSession.resolveProxy(url),
        env: {},
      };
    },
    reset: () => {
      app.removeAllListeners('login');
      defaultSession.proxyFor = () => 'DIRECT';
      standIn.systemRoots = [];
      standIn.clearAuthCache();
    },
  });

  it('main and the host read the same keychain service', () => {
    for (const env of [{}, { JPA_KEYCHAIN_SERVICE: 'JPA test 42' }]) {
      expect(proxyKeychainService(env)).toBe(keychainServiceName(env));
    }
  });

  it('does not answer a page’s login prompt (webContents set) or a server’s 401: Electron cancels those', async () => {
    answerProxyLogins(app, {
      savedCredentials: async () => ({ proxy: 'h:1', username: 'u', password: 'p' }),
      ask: async () => ({ outcome: 'answered', username: 'u', password: 'p' }),
      log: () => undefined,
    });
    const answers: unknown[][] = [];
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    app.emit(
      'login',
      event,
      {},
      { url: 'https://x' },
      { isProxy: true, scheme: 'basic', host: 'h', port: 1, realm: '' },
      (...args: unknown[]) => answers.push(args),
    );
    app.emit(
      'login',
      event,
      null,
      { url: 'https://x' },
      { isProxy: false, scheme: 'basic', host: 'h', port: 1, realm: '' },
      (...args: unknown[]) => answers.push(args),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(event.defaultPrevented).toBe(false);
    expect(answers).toEqual([]);
    app.removeAllListeners('login');
  });
});
