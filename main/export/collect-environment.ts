/** The parts of the export about this computer and connection: version, OS, Base URL host, key, network. */
import { existsSync } from 'node:fs';
import { arch, release, type as osType } from 'node:os';
import type { AppContext } from '../app/context';
import { PRODUCT_NAME } from '../app/paths';
import { appVersion } from '../app/version';
import { clientSettings } from '../network';
import { redactUrlCredentials } from '../scim/redact';
import type { AboutSection, ConnectionSection, NetworkSection } from './model';

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

export function collectAbout(context: AppContext, now: Date): AboutSection {
  return {
    assistantName: PRODUCT_NAME,
    assistantVersion: appVersion(),
    transport: context.transport,
    generatedAt: now.toISOString(),
    os: { platform: process.platform, release: release(), type: osType(), arch: arch() },
    runtime: { node: process.versions.node, electron: process.versions.electron ?? null },
  };
}

export async function collectConnection(context: AppContext): Promise<ConnectionSection> {
  // status() gives the fingerprint and date; the key itself is never read into the export.
  const key = await context.vault.status();
  return {
    baseUrlHost: hostOf(context.settings.read().connection.baseUrl),
    key: {
      saved: key.saved,
      fingerprint: key.fingerprint,
      savedAt: key.savedAt,
      storage: key.storage,
      storageName: key.storageName,
      storageProblem: key.storageProblem,
    },
  };
}

function envValue(env: NodeJS.ProcessEnv, name: string): string | null {
  // Lower case wins, as in ProxyRouter (main/scim/proxy.ts), so the export shows what requests really used.
  const value = env[name.toLowerCase()] ?? env[name];
  return value?.trim() ? value.trim() : null;
}

function proxyUrl(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = envValue(env, name);
  return value === null ? null : redactUrlCredentials(value);
}

export function collectNetwork(context: AppContext): NetworkSection {
  const network = clientSettings(context);
  const env = network.env ?? {};
  const httpsProxy = proxyUrl(env, 'HTTPS_PROXY');
  const httpProxy = proxyUrl(env, 'HTTP_PROXY');
  const caFile = network.caFile ?? null;
  const mode = network.resolveProxy ? 'system' : httpsProxy || httpProxy ? 'environment' : 'direct';
  const description = {
    system: 'system proxy (Electron): the operating system’s proxy settings and PAC script',
    environment: 'proxy from the environment (HTTPS_PROXY / HTTP_PROXY, except hosts in NO_PROXY)',
    direct: 'direct: no proxy configured',
  }[mode];
  return {
    proxy: { mode, description, httpsProxy, httpProxy, noProxy: envValue(env, 'NO_PROXY') },
    certificates: {
      caFile,
      caFileFound: caFile ? existsSync(caFile) : null,
      useSystemCa: network.useSystemCa !== false,
      nodeExtraCaCerts: envValue(env, 'NODE_EXTRA_CA_CERTS'),
    },
  };
}
