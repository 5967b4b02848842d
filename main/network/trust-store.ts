/**
 * Which certificate store verifies servers, said plainly for Diagnostics > Network and the support export.
 * Facts behind the words (Node docs, cli.md): `tls.getCACertificates('system')` exists from Node 22.15;
 * `--use-system-ca` from 23.8 (other than Windows/macOS from 23.9); `NODE_USE_SYSTEM_CA=1` from 22.19 and
 * 24.6. Node 20 has none of them; its `--use-openssl-ca` reads OpenSSL's store, which is the system store on
 * Linux distributions but not the Windows or macOS one.
 */
import type { ClientSettings } from './client-settings';
import { systemCaSupported } from './client-settings';

export function describeTrustStore(settings: ClientSettings, nodeVersion = process.versions.node): string {
  if (settings.transport) {
    return 'This computer’s certificate store, including roots your organisation deployed, as your browser uses it (Chromium verifies). The extra certificate file below is not needed for, nor used by, the desktop app’s own requests.';
  }
  const extra = settings.caFile ? ' plus the certificate file below' : '';
  const envExtra = (settings.env ?? process.env).NODE_EXTRA_CA_CERTS ? ', NODE_EXTRA_CA_CERTS' : '';
  if (systemCaSupported()) {
    return settings.useSystemCa === false
      ? `Node’s built-in roots${envExtra}${extra}; this computer’s store is switched off below.`
      : `Node’s built-in roots and this computer’s certificate store${envExtra}${extra}.`;
  }
  return `Node’s built-in roots${envExtra}${extra}. Node ${nodeVersion} cannot read this computer’s certificate store (Node 22.15 or later can; on Linux, starting with NODE_OPTIONS=--use-openssl-ca uses the distribution’s store). The desktop app uses the computer’s store.`;
}
