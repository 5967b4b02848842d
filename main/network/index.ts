export {
  clientSettings,
  describeProxy,
  liveClientSettings,
  startNetworkRun,
  systemCaSupported,
  type ClientSettings,
} from './client-settings';
export { proxyCredentialVault, type ProxyCredentialStatus } from './proxy-credentials';
export {
  CertificateFileError,
  parseCertificates,
  TRUSTED_CERTIFICATES_FILE,
  TrustedCertificates,
  type SavedCertificates,
  type TrustedCertificateView,
} from './trusted-certificates';
