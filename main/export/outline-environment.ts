import type { SupportExport } from './model';
import { missing, orNone, yesNo, type Section, describeHost } from './outline';

const RUN_AS: Record<string, string> = {
  electron: 'desktop app',
  browser: 'browser mode',
  cli: 'command line',
};

export function aboutSection(model: SupportExport): Section {
  const { about } = model;
  return {
    id: 'about',
    title: 'About this export',
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Assistant', `${about.assistantName} ${about.assistantVersion}`],
          ['Generated', about.generatedAt],
          [
            'Operating system',
            `${about.os.type} ${about.os.release} (${about.os.platform}, ${about.os.arch})`,
          ],
          [
            'Runtime',
            `Node.js ${about.runtime.node}${about.runtime.electron ? `, Electron ${about.runtime.electron}` : ''}`,
          ],
          ['Run as', RUN_AS[about.transport] ?? about.transport],
        ],
      },
    ],
  };
}

const STORAGE_LABEL = { 'os-keychain': 'OS keychain', memory: 'memory only (this run)' } as const;

export function connectionSection(model: SupportExport): Section {
  const { baseUrlHost, key } = model.connection;
  const blocks: Section['blocks'] = [
    {
      kind: 'fields',
      rows: [
        ['Base URL host', describeHost(baseUrlHost, 'not saved yet')],
        [
          'API key saved',
          key.saved ? { text: 'yes', tone: 'good' } : { text: 'not saved yet', tone: 'warn' },
        ],
        ['Key fingerprint', orNone(key.fingerprint, 'none (no key saved)')],
        ['Key saved on', orNone(key.savedAt, 'never')],
        ['Key storage', `${STORAGE_LABEL[key.storage]}: ${key.storageName}`],
      ],
    },
    {
      kind: 'paragraph',
      text: 'The API key itself is never part of this export; the fingerprint (the first 8 hex digits of its SHA-256) lets support tell two keys apart.',
      tone: 'muted',
    },
  ];
  if (key.storageProblem) blocks.push({ kind: 'paragraph', text: key.storageProblem, tone: 'warn' });
  return { id: 'connection', title: 'Jostle connection', blocks };
}

export function networkSection(model: SupportExport): Section {
  const { proxy, certificates } = model.network;
  const caFile = certificates.caFile
    ? `${certificates.caFile} (${certificates.caFileFound ? 'found' : 'not found on this computer'})`
    : 'none';
  return {
    id: 'network',
    title: 'Network: proxy and certificates',
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Proxy in use', proxy.description],
          ['HTTPS_PROXY', orNone(proxy.httpsProxy, 'not set')],
          ['HTTP_PROXY', orNone(proxy.httpProxy, 'not set')],
          ['NO_PROXY', orNone(proxy.noProxy, 'not set')],
          ['Extra CA file', caFile],
          ['Trust the OS certificate store', yesNo(certificates.useSystemCa)],
          ['NODE_EXTRA_CA_CERTS', orNone(certificates.nodeExtraCaCerts, 'not set')],
        ],
      },
      ...(proxy.httpsProxy || proxy.httpProxy
        ? [missing('User names and passwords in proxy addresses are removed.')]
        : []),
    ],
  };
}
