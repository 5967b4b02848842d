import type { z } from 'zod';
import type { networkSettingsSchema } from '../../shared/api/contracts/network';
import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import {
  CertificateFileError,
  clientSettings,
  describeProxy,
  systemCaSupported,
  TrustedCertificates,
  type SavedCertificates,
} from '../network';
import type { HandlerTable } from './handler-table';

type NetworkView = z.output<typeof networkSettingsSchema>;

function networkView(context: AppContext, store: TrustedCertificates): NetworkView {
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
  };
}

export function networkHandlers(
  context: AppContext,
): Pick<
  HandlerTable,
  'getNetworkSettings' | 'setUseSystemCa' | 'saveTrustedCertificates' | 'removeTrustedCertificates'
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
  };
}
