/**
 * Second looks that turn a vague network failure into a specific one, and the loopback check for plain
 * http. Each is bounded in time and only ever talks to the host the admin already named.
 */
import { lookup } from 'node:dns/promises';
import { connect } from 'node:tls';
import { isLoopbackAddress } from '../../shared/connection/validation';

const TLS_CHECK_MS = 1500;

/**
 * True when the name is a literal loopback address, or resolves only to loopback addresses (`localhost`
 * normally does; a hosts file or resolver could send it elsewhere).
 */
export async function resolvesToLoopbackOnly(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isLoopbackAddress(host)) return true;
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.length > 0 && addresses.every((entry) => isLoopbackAddress(entry.address));
  } catch {
    return false;
  }
}

/**
 * After an http:// request was cut off: does the port answer a TLS handshake? A TLS server closes a plain
 * HTTP request without a word, which otherwise reads as a dropped connection.
 */
export function looksLikeTlsPort(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 80),
      // Only asking whether the port speaks TLS at all; no request and no token are sent on this socket.
      rejectUnauthorized: false,
      servername: undefined,
    });
    const done = (answer: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), TLS_CHECK_MS);
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
  });
}
