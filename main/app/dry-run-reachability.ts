/**
 * Before a dry-run cycle: is the target there at all? Without this check a stopped Mock Jostle or a dead
 * host made every user fail with WebExceptionProtocolError, recorded a failed cycle and pointed the admin
 * at Entra's Tenant URL. One read of /ServiceProviderConfig through the same client settings (proxy and
 * certificates) as the run itself: any HTTP answer means reachable; only "no answer at all" stops the run.
 */
import { ApiError } from '../../shared/api/errors';
import { createScimClient, ScimNetworkError, type ScimClientOptions } from '../scim';
import { describeKind } from '../scim/errors';

export async function ensureReachable(
  options: Pick<ScimClientOptions, 'baseUrl' | 'token'> & Partial<ScimClientOptions>,
  keptResults: string,
): Promise<void> {
  const client = createScimClient({
    ...options,
    timeouts: { connectMs: 5_000, headersMs: 15_000, bodyMs: 15_000 },
    retry: { maxAttempts: 1 },
  });
  try {
    await client.request({ method: 'GET', path: '/ServiceProviderConfig' });
  } catch (error) {
    if (!(error instanceof ScimNetworkError)) throw error;
    const host = new URL(options.baseUrl).host;
    const code = error.info.code ? `, ${error.info.code}` : '';
    throw new ApiError(
      'not-available',
      `Cannot reach ${host} (${describeKind(error.kind).toLowerCase()}${code}). Nothing was sent; ${keptResults}.`,
    );
  } finally {
    await client.close();
  }
}
