import type { z } from 'zod';
import type { networkSettingsSchema } from '../../shared/api/contracts/network';
import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import {
  CertificateFileError,
  clientSettings,
  describeProxy,
  liveClientSettings,
  proxyCredentialVault,
  startNetworkRun,
  systemCaSupported,
  TrustedCertificates,
  type SavedCertificates,
} from '../network';
import { checkRoute } from '../network/route-check';
import { describeTrustStore } from '../network/trust-store';
import type { HandlerTable } from './handler-table';

type NetworkView = z.output<typeof networkSettingsSchema>;

async function networkView(context: AppContext, store: TrustedCertificates): Promise<NetworkView> {
  const vault = proxyCredentialVault(context);
  // Reading the status also loads the sign-in for Graph, whose clients are built synchronously.
  const proxyCredentials = await vault.status();
  const settings = clientSettings(context);
  let saved: SavedCertificates | null = null;
  let problem: string | null = null;
  try {
    saved = store.current();
  } catch (error) {
    if (!(error instanceof CertificateFileError)) throw error;
    problem = error.message;
  }
  const caFile = context.settings.read().network.caFile;
  return {
    proxy: describeProxy(settings),
    useSystemCa: settings.useSystemCa !== false,
    systemCaSupported: systemCaSupported(),
    file: saved
      ? { path: saved.path, fileName: saved.fileName, savedAt: saved.savedAt }
      : caFile
        ? { path: caFile, fileName: null, savedAt: null }
        : null,
    certificates: saved?.certificates ?? [],
    problem,
    stack: settings.transport ? 'chromium' : 'node',
    trustStore: describeTrustStore(settings),
    proxyCredentials,
    proxyCredentialsProblem: vault.problem,
  };
}

export function networkHandlers(
  context: AppContext,
): Pick<
  HandlerTable,
  | 'getNetworkSettings'
  | 'setUseSystemCa'
  | 'saveTrustedCertificates'
  | 'removeTrustedCertificates'
  | 'saveProxyCredentials'
  | 'forgetProxyCredentials'
  | 'checkNetworkRoute'
> {
  const store = new TrustedCertificates(context.dataDir, context.settings);
  return {
    getNetworkSettings: async () => networkView(context, store),

    setUseSystemCa: async ({ enabled }) => {
      context.settings.update('network', (network) => ({ ...network, useSystemCa: enabled }));
      context.logger.log('info', 'system certificate store setting changed', { useSystemCa: enabled });
      return networkView(context, store);
    },

    saveTrustedCertificates: async ({ fileName, pem }) => {
      let saved: SavedCertificates;
      try {
        saved = store.save(fileName, pem);
      } catch (error) {
        if (error instanceof CertificateFileError) {
          throw new ApiError('invalid-request', error.message, { pem: error.message });
        }
        throw error;
      }
      context.logger.log('info', 'trusted certificates saved', {
        count: saved.certificates.length,
        fingerprints: saved.certificates.map((certificate) => certificate.fingerprint),
      });
      return networkView(context, store);
    },

    removeTrustedCertificates: async () => {
      store.remove();
      context.logger.log('info', 'trusted certificates removed');
      return networkView(context, store);
    },

    saveProxyCredentials: async ({ proxy, username, password }) => {
      try {
        new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
      } catch {
        throw new ApiError('invalid-request', `${proxy} is not a proxy address; enter host:port.`, {
          proxy: 'Enter host:port, e.g. proxy.example.com:8080.',
        });
      }
      if (/[\r\n]/.test(username) || /[\r\n]/.test(password) || username.includes(':')) {
        throw new ApiError('invalid-request', 'The user name cannot contain a colon or a line break.', {
          username: 'No colon or line break.',
        });
      }
      await proxyCredentialVault(context).save(proxy, username, password);
      // Neither the user name nor the password goes to the log: only that a sign-in was saved, and where for.
      context.logger.log('info', 'proxy sign-in saved', {
        proxy: (await proxyCredentialVault(context).status())?.proxy,
      });
      return networkView(context, store);
    },

    forgetProxyCredentials: async () => {
      await proxyCredentialVault(context).forget();
      context.logger.log('info', 'proxy sign-in removed');
      return networkView(context, store);
    },

    checkNetworkRoute: async ({ url }) => {
      let target: URL;
      if (url) {
        try {
          target = new URL(url);
        } catch {
          throw new ApiError('invalid-request', `${url} is not a web address.`, { url: 'Not a URL.' });
        }
        if (target.protocol !== 'https:' && target.protocol !== 'http:')
          throw new ApiError('invalid-request', 'Enter an https:// address.', { url: 'https:// only.' });
      } else {
        const saved = await context.vault.read();
        if (!saved)
          throw new ApiError('not-found', 'Save your Jostle Base URL first (step 3), or enter an address.');
        target = new URL(`${saved.baseUrl.replace(/\/+$/, '')}/ServiceProviderConfig`);
      }
      startNetworkRun(context);
      const result = await checkRoute(target, await liveClientSettings(context));
      context.logger.log('info', 'network route checked', {
        host: target.host,
        route: result.route,
        outcome: result.outcome,
        status: result.status,
      });
      return context.redactor.value(result);
    },
  };
}
