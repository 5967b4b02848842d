/**
 * The extra certificates the admin trusts for corporate TLS inspection (Zscaler, Netskope, a firewall's
 * own root…). The window sends the PEM file's text (the browser mode has no file paths); main checks every
 * block, refuses private keys and anything it cannot read, and keeps a normalised copy in the data folder.
 * Verification itself is never switched off: this only adds roots.
 */
import { randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  MAX_TRUSTED_CERTIFICATES_BYTES,
  type trustedCertificateSchema,
} from '../../shared/api/contracts/network';
import type { z } from 'zod';
import type { SettingsStore } from '../settings/settings-store';

export const TRUSTED_CERTIFICATES_FILE = 'trusted-certificates.pem';

export type TrustedCertificateView = z.output<typeof trustedCertificateSchema>;

/** A file the assistant will not trust; the message says why, in the admin's terms. */
export class CertificateFileError extends Error {
  override name = 'CertificateFileError';
}

export interface SavedCertificates {
  path: string;
  fileName: string | null;
  savedAt: string | null;
  certificates: TrustedCertificateView[];
}

const BLOCK = /-----BEGIN ([^\r\n-]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
const HEADER = /^# Jostle Provisioning Assistant: trusted certificates from "([^"\r\n]*)", saved (\S+)/;

function nameParts(distinguishedName: string): { cn: string | null; o: string | null } {
  // Node prints one RDN per line: "CN=Zscaler Root CA\nO=Zscaler Inc.".
  const find = (key: string) =>
    distinguishedName
      .split('\n')
      .find((line) => line.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? null;
  return { cn: find('CN'), o: find('O') };
}

function view(certificate: X509Certificate, now: Date): TrustedCertificateView {
  const validTo = new Date(certificate.validTo);
  return {
    subject: nameParts(certificate.subject),
    issuer: nameParts(certificate.issuer),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: validTo.toISOString(),
    expired: validTo.getTime() < now.getTime(),
    fingerprint: certificate.fingerprint256.split(':').slice(0, 8).join(':'),
    isCa: certificate.ca,
    selfSigned: certificate.subject === certificate.issuer,
  };
}

/**
 * Reads a PEM text: every block must be a certificate that parses; duplicates are dropped. Throws
 * CertificateFileError with a specific message otherwise. `requireCurrent` refuses a file whose
 * certificates have all expired (on save; a saved file is still listed when it ages).
 */
export function parseCertificates(
  pem: string,
  options: { now?: Date; requireCurrent?: boolean } = {},
): X509Certificate[] {
  const now = options.now ?? new Date();
  const bytes = Buffer.byteLength(pem, 'utf8');
  if (bytes > MAX_TRUSTED_CERTIFICATES_BYTES) {
    throw new CertificateFileError(
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; the limit is 1 MiB. A root certificate is a few kilobytes: choose just your organisation's root certificate.`,
    );
  }
  if (pem.trim() === '') throw new CertificateFileError('The file is empty.');
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem)) {
    throw new CertificateFileError(
      'This file contains a private key, which the assistant never stores. Choose a file with only the certificate (-----BEGIN CERTIFICATE-----); the private key should stay where it is.',
    );
  }
  const blocks = [...pem.matchAll(BLOCK)];
  if (blocks.length === 0) {
    // eslint-disable-next-line no-control-regex
    const binary = /[\u0000-\u0008\u000e-\u001a\ufffd]/.test(pem);
    throw new CertificateFileError(
      binary
        ? 'This looks like a binary (DER) certificate. Export it as Base-64 / PEM instead (on Windows: “Base-64 encoded X.509 (.CER)”), or convert it with: openssl x509 -inform der -in root.cer -out root.pem'
        : 'No certificate found. Choose a PEM file: text with -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines.',
    );
  }
  if ((pem.match(/-----BEGIN /g) ?? []).length !== blocks.length) {
    throw new CertificateFileError(
      'A block in the file is incomplete (a -----BEGIN line without its -----END line). Export the certificate again.',
    );
  }
  const seen = new Map<string, X509Certificate>();
  blocks.forEach((block, index) => {
    const label = block[1]!;
    if (label !== 'CERTIFICATE') {
      throw new CertificateFileError(
        `The file holds a “${label}” block; only certificates (-----BEGIN CERTIFICATE-----) can be trusted.`,
      );
    }
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(block[0]);
    } catch (error) {
      const which = blocks.length > 1 ? `Certificate ${index + 1} of ${blocks.length}` : 'The certificate';
      throw new CertificateFileError(`${which} in the file cannot be read (${(error as Error).message}).`);
    }
    seen.set(certificate.fingerprint256, certificate);
  });
  const certificates = [...seen.values()];
  if (options.requireCurrent && certificates.every((c) => new Date(c.validTo).getTime() < now.getTime())) {
    const last = Math.max(...certificates.map((c) => new Date(c.validTo).getTime()));
    throw new CertificateFileError(
      `${certificates.length > 1 ? 'Every certificate in this file has' : 'This certificate has'} expired (on ${new Date(last).toISOString().slice(0, 10)}). Ask IT for the current root certificate.`,
    );
  }
  return certificates;
}

