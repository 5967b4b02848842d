import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import {
  clientSettings,
  describeProxy,
  systemCaSupported,
  parseCertificates,
  TRUSTED_CERTIFICATES_FILE,
} from '../../main/network';
import { createTestContext, type TestContext } from '../support/context';
import { makeTestPki, startTlsFront, type TestPki } from './pki';

let pki: TestPki;
let mock: MockJostle;
let front: { port: number; close(): Promise<void> };
let test: TestContext;
let handlers: HandlerTable;

beforeAll(async () => {
  pki = makeTestPki();
  mock = await startMockJostle();
  front = await startTlsFront(pki, Number(new URL(mock.baseUrl).port));
});
afterAll(async () => {
  await front.close();
  await mock.close();
  pki.cleanup();
});
beforeEach(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
});
afterEach(() => test.cleanup());

async function call<T = unknown>(channel: string, request: unknown): Promise<T> {
  const answer = await dispatch(handlers, channel, request);
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

async function refusal(channel: string, request: unknown): Promise<string> {
  const answer = await dispatch(handlers, channel, request);
  expect(answer.ok).toBe(false);
  return answer.ok ? '' : answer.error.message;
}

type View = Awaited<ReturnType<HandlerTable['getNetworkSettings']>>;
type Report = Awaited<ReturnType<HandlerTable['runProbes']>>;
const probe = (report: Report, id: string) => report.probes.find((result) => result.id === id);
const dataFile = () => join(test.dataDir, TRUSTED_CERTIFICATES_FILE);

describe('corporate TLS inspection: probes through a certificate the admin trusts', () => {
  it('fails with the TLS finding before the root is trusted, and passes Test Connection after', async () => {
    await call('saveConnection', { baseUrl: `https://127.0.0.1:${front.port}/scim2`, apiKey: mock.token });

    const before = await call<Report>('runProbes', { target: 'live', write: false });
    expect(probe(before, 'test-connection')).toMatchObject({ status: 'fail', finding: 'tls' });
    expect(probe(before, 'test-connection')?.remedy).toContain('**Diagnostics > Network**');

    const saved = await call<View>('saveTrustedCertificates', { fileName: 'corp-root.pem', pem: pki.caPem });
    expect(saved.certificates).toEqual([
      expect.objectContaining({
        subject: { cn: 'JPA Test Inspection Root', o: 'Example Corp' },
        issuer: { cn: 'JPA Test Inspection Root', o: 'Example Corp' },
        isCa: true,
        selfSigned: true,
        expired: false,
        fingerprint: expect.stringMatching(/^([0-9A-F]{2}:){7}[0-9A-F]{2}$/),
      }),
    ]);
    expect(saved.file).toMatchObject({ path: dataFile(), fileName: 'corp-root.pem' });
    expect(test.context.settings.read().network.caFile).toBe(dataFile());
    expect(clientSettings(test.context).caFile).toBe(dataFile());
    if (process.platform !== 'win32') expect(statSync(dataFile()).mode & 0o777).toBe(0o600);

    const after = await call<Report>('runProbes', { target: 'live', write: false });
    expect(probe(after, 'test-connection')).toMatchObject({ status: 'pass' });
    expect(after.trust).toContain('file');
    expect(after.counts.fail).toBe(0);

    // Removing it brings the TLS failure back: nothing else was trusting the root.
    const removed = await call<View>('removeTrustedCertificates', {});
    expect(removed).toMatchObject({ file: null, certificates: [], problem: null });
    expect(existsSync(dataFile())).toBe(false);
    expect(test.context.settings.read().network.caFile).toBeNull();
    const again = await call<Report>('runProbes', { target: 'live', write: false });
    expect(probe(again, 'test-connection')).toMatchObject({ status: 'fail', finding: 'tls' });
  });

  it('the support export reads the same settings', async () => {
    await call('saveTrustedCertificates', { fileName: 'corp-root.pem', pem: pki.caPem });
    const { collectNetwork } = await import('../../main/export/collect-environment');
    expect(collectNetwork(test.context).certificates).toMatchObject({
      caFile: dataFile(),
      caFileFound: true,
    });
  });
});

describe('what the assistant refuses, changing nothing', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['a private key', () => pki.caKeyPem, /private key/i],
    ['a certificate bundled with its key', () => pki.caPem + pki.caKeyPem, /private key/i],
    ['an empty file', () => '  \n', /empty/i],
    ['garbage', () => 'this is not a certificate\n', /No certificate found/],
    [
      'binary (DER) bytes read as text',
      () => '0\u0082\u0003E0\u0082\u0002-\ufffd\ufffd\u0000\u0001',
      /binary \(DER\)/,
    ],
    [
      'a broken certificate block',
      () => '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      /cannot be read/,
    ],
    ['an incomplete block', () => pki.caPem + '-----BEGIN CERTIFICATE-----\nMIIB\n', /incomplete/],
    [
      'a request, not a certificate',
      () => '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n',
      /CERTIFICATE REQUEST/,
    ],
    ['more than 1 MiB', () => pki.caPem + '#'.repeat(1024 * 1024), /limit is 1 MiB/],
  ];

  it.each(cases)('%s', async (_label, pem, message) => {
    await call('saveTrustedCertificates', { fileName: 'first.pem', pem: pki.caPem });
    const savedText = readFileSync(dataFile(), 'utf8');
    expect(await refusal('saveTrustedCertificates', { fileName: 'bad.pem', pem: pem() })).toMatch(message);
    expect(readFileSync(dataFile(), 'utf8')).toBe(savedText);
    expect(test.context.settings.read().network.caFile).toBe(dataFile());
    expect(JSON.stringify(await call('getNetworkSettings', {}))).not.toContain('PRIVATE KEY');
  });

  it('refuses a file whose certificates have all expired, and lists an aged saved file as expired', () => {
    const later = new Date(Date.now() + 10 * 24 * 3600 * 1000);
    expect(() => parseCertificates(pki.caPem, { now: later, requireCurrent: true })).toThrow(
      /has expired \(on \d{4}-\d\d-\d\d\)/,
    );
    expect(parseCertificates(pki.caPem, { now: later })).toHaveLength(1);
  });

  it('keeps one copy of duplicate certificates and reports a server certificate as not a CA', async () => {
    const view = await call<View>('saveTrustedCertificates', {
      fileName: 'C:\\Users\\admin\\Downloads\\chain.pem',
      pem: `subject=CN=127.0.0.1\n${pki.serverCertPem}\n${pki.caPem}${pki.caPem}`,
    });
    expect(view.file?.fileName).toBe('chain.pem');
    expect(view.certificates.map((c) => [c.subject.cn, c.isCa, c.selfSigned])).toEqual([
      ['127.0.0.1', false, false],
      ['JPA Test Inspection Root', true, true],
    ]);
  });

  it('a saved file that went missing is a problem to fix, not a crash', async () => {
    test.context.settings.update('network', (network) => ({
      ...network,
      caFile: join(test.dataDir, 'gone.pem'),
    }));
    const view = await call<View>('getNetworkSettings', {});
    expect(view.problem).toMatch(/missing/);
    expect(view.file?.path).toBe(join(test.dataDir, 'gone.pem'));
    await call('removeTrustedCertificates', {});
    expect(test.context.settings.read().network.caFile).toBeNull();
  });
});

describe('settings the window can change', () => {
  it('the system store switch is saved and used; the runtime says whether it can read the store', async () => {
    const view = await call<View>('setUseSystemCa', { enabled: false });
    expect(view.useSystemCa).toBe(false);
    expect(clientSettings(test.context).useSystemCa).toBe(false);
    expect(view.systemCaSupported).toBe(systemCaSupported());
    expect((await call<View>('setUseSystemCa', { enabled: true })).useSystemCa).toBe(true);
  });

  it('describes how requests leave, never with proxy credentials', () => {
    expect(describeProxy({ resolveProxy: async () => 'DIRECT' })).toBe('System proxy settings (Electron)');
    expect(describeProxy({ env: {} })).toBe('Direct');
    expect(describeProxy({ env: { HTTPS_PROXY: 'http://bob:s3cret@proxy.corp:3128' } })).toBe(
      'HTTPS_PROXY=proxy.corp:3128 (credentials hidden)',
    );
    expect(describeProxy({ env: { https_proxy: 'proxy.corp', NO_PROXY: '.corp' } })).toBe(
      'HTTPS_PROXY=proxy.corp:80, except NO_PROXY=.corp',
    );
  });
});
