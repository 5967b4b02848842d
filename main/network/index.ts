export { clientSettings, describeProxy, systemCaSupported, type ClientSettings } from './client-settings';
export {
  CertificateFileError,
  parseCertificates,
  TRUSTED_CERTIFICATES_FILE,
  TrustedCertificates,
  type SavedCertificates,
  type TrustedCertificateView,
} from './trusted-certificates';