function cleanFileName(fileName: string): string {
  const printable = [...fileName].filter((char) => char >= ' ' && char !== '"').join('');
  const name = basename(printable.replace(/\\/g, '/')).trim();
  return name.slice(0, 200) || 'certificate.pem';
}

/** The admin's trusted-certificate file in the data folder, and its setting (`settings.network.caFile`). */
export class TrustedCertificates {
  constructor(
    private readonly dataDir: string,
    private readonly settings: SettingsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get path(): string {
    return join(this.dataDir, TRUSTED_CERTIFICATES_FILE);
  }

  /** Checks, then writes the file (0600) and points the setting at it. Nothing changes when the check fails. */
  save(fileName: string, pem: string): SavedCertificates {
    const now = this.now();
    const certificates = parseCertificates(pem, { now, requireCurrent: true });
    const name = cleanFileName(fileName);
    const text =
      `# Jostle Provisioning Assistant: trusted certificates from "${name}", saved ${now.toISOString()}\n` +
      certificates.map((certificate) => certificate.toString().trim() + '\n').join('');
    const temporary = `${this.path}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(temporary, text, { mode: 0o600 });
      renameSync(temporary, this.path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    this.settings.update('network', (network) => ({ ...network, caFile: this.path }));
    return {
      path: this.path,
      fileName: name,
      savedAt: now.toISOString(),
      certificates: certificates.map((certificate) => view(certificate, now)),
    };
  }

  /** Stops trusting the extra certificates: deletes the assistant's copy and clears the setting. */
  remove(): void {
    const caFile = this.settings.read().network.caFile;
    // Only the assistant's own copy is deleted; a path set some other way is just forgotten.
    rmSync(this.path, { force: true });
    if (caFile !== null) this.settings.update('network', (network) => ({ ...network, caFile: null }));
  }

  /** What is trusted now: null when no file is set; throws CertificateFileError when it cannot be read. */
  current(): SavedCertificates | null {
    const caFile = this.settings.read().network.caFile;
    if (!caFile) return null;
    let text: string;
    try {
      text = readFileSync(caFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CertificateFileError(
        code === 'ENOENT'
          ? `The certificate file ${caFile} is missing. Remove it here and choose the certificate again.`
          : `The certificate file ${caFile} cannot be read (${(error as Error).message}).`,
      );
    }
    const header = HEADER.exec(text);
    const now = this.now();
    return {
      path: caFile,
      fileName: header?.[1] ?? null,
      savedAt: header?.[2] ?? null,
      certificates: parseCertificates(text, { now }).map((certificate) => view(certificate, now)),
    };
  }
}
