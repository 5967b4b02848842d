/** A throwaway PKI made with openssl at test time: a "corporate" root CA and a 127.0.0.1 server certificate it signed. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';

export interface TestPki {
  dir: string;
  caPem: string;
  caKeyPem: string;
  caFile: string;
  caKeyFile: string;
  serverKeyPem: string;
  serverCertPem: string;
  cleanup(): void;
}

const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });

/** `dnsNames`: more host names the server certificate is valid for (e.g. a name only a test proxy resolves). */
export function makeTestPki(caName = 'JPA Test Inspection Root', dnsNames: string[] = []): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'jpa-pki-'));
  const file = (name: string) => join(dir, name);
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${caName}/O=Example Corp`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
  ]);
  openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
  ]);
  writeFileSync(
    file('server.ext'),
    `subjectAltName=IP:127.0.0.1,DNS:localhost${dnsNames.map((name) => `,DNS:${name}`).join('')}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  openssl([
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    file('server.ext'),
    '-out',
    file('server.pem'),
  ]);
  return {
    dir,
    caPem: readFileSync(file('ca.pem'), 'utf8'),
    caKeyPem: readFileSync(file('ca.key'), 'utf8'),
    caFile: file('ca.pem'),
    caKeyFile: file('ca.key'),
    serverKeyPem: readFileSync(file('server.key'), 'utf8'),
    serverCertPem: readFileSync(file('server.pem'), 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A TLS front on 127.0.0.1 for a plain-HTTP loopback server (the real mock Jostle): what a corporate
 * TLS-inspecting proxy looks like to the client, a certificate chain that ends in a root it does not know.
 */
export async function startTlsFront(
  pki: TestPki,
  targetPort: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTlsServer({ key: pki.serverKeyPem, cert: pki.serverCertPem }, (socket) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open.
        for (const socket of sockets) socket.destroy();
      }),
  };
}
