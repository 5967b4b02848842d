/**
 * Hostile or broken servers on loopback, each with its own specific diagnosis (and the right fix), never a
 * generic "wrong Base URL" or "add your root certificate". Certificates are made with openssl at test time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runProbes, type ProbeReport } from '../../main/probes';
import { REMEDIES } from '../../main/probes/remedies';
import { startHttpServer, type LocalServer } from './hostile-servers';

const TOKEN = 'diagnosis-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'jpa-diag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A self-signed certificate with the given SAN and validity (negative days = already expired). */
function certificate(name: string, san: string, days: number): { key: string; cert: string; file: string } {
  const file = (suffix: string) => join(dir, `${name}.${suffix}`);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  run([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    file('key'),
    '-out',
    file('csr'),
  ]);
  writeFileSync(file('ext'), `subjectAltName=${san}\nbasicConstraints=CA:TRUE\n`);
  run([
    'x509',
    '-req',
    '-in',
    file('csr'),
    '-signkey',
    file('key'),
    '-days',
    String(days),
    '-extfile',
    file('ext'),
    '-out',
    file('pem'),
  ]);
  return {
    key: readFileSync(file('key'), 'utf8'),
    cert: readFileSync(file('pem'), 'utf8'),
    file: file('pem'),
  };
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function listen(server: Server): Promise<number> {
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  server.on('secureConnection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

async function http(handler: Parameters<typeof startHttpServer>[0]): Promise<LocalServer> {
  const server = await startHttpServer(handler);
  closers.push(() => server.close());
  return server;
}

async function probe(baseUrl: string, caFile?: string): Promise<ProbeReport> {
  return runProbes({
    baseUrl,
    token: TOKEN,
    clientOptions: {
      env: {},
      retry: { maxAttempts: 1 },
      timeouts: { connectMs: 2000, headersMs: 3000, bodyMs: 3000 },
      ...(caFile ? { caFile, useSystemCa: false } : {}),
    },
  });
}

function testConnection(report: ProbeReport) {
  const result = report.probes.find((candidate) => candidate.id === 'test-connection');
  expect(result).toBeDefined();
  return result!;
}

const ROOT_CERTIFICATE_ADVICE = /add your organisation’s root certificate/;

describe('TLS and protocol diagnoses', () => {
  it('an expired certificate: "expired", not "add your root certificate"', async () => {
    const expired = certificate('expired', 'IP:127.0.0.1', -1);
    const port = await listen(
      createTlsServer({ key: expired.key, cert: expired.cert }, (socket) => socket.end()),
    );
    const result = testConnection(await probe(`https://127.0.0.1:${port}/scim2`, expired.file));
    expect(result).toMatchObject({ status: 'fail', finding: 'certExpired' });
    expect(result.remedy).not.toMatch(ROOT_CERTIFICATE_ADVICE);
    expect(result.remedy).toMatch(/date and time/);
  });

  it('a certificate for another host name: named as a mismatch', async () => {
    const other = certificate('other', 'DNS:other.example', 2);
    const port = await listen(
      createTlsServer({ key: other.key, cert: other.cert }, (socket) => socket.end()),
    );
    const result = testConnection(await probe(`https://127.0.0.1:${port}/scim2`, other.file));
    expect(result).toMatchObject({ status: 'fail', finding: 'certHostname' });
    expect(result.remedy).not.toMatch(ROOT_CERTIFICATE_ADVICE);
  });

  it('https:// to a plain-HTTP port', async () => {
    const server = await http((_request, response) => response.end('{}'));
    const result = testConnection(await probe(`https://127.0.0.1:${server.port}/scim2`));
    expect(result).toMatchObject({ status: 'fail', finding: 'plainHttpPort' });
  });

  it('http:// to a TLS port', async () => {
    const tls = certificate('tlsport', 'IP:127.0.0.1', 2);
    const port = await listen(createTlsServer({ key: tls.key, cert: tls.cert }, (socket) => socket.end()));
    const result = testConnection(await probe(`http://127.0.0.1:${port}/scim2`));
    expect(result).toMatchObject({ status: 'fail', finding: 'tlsPort' });
    expect(result.remedy).toMatch(/https:\/\//);
  });

  it('a non-HTTP banner (an SSH server)', async () => {
    const port = await listen(
      createNetServer((socket) => {
        socket.write('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n');
      }),
    );
    const result = testConnection(await probe(`http://127.0.0.1:${port}/scim2`));
    expect(result).toMatchObject({ status: 'fail', finding: 'notHttp' });
  });

  it('a 1 MiB header line', async () => {
    const port = await listen(
      createNetServer((socket) => {
        socket.write(`HTTP/1.1 200 OK\r\nX-Huge: ${'a'.repeat(1024 * 1024)}\r\n\r\n`);
      }),
    );
    const result = testConnection(await probe(`http://127.0.0.1:${port}/scim2`));
    expect(result).toMatchObject({ status: 'fail', finding: 'headersTooLarge' });
  });
});

describe('body diagnoses', () => {
  it('invalid JSON with a SCIM content type is not "wrong Base URL"', async () => {
    const server = await http((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/scim+json' });
      response.end('{"totalResults": 0, "Resources": [');
    });
    const result = testConnection(await probe(server.url));
    expect(result).toMatchObject({ status: 'fail', finding: 'invalidJson' });
  });

  it('an unrequested gzip body', async () => {
    const server = await http((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/scim+json', 'content-encoding': 'gzip' });
      response.end(gzipSync(JSON.stringify({ totalResults: 0, Resources: [] })));
    });
    const result = testConnection(await probe(server.url));
    expect(result).toMatchObject({ status: 'fail', finding: 'encoded' });
    expect(result.summary).toMatch(/gzip/);
  });

  it('a ListResponse whose Resources is not an array fails Test Connection', async () => {
    const server = await http((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/scim+json' });
      response.end(
        JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
          totalResults: 0,
          Resources: { id: 'x' },
        }),
      );
    });
    const result = testConnection(await probe(server.url));
    expect(result).toMatchObject({ status: 'fail', finding: 'listNotArray' });
  });

  it('a lying totalResults is reported as such', async () => {
    const server = await http((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/scim+json' });
      response.end(
        JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
          totalResults: 0,
          Resources: [{ id: 'a' }, { id: 'b' }],
        }),
      );
    });
    const result = testConnection(await probe(server.url));
    expect(result).toMatchObject({ status: 'fail', finding: 'totalResultsWrong' });
    expect(result.summary).toMatch(/totalResults says 0/);
  });

  it('300,000-deep JSON: a clean "too deeply nested", no stack overflow', async () => {
    const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
    const server = await http((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/scim+json' });
      response.end(deep);
    });
    const report = await probe(server.url);
    const result = testConnection(report);
    expect(result).toMatchObject({ status: 'fail', finding: 'tooDeep' });
    expect(result.summary).toMatch(/too deeply nested/);
    expect(report.ok).toBe(false);
    expect(REMEDIES.tooDeep).toBeTruthy();
  });
});
