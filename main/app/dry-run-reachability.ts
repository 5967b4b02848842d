/**
 * Before a dry-run cycle: is the target there at all? Without this check a stopped Mock Jostle or a dead
 * host made every user fail with WebExceptionProtocolError, recorded a failed cycle and pointed the admin
 * at Entra's Tenant URL. It asks main/scim's one reachability question (checkReachable) through the same
 * client settings (proxy and certificates) as the run itself, and words the refusal for the Dry run step:
 * any HTTP answer means reachable; only "no answer at all" stops the run, before anything is replaced.
 */
import { ApiError } from '../../shared/api/errors';
import { checkReachable } from '../scim/reachability';
import { describeKind } from '../scim/errors';
import type { NetworkErrorKind, ScimClientOptions } from '../scim';

export async function ensureReachable(
  options: Pick<ScimClientOptions, 'baseUrl' | 'token'> & Partial<ScimClientOptions>,
  keptResults: string,
): Promise<void> {
  const { timeouts: _timeouts, retry: _retry, ...client } = options;
  const result = await checkReachable(client);
  if (result.ok) return;
  const host = new URL(options.baseUrl).host;
  const why =
    result.kind === 'config' ? result.message : describeKind(result.kind as NetworkErrorKind).toLowerCase();
  const code = result.code ? `, ${result.code}` : '';
  throw new ApiError(
    'not-available',
    `Cannot reach ${host} (${why}${code}). Nothing was sent; ${keptResults}.`,
  );
}
