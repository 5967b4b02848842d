import {
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Switch,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ApiResponse } from '../../shared/api/contract';
import {
  MAX_TRUSTED_CERTIFICATES_BYTES,
  type trustedCertificateSchema,
} from '../../shared/api/contracts/network';
import { formatDate } from '../../shared/format/date-time';
import { api } from '../api/client';
import { messageOf } from '../text';
import { ProxySignIn } from './ProxySignIn';

type NetworkView = ApiResponse<'getNetworkSettings'>;
type Certificate = z.output<typeof trustedCertificateSchema>;

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '820px',
    marginBottom: tokens.spacingVerticalXL,
    paddingBottom: tokens.spacingVerticalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  subheading: { margin: `${tokens.spacingVerticalM} 0 0` },
  switchHint: { marginLeft: tokens.spacingHorizontalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  certificate: {
    listStyleType: 'none',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

function nameOf(name: Certificate['subject']): string {
  if (name.cn && name.o) return `${name.cn} (${name.o})`;
  return name.cn ?? name.o ?? 'No name';
}

function CertificateItem({ certificate }: { certificate: Certificate }) {
  const styles = useStyles();
  return (
    <li className={styles.certificate} data-testid="trusted-certificate">
      <span className={styles.row}>
        <Text weight="semibold">{nameOf(certificate.subject)}</Text>
        {certificate.isCa ? (
          <Badge appearance="tint" color="brand">
            CA
          </Badge>
        ) : (
          <Badge appearance="tint" color="warning">
            Not a CA
          </Badge>
        )}
        {certificate.expired && (
          <Badge appearance="filled" color="danger">
            Expired
          </Badge>
        )}
      </span>
      <Text size={200}>
        Issued by {certificate.selfSigned ? 'itself (a root certificate)' : nameOf(certificate.issuer)} ·
        valid {formatDate(certificate.validFrom)} to {formatDate(certificate.validTo)}
      </Text>
      <Text size={200} className={styles.muted}>
        SHA-256 <span className={styles.mono}>{certificate.fingerprint}…</span>
        {!certificate.isCa && ' · a server certificate: it vouches only for itself, not for other sites'}
      </Text>
    </li>
  );
}

/** Diagnostics > Network: how requests leave this computer, and which extra certificates are trusted. */
export function NetworkSettings() {
  const styles = useStyles();
  const [network, setNetwork] = useState<NetworkView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void api
      .getNetworkSettings({})
      .then(setNetwork)
      .catch((failure: unknown) => setError(String(failure)));
  }, []);

  async function change(action: () => Promise<NetworkView>) {
    setBusy(true);
    setError(null);
    try {
      setNetwork(await action());
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  async function chosen(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_TRUSTED_CERTIFICATES_BYTES) {
      setError(`${file.name} is larger than 1 MiB. A root certificate is a few kilobytes.`);
      return;
    }
    // The browser mode has no file paths, so the text travels; main checks it before keeping anything.
    const pem = await file.text();
    await change(() => api.saveTrustedCertificates({ fileName: file.name, pem }));
  }

  const file = network?.file ?? null;
  return (
    <section className={styles.section} aria-labelledby="network-title" data-testid="network-settings">
      <Title3 as="h2" id="network-title" className={styles.heading}>
        Network
      </Title3>
      <Text>
        How requests leave this computer: <b data-testid="network-proxy">{network?.proxy ?? '…'}</b>
      </Text>
      {network && <ProxySignIn network={network} onChange={setNetwork} />}

      <Subtitle2 as="h3" className={styles.subheading}>
        Trust an extra certificate (for corporate TLS inspection, e.g. Zscaler)
      </Subtitle2>
      <Text className={styles.muted}>
        If Diagnostics says the server’s certificate could not be verified, your network probably inspects
        HTTPS with its own certificate. Ask IT for your organisation’s root certificate as a PEM file (text
        starting with -----BEGIN CERTIFICATE-----) and choose it here. Certificates are still checked; this
        only adds one more that the assistant accepts.
      </Text>
      {error && (
        <MessageBar intent="error" data-testid="network-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {network?.problem && (
        <MessageBar intent="warning" data-testid="network-problem">
          <MessageBarBody>{network.problem}</MessageBarBody>
        </MessageBar>
      )}
      {file && network && network.certificates.length > 0 && (
        <ul className={styles.list} data-testid="trusted-certificates">
          {network.certificates.map((certificate) => (
            <CertificateItem key={certificate.fingerprint} certificate={certificate} />
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <Button disabled={busy || !network} onClick={() => fileInput.current?.click()}>
          {file ? 'Replace with another file…' : 'Choose certificate file…'}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".pem,.crt,.cer,.txt"
          hidden
          data-testid="trusted-cert-file"
          onChange={(event) => {
            const picked = event.target.files?.[0];
            event.target.value = ''; // choosing the same file again fires again
            void chosen(picked);
          }}
        />
        {file && (
          <>
            <Button
              disabled={busy}
              onClick={() => void change(() => api.removeTrustedCertificates({}))}
              data-testid="remove-trusted-certs"
            >
              Remove
            </Button>
            <Text size={200} className={styles.muted}>
              {file.fileName ? `From ${file.fileName}` : file.path}
              {file.savedAt && `, added ${formatDate(file.savedAt)}`}
            </Text>
          </>
        )}
      </div>

      <Switch
        className={styles.subheading}
        checked={network ? network.systemCaSupported && network.useSystemCa : false}
        disabled={busy || !network?.systemCaSupported}
        label="Also trust this computer’s certificate store"
        data-testid="use-system-ca"
        onChange={(_event, data) => void change(() => api.setUseSystemCa({ enabled: data.checked }))}
      />
      {network && !network.systemCaSupported && (
        <Text
          size={200}
          className={mergeClasses(styles.muted, styles.switchHint)}
          data-testid="system-ca-unavailable"
        >
          Not available here: this runtime cannot read the computer’s certificate store (the desktop app can).
          Choose the certificate file above instead.
        </Text>
      )}
    </section>
  );
}
