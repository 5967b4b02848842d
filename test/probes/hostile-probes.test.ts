import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runProbes, type ProbeReport } from '../../main/probes';
import {
  htmlLoginPage,
  jsonAnswer,
  makeSelfSignedCertificate,
  neverAnswers,
  redirectTo,
  startHttpServer,
  startHttpsServer,
  type LocalServer,
  type SelfSignedCertificate,
} from '../scim/hostile-servers';

const TOKEN = 'hostile-probe-token-abcdefghijklmnop';
const TIMEOUTS = { connectMs: 1000, headersMs: 1000, bodyMs: 1000 };
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function probeAgainst(
  server: Promise<LocalServer>,
  extra: { caFile?: string } = {},
): Promise<ProbeReport> {
  const started = await server;
  servers.push(started);
  return runProbes({
    baseUrl: started.url,
    token: TOKEN,
    clientOptions: { timeouts: TIMEOUTS, retry: { maxAttempts: 1 }, env: {}, ...extra },
  });
}

function testConnection(report: ProbeReport) {
  return report.probes.find((probe) => probe.id === 'test-connection');
}

describe('the probe suite against hostile servers', () => {
  it('a login page with 200: HTML finding with the login-page-or-proxy remedy', async () => {
    const report = await probeAgainst(startHttpServer(htmlLoginPage));
    expect(testConnection(report)).toMatchObject({ status: 'fail', finding: 'html' });
    expect(testConnection(report)?.remedy).toMatch(/sign-in page, or a proxy/);
    expect(report.probes.find((probe) => probe.id === 'content-type')).toMatchObject({
      status: 'fail',
      finding: 'html',
    });
  });

  it('a server that never answers: the whole suite ends within the timeout plus one second', async () => {
    const report = await probeAgainst(startHttpServer(neverAnswers));
    expect(testConnection(report)).toMatchObject({ status: 'fail', finding: 'timeout' });
    expect(testConnection(report)?.remedy).toMatch(/network connection, firewall and proxy/);
    expect(report.durationMs).toBeLessThan(TIMEOUTS.headersMs + 1000);
  });

  it('a redirect to another origin: redirect finding (wrong Base URL), the other origin never contacted', async () => {
    const elsewhere = await startHttpServer(jsonAnswer(200, {}));
    servers.push(elsewhere);
    const report = await probeAgainst(startHttpServer(redirectTo(`${elsewhere.url}/Users`)));
    expect(testConnection(report)).toMatchObject({ status: 'fail', finding: 'redirect' });
    expect(testConnection(report)?.remedy).toMatch(/wrong Base URL/);
    expect(elsewhere.seen).toHaveLength(0);
    expect(JSON.stringify(report)).not.toContain(TOKEN);
  });

  it('an unreadable CA file: the setup probe fails and the rest is skipped, with no traffic', async () => {
    const server = await startHttpServer(jsonAnswer(200, {}));
    servers.push(server);
    const report = await runProbes({
      baseUrl: server.url,
      token: TOKEN,
      clientOptions: { caFile: '/nonexistent/ca.pem', env: {} },
    });
    expect(report.probes[0]).toMatchObject({ id: 'setup', status: 'fail', finding: 'caFile' });
    expect(report.counts.skipped).toBe(report.probes.length - 1);
    expect(server.seen).toHaveLength(0);
  });

  it('an http:// Base URL off this computer is refused before any request', async () => {
    const report = await runProbes({ baseUrl: 'http://api-prod.jostle.us/scim2', token: TOKEN });
    expect(report.probes[0]).toMatchObject({ id: 'setup', status: 'fail', finding: 'insecureUrl' });
    expect(report.ok).toBe(false);
  });

  describe('TLS', () => {
    let certificate: SelfSignedCertificate;
    beforeAll(() => {
      certificate = makeSelfSignedCertificate();
    });
    afterAll(() => certificate.cleanup());

    it('a self-signed certificate: TLS finding with the corporate-proxy-certificate remedy', async () => {
      const report = await probeAgainst(startHttpsServer(certificate, jsonAnswer(200, {})));
      expect(testConnection(report)).toMatchObject({ status: 'fail', finding: 'tls' });
      expect(testConnection(report)?.remedy).toMatch(/root certificate/);
      expect(report.durationMs).toBeLessThan(TIMEOUTS.connectMs + 1000);
    });

    it('trusted through the CA file, the same server is reached (and judged on its SCIM answer)', async () => {
      const report = await probeAgainst(
        startHttpsServer(certificate, jsonAnswer(200, { totalResults: 0, Resources: [] })),
        {
          caFile: certificate.certFile,
        },
      );
      expect(testConnection(report)?.status).toBe('pass');
      expect(report.trust).toContain('file');
    });
  });
});
