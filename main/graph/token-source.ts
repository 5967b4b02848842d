/**
 * Where Graph access tokens come from: an access token handed in from the environment (CLI
 * `--graph-token-env NAME`, e.g. from `az account get-access-token --resource-type ms-graph`), or MSAL's
 * cache in the keychain after a sign-in. Scopes are asked for per action: reads never carry a write scope.
 */
import type { PublicClientApplication } from '@azure/msal-node';
import { GRAPH_CLOUDS, type GraphCloud } from './clouds';
import { acquireSilently } from './msal';
import { qualifiedScopes, READ_SCOPES, WRITE_SCOPES, type GraphAction } from './permissions';
import { assertNotExpired, readTokenClaims, type TokenClaims } from './token-claims';

export interface GraphIdentity {
  tenantId: string | null;
  user: string | null;
  /** Delegated permissions the current token carries (empty when unknown). */
  scopes: string[];
  expiresAt: string | null;
  source: 'environment' | 'sign-in';
}

export interface TokenSource {
  token(action: GraphAction): Promise<string>;
  identity(): Promise<GraphIdentity | null>;
}

function identityOf(claims: TokenClaims, source: GraphIdentity['source']): GraphIdentity {
  return {
    tenantId: claims.tenantId,
    user: claims.user,
    scopes: claims.scopes,
    expiresAt: claims.expiresAt?.toISOString() ?? null,
    source,
  };
}

export function environmentTokenSource(token: string): TokenSource {
  const claims = readTokenClaims(token);
  return {
    async token() {
      assertNotExpired(claims);
      return token;
    },
    identity: async () => identityOf(claims, 'environment'),
  };
}

/** The scopes to ask MSAL for: every read at once (one consent prompt), the write one only for apply. */
export function scopesFor(action: GraphAction, cloud: GraphCloud): string[] {
  const wanted = action === 'apply' ? [...READ_SCOPES, ...WRITE_SCOPES] : [...READ_SCOPES];
  return cloud === 'global' ? wanted : qualifiedScopes(wanted, GRAPH_CLOUDS[cloud].graphUrl);
}

export function msalTokenSource(client: PublicClientApplication, cloud: GraphCloud): TokenSource {
  return {
    async token(action) {
      return (await acquireSilently(client, scopesFor(action, cloud))).accessToken;
    },
    async identity() {
      const [account] = await client.getAllAccounts();
      if (!account) return null;
      try {
        const result = await acquireSilently(client, scopesFor('readApps', cloud));
        return identityOf(readTokenClaims(result.accessToken), 'sign-in');
      } catch {
        return {
          tenantId: account.tenantId,
          user: account.username,
          scopes: [],
          expiresAt: null,
          source: 'sign-in',
        };
      }
    },
  };
}
