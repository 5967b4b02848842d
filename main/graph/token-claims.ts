/**
 * What an access token says about itself (tenant, user, scopes, expiry), read from its payload without
 * verifying it: Graph verifies; we only use the claims to name the tenant and to say early that a token
 * has expired or lacks a permission. Claim names: Microsoft identity platform "Access token claims
 * reference" (key TOKEN-CLAIMS).
 */
import { GraphError } from './errors';

export interface TokenClaims {
  tenantId: string | null;
  user: string | null;
  scopes: string[];
  expiresAt: Date | null;
}

export function readTokenClaims(token: string): TokenClaims {
  const payload = token.split('.')[1];
  let claims: Record<string, unknown> = {};
  if (payload) {
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      claims = {};
    }
  }
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : null);
  return {
    tenantId: text('tid'),
    user: text('upn') ?? text('preferred_username') ?? text('unique_name'),
    scopes: (text('scp') ?? '').split(' ').filter(Boolean),
    expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
  };
}

/** Fails early, without a request, when the token's own expiry has passed. */
export function assertNotExpired(claims: TokenClaims, now = new Date()): void {
  if (claims.expiresAt && claims.expiresAt.getTime() <= now.getTime())
    throw new GraphError(
      'expired-token',
      `The Graph access token expired at ${claims.expiresAt.toISOString()}.`,
      'Get a fresh one with `az account get-access-token --resource-type ms-graph` (it lasts about an hour), ' +
        'or sign in with **Entra (Microsoft Graph) > Sign in**.',
    );
}
