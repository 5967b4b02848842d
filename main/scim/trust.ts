import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { ScimConfigError } from './errors';

import type { CaSource } from '../network/transport';

export type { CaSource };

export interface TrustSettings {
  /** undefined keeps Node's default store; otherwise the complete list to trust. */
  ca: string[] | undefined;
  sources: CaSource[];
}

type GetCaCertificates = (type: 'default' | 'system' | 'bundled' | 'extra') => string[];

/** `tls.getCACertificates` exists from Node 22.15 (Electron 45 ships it); Node 20 lacks it. */
function caCertificatesApi(): GetCaCertificates | undefined {
  const candidate = (tls as unknown as { getCACertificates?: GetCaCertificates }).getCACertificates;
  return typeof candidate === 'function' ? candidate : undefined;
}

function readPemCertificates(path: string, label: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScimConfigError(`Cannot read the ${label} ${path}: ${(error as Error).message}`, 'caFile');
  }
  const certificates = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (certificates.length === 0) {
    throw new ScimConfigError(
      `The ${label} ${path} contains no PEM certificate (-----BEGIN CERTIFICATE-----)`,
      'caFile',
    );
  }
  return certificates;
}

/**
 * Builds the CA list for TLS verification. Verification itself is never switched off; corporate TLS
 * inspection is handled by trusting more roots: the OS store where the runtime can read it, and a PEM file.
 * Passing `ca` replaces Node's defaults, so the bundled roots (and NODE_EXTRA_CA_CERTS) are added back.
 */
export function buildTrustSettings(options: {
  caFile?: string;
  useSystemCa?: boolean;
  env?: NodeJS.ProcessEnv;
}): TrustSettings {
  const api = caCertificatesApi();
  const env = options.env ?? process.env;
  const system = options.useSystemCa !== false && api ? safeList(() => api('system')) : [];
  const file = options.caFile ? readPemCertificates(options.caFile, 'CA certificate file') : [];
  if (system.length === 0 && file.length === 0) return { ca: undefined, sources: ['bundled'] };

  const sources: CaSource[] = ['bundled'];
  let defaults: string[];
  if (api) {
    // 'default' already holds bundled + NODE_EXTRA_CA_CERTS (+ system when Node runs with --use-system-ca).
    defaults = safeList(() => api('default'));
    if (env.NODE_EXTRA_CA_CERTS) sources.push('NODE_EXTRA_CA_CERTS');
  } else {
    defaults = [...tls.rootCertificates];
    if (env.NODE_EXTRA_CA_CERTS) {
      defaults.push(
        ...safeList(() => readPemCertificates(env.NODE_EXTRA_CA_CERTS as string, 'NODE_EXTRA_CA_CERTS file')),
      );
      sources.push('NODE_EXTRA_CA_CERTS');
    }
  }
  if (system.length > 0) sources.push('system');
  if (file.length > 0) sources.push('file');
  return { ca: [...new Set([...defaults, ...system, ...file])], sources };
}

function safeList(read: () => string[]): string[] {
  try {
    return read();
  } catch {
    return [];
  }
}
