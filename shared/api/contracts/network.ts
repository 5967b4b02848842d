import { z } from 'zod';
import { empty } from './app';

/** Largest certificate file the assistant accepts (a corporate root is a few kilobytes). */
export const MAX_TRUSTED_CERTIFICATES_BYTES = 1024 * 1024;

const nameSchema = z.object({ cn: z.string().nullable(), o: z.string().nullable() }).strict();

export const trustedCertificateSchema = z
  .object({
    subject: nameSchema,
    issuer: nameSchema,
    /** ISO dates. */
    validFrom: z.string(),
    validTo: z.string(),
    expired: z.boolean(),
    /** The first 8 bytes of the SHA-256 fingerprint, `AB:CD:…`. */
    fingerprint: z.string(),
    /** A CA certificate (basicConstraints CA:TRUE) can vouch for other certificates; a server certificate cannot. */
    isCa: z.boolean(),
    selfSigned: z.boolean(),
  })
  .strict();

export const networkSettingsSchema = z
  .object({
    /** How requests leave this computer: "System proxy settings (Electron)", "HTTPS_PROXY=host:port …" or "Direct". */
    proxy: z.string(),
    useSystemCa: z.boolean(),
    /** The runtime can read the operating system's certificate store (`tls.getCACertificates`). */
    systemCaSupported: z.boolean(),
    /** The saved certificate file, or null when none is trusted beyond the defaults. */
    file: z
      .object({ path: z.string(), fileName: z.string().nullable(), savedAt: z.string().nullable() })
      .nullable(),
    certificates: z.array(trustedCertificateSchema),
    /** Why the saved file cannot be used (missing, unreadable), or null. */
    problem: z.string().nullable(),
    /** Which network stack sends requests: Chromium's (desktop app) or Node's undici (browser mode, CLI). */
    stack: z.enum(['chromium', 'node']),
    /** Which certificate store verifies servers, in words. */
    trustStore: z.string(),
    /** Proxy sign-in saved in the keychain (Node modes); the password never leaves main. */
    proxyCredentials: z.object({ proxy: z.string(), username: z.string(), savedAt: z.string() }).nullable(),
    /** Why the proxy sign-in cannot be kept in the keychain, or null. */
    proxyCredentialsProblem: z.string().nullable(),
  })
  .strict();

export const routeCheckSchema = z
  .object({
    /** What was asked (no key is sent): the saved Base URL's ServiceProviderConfig, or the given address. */
    url: z.string(),
    /** `direct`, or the proxy and where it came from (system settings/PAC, HTTPS_PROXY…). */
    route: z.string(),
    stack: z.enum(['chromium', 'node']),
    trustSources: z.array(z.string()),
    outcome: z.enum(['answered', 'proxyAuth', 'failed']),
    /** The server's HTTP status when it answered. */
    status: z.number().int().nullable(),
    message: z.string(),
    /** What the proxy said when it asked for sign-in. */
    proxyAnswer: z
      .object({ proxy: z.string(), status: z.literal(407), schemes: z.array(z.string()) })
      .nullable(),
  })
  .strict();

/** One proxy sign-in prompt, as the dialog shows it (pushed on the proxySignIn event channel). */
export const proxySignInPromptSchema = z
  .object({
    promptId: z.string(),
    /** `host:port` of the proxy. */
    proxy: z.string(),
    /** The realm the proxy named ('' when none). */
    realm: z.string(),
    /** `Basic` or `Digest`. */
    scheme: z.string(),
    /** The previous answer for this proxy was refused. */
    refused: z.boolean(),
    /** ISO time after which the prompt is given up and the request reports the 407. */
    expiresAt: z.string(),
  })
  .strict();

export const networkContract = {
  getNetworkSettings: { request: empty, response: networkSettingsSchema },
  setUseSystemCa: { request: z.object({ enabled: z.boolean() }).strict(), response: networkSettingsSchema },
  saveTrustedCertificates: {
    request: z
      .object({
        fileName: z.string().max(1024),
        /** The file's text; main checks the 1 MiB limit itself so it can say so in words. */
        pem: z.string().max(4 * MAX_TRUSTED_CERTIFICATES_BYTES),
      })
      .strict(),
    response: networkSettingsSchema,
  },
  removeTrustedCertificates: { request: empty, response: networkSettingsSchema },
  saveProxyCredentials: {
    request: z
      .object({
        /** `host:port` or the proxy's URL; the sign-in is sent to this proxy only. */
        proxy: z.string().trim().min(1).max(512),
        username: z.string().min(1).max(256),
        password: z.string().min(1).max(1024),
      })
      .strict(),
    response: networkSettingsSchema,
  },
  forgetProxyCredentials: { request: empty, response: networkSettingsSchema },
  /** The sign-in dialog open now (a window that connects late would miss its `asked` event), or null. */
  getProxySignInPrompt: { request: empty, response: proxySignInPromptSchema.nullable() },
  /** The admin's answer to a proxy sign-in prompt; `credentials: null` is Cancel. */
  answerProxySignIn: {
    request: z
      .object({
        promptId: z.string().min(1).max(64),
        credentials: z
          .object({
            username: z.string().min(1).max(256),
            password: z.string().min(1).max(1024),
            /** Keep them in the keychain; otherwise they are used until the assistant closes. */
            remember: z.boolean(),
          })
          .strict()
          .nullable(),
      })
      .strict(),
    /** false when the prompt had already closed (answered elsewhere, timed out). */
    response: z.object({ accepted: z.boolean() }).strict(),
  },
  checkNetworkRoute: {
    request: z.object({ url: z.string().trim().max(2048).optional() }).strict(),
    response: routeCheckSchema,
  },
} as const;
