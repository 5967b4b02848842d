import { randomUUID } from 'node:crypto';
import { notFound } from './errors';
import { parseUserNameFilter } from './filter';
import { listResponse, listResponseJson } from './list-response';
import { applyPatchToCopy } from './patch';
import { projector, projects, readPagination, resourceJson, toResource } from './resource';
import { normalizeUserBody, type StoredUser } from './user-model';
import type { StoredUserText, UserStore } from './user-store';

export interface HandlerResult {
  status: number;
  body?: unknown;
  /** The body already serialised (exactly JSON.stringify(body) would give); sent instead of body. */
  bodyJson?: string;
  /** bodyJson's UTF-8 bytes, when they are kept ready (sent as they are, never changed). */
  bodyBytes?: Buffer;
  headers?: Record<string, string>;
}

export interface UsersContext {
  store: UserStore;
  /** Absolute URL of /Users, for meta.location and Location. */
  usersUrl: string;
}

const NO_MATCH_JSON = listResponseJson([], 0, 1);
const NO_MATCH: Readonly<HandlerResult> = {
  status: 200,
  bodyJson: NO_MATCH_JSON,
  bodyBytes: Buffer.from(NO_MATCH_JSON, 'utf8'),
};

/** GET /Users, with or without the userName filter; always a ListResponse. */
export function listUsers(
  ctx: UsersContext,
  params: URLSearchParams,
  duplicateMatches: boolean,
): HandlerResult {
  const { startIndex, count } = readPagination(params);
  const filter = params.get('filter');
  let total: number;
  let page: StoredUser[];
  if (filter !== null) {
    const userName = parseUserNameFilter(filter);
    if (!duplicateMatches && !projects(params)) {
      // Entra's match lookup, as stored: no parse and no stringify of the user.
      const stored = ctx.store.textByUserName(userName);
      // No match, the answer to most of Entra's lookups in an initial cycle: the same bytes every time.
      if (!stored && startIndex === 1) return NO_MATCH;
      const resources = stored && startIndex === 1 && count > 0 ? [resourceJson(stored, ctx.usersUrl)] : [];
      return { status: 200, bodyJson: listResponseJson(resources, stored ? 1 : 0, startIndex) };
    }
    const found = ctx.store.findByUserName(userName);
    const matches = found ? [found] : [];
    // The duplicateMatches fault: Entra's match step sees two users and logs DuplicateTargetEntries.
    if (duplicateMatches) while (matches.length < 2) matches.push(phantomDuplicate(userName));
    total = matches.length;
    page = matches.slice(startIndex - 1, startIndex - 1 + count);
  } else {
    total = ctx.store.size;
    page = ctx.store.page(startIndex - 1, count);
  }
  const project = projector(params);
  const resources = page.map((user) => project(toResource(user, ctx.usersUrl)));
  return { status: 200, body: listResponse(resources, total, startIndex, resources.length) };
}

function phantomDuplicate(userName: string): StoredUser {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    created: now,
    lastModified: now,
    data: { userName, name: { givenName: 'Duplicate', familyName: 'Match' }, active: true },
  };
}

export function getUser(ctx: UsersContext, id: string, params: URLSearchParams): HandlerResult {
  if (!projects(params)) {
    const stored = ctx.store.textById(id);
    if (!stored) throw notFound(`No user with id '${id}'.`);
    return { status: 200, bodyJson: resourceJson(stored, ctx.usersUrl) };
  }
  const user = ctx.store.get(id);
  if (!user) throw notFound(`No user with id '${id}'.`);
  return { status: 200, body: projector(params)(toResource(user, ctx.usersUrl)) };
}

/** The user's resource: the stored JSON as is when nothing is projected (no stringify), else projected. */
function resourceBody(
  ctx: UsersContext,
  user: StoredUser,
  params: URLSearchParams,
  /** The user's stored text when the caller has it (a create just wrote it). */
  known?: StoredUserText,
): Pick<HandlerResult, 'body' | 'bodyJson'> {
  const stored = projects(params) ? undefined : (known ?? ctx.store.textById(user.id));
  if (stored) return { bodyJson: resourceJson(stored, ctx.usersUrl) };
  return { body: projector(params)(toResource(user, ctx.usersUrl)) };
}

export function createUser(ctx: UsersContext, body: unknown, params: URLSearchParams): HandlerResult {
  const { user, text } = ctx.store.createWithText(normalizeUserBody(body));
  return {
    status: 201,
    ...resourceBody(ctx, user, params, text),
    headers: { Location: `${ctx.usersUrl}/${user.id}` },
  };
}

export function replaceUser(
  ctx: UsersContext,
  id: string,
  body: unknown,
  params: URLSearchParams,
): HandlerResult {
  ctx.store.requireExisting(id);
  const { user, text } = ctx.store.updateWithText(id, normalizeUserBody(body));
  return { status: 200, ...resourceBody(ctx, user, params, text) };
}

export function patchUser(
  ctx: UsersContext,
  id: string,
  body: unknown,
  params: URLSearchParams,
): HandlerResult {
  // A fresh copy from the store, so the patch may change it in place.
  const current = ctx.store.require(id);
  const { user, text } = ctx.store.updateWithText(id, applyPatchToCopy(current.data, body));
  return { status: 200, ...resourceBody(ctx, user, params, text) };
}

export function deleteUser(ctx: UsersContext, id: string): HandlerResult {
  ctx.store.delete(id);
  return { status: 204 };
}
