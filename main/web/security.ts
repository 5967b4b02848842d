/**
 * Guards for the loopback server of the browser mode. Any web page the admin visits can send requests to
 * 127.0.0.1, so every request must prove it comes from the page we served:
 * - the Host header must name our loopback address (stops DNS rebinding);
 * - the per-run token must come with the request, as an HttpOnly SameSite=Strict cookie set when the admin
 *   opens the printed address, or as a Bearer header for scripts;
 * - API calls must carry our own Origin and a JSON content type (stops cross-site form posts).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function cookieName(port: number): string {
  // Cookies ignore ports, so two runs on different ports would overwrite each other's cookie.
  return `jpa_session_${port}`;
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

export function presentedToken(request: IncomingMessage, port: number): string | null {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length);
  return readCookie(request.headers.cookie, cookieName(port));
}

export const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * No inline script, no eval, nothing remote. Inline styles are allowed because Fluent UI injects its CSS.
 * Kept as one string literal assigned to the header by name, so electronegativity's CSP checks find it and
 * evaluate the policy itself (npm run security:scan); the E2E (test/e2e/security.spec.ts) checks it in Chromium.
 */
securityHeaders['Content-Security-Policy'] =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export const CONTENT_SECURITY_POLICY: string = securityHeaders['Content-Security-Policy'];
