import type { ScimClient } from '../scim/client';
import { matchQuery } from './context';
import { send } from './outcome';
import { isRecord, PATCH_OP_SCHEMA, readListResponse } from './scim-shapes';
import type { Leftover } from './types';

/** The write probes' throwaway user and what is known about it on the server. */
export interface ProbeUser {
  userName: string;
  id?: string;
  /** A POST was sent: even if its answer was lost, the user may exist. */
  createAttempted: boolean;
  state: 'active' | 'disabled' | 'deleted' | 'unknown';
  deleteRefused?: boolean;
  /** DELETE was answered with success but the user was still there afterwards. */
  deleteIgnored?: boolean;
  /** Set by the cleanup when the user could not be removed. */
  leftover?: Leftover;
}

/**
 * Removes the throwaway user after a failure or a cancel. Runs without the caller's (possibly aborted)
 * signal; the client's own timeouts bound every request. Falls back to deactivating, and records a leftover
 * when even that fails.
 */
export async function cleanUpProbeUser(client: ScimClient, user: ProbeUser): Promise<void> {
  if (!user.createAttempted || user.state === 'deleted') return;
  if (!user.id) {
    // The create's answer was lost (timeout, cancel): find out whether the user exists after all.
    const lookup = await send(client, matchQuery('userName', user.userName));
    const list =
      lookup.ok && lookup.response.status === 200 ? readListResponse(lookup.response.body) : undefined;
    if (list && (list.totalResults ?? 0) === 0) return;
    const first = list?.resources?.[0];
    if (!isRecord(first) || typeof first.id !== 'string') {
      user.leftover = {
        userName: user.userName,
        state: 'unknown',
        note: 'The create may have succeeded, but the user could not be looked up.',
      };
      return;
    }
    user.id = first.id;
  }
  if (!user.deleteRefused) {
    const removed = await send(client, { method: 'DELETE', path: `/Users/${user.id}` });
    if (removed.ok && removed.response.status === 404) {
      user.state = 'deleted';
      return;
    }
    if (removed.ok && removed.response.status < 300) {
      // Trust, but verify: a server may answer 204 and keep the user.
      const check = await send(client, { method: 'GET', path: `/Users/${user.id}` });
      if (check.ok && check.response.status === 404) {
        user.state = 'deleted';
        return;
      }
      if (check.ok && check.response.status === 200) user.deleteIgnored = true;
      else {
        user.state = 'deleted';
        return;
      }
    }
  }
  if (user.state !== 'disabled') {
    const body = {
      schemas: [PATCH_OP_SCHEMA],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    };
    const disabled = await send(client, {
      method: 'PATCH',
      path: `/Users/${user.id}`,
      body,
      idempotent: true,
    });
    if (disabled.ok && disabled.response.status < 300) user.state = 'disabled';
  }
  user.leftover = {
    id: user.id,
    userName: user.userName,
    state: user.state === 'disabled' ? 'disabled' : user.state === 'active' ? 'active' : 'unknown',
    note: user.deleteIgnored
      ? `DELETE was answered with success, but the user is still there${user.state === 'disabled' ? ' (now deactivated)' : ''}. Remove it in Jostle.`
      : user.state === 'disabled'
        ? 'Could not be deleted; left deactivated. Remove it in Jostle when convenient.'
        : 'Could not be deleted or deactivated. Remove it in Jostle.',
  };
}
