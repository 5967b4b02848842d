import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { notFound, scimErrorBody, ScimHttpError } from './errors';
import { DEFAULT_RETRY_AFTER_SECONDS, faultsFor } from './faults';
import { parseJsonBody, readBody } from './http-io';
import type { RequestLog } from './request-log';
import { resourceTypes, schemas, serviceProviderConfig } from './discovery';
import { allowedMethods, endpointOf, matchRoute, type Route } from './router';
import type { FaultKind, FaultSpec, RequestLogEntry } from './types';
import * as users from './users-handlers';

export const SCIM_CONTENT_TYPE = 'application/scim+json';

export interface HandlerDeps {
  basePath: string;
  baseUrl: string;
  users: users.UsersContext;
  log: RequestLog;
  checkAuth(header: string | undefined): void;
  faults(): readonly FaultSpec[];
  onRequest?: (entry: RequestLogEntry) => void;
  /** Aborted when the server closes, so injected latency does not hold close() up. */
  closing: AbortSignal;
}

/** The result of one request: a response to send, or null for the noResponse fault. */
type Outcome = users.HandlerResult | null;

/** Shared by every request without a query string; the handlers only read their parameters. */
const NO_QUERY = new URLSearchParams();
const NO_FAULTS: ReturnType<typeof faultsFor> = { latencyMs: 0, fault: undefined, latencyFault: undefined };

export function createRequestHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(deps, req, res);
  };
}

async function handle(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const atMs = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const rawUrl = req.url ?? '/';
  const queryAt = rawUrl.indexOf('?');
  const pathname = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  // URLSearchParams decodes both `+` and `%20` to a space, as Entra's Test Connection needs.
  const params = queryAt < 0 ? NO_QUERY : new URLSearchParams(rawUrl.slice(queryAt + 1));
  let requestBytes: Buffer | undefined;
  let requestText: string | undefined;
  let fault: FaultKind | undefined;
  let outcome: Outcome | undefined;
  try {
    deps.checkAuth(req.headers.authorization);
    const route = matchRoute(pathname, deps.basePath);
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
      requestBytes = await readBody(req);
      requestText = requestBytes.toString('utf8');
    }
    const active = deps.faults();
    const hit =
      active.length === 0 ? NO_FAULTS : faultsFor(active, endpointOf(route, method, params.has('filter')));
    if (hit.latencyMs > 0) {
      fault = 'latency';
      await sleep(hit.latencyMs, undefined, { signal: deps.closing });
    }
    if (hit.fault) fault = hit.fault.kind;
    outcome = hit.fault ? faultOutcome(hit.fault) : undefined;
    if (outcome === undefined) {
      outcome = dispatch(deps, route, method, params, requestText, hit.fault?.kind === 'duplicateMatches');
    }
  } catch (error) {
    outcome = deps.closing.aborted ? null : errorOutcome(error);
  }

  let responseText: string | undefined;
  let responseBytes: Buffer | undefined;
  if (outcome) {
    responseText =
      outcome.bodyJson ?? (outcome.body === undefined ? undefined : JSON.stringify(outcome.body));
    const headers: Record<string, string | number> = outcome.headers ? { ...outcome.headers } : {};
    if (responseText === undefined) {
      res.writeHead(outcome.status, headers);
      res.end();
    } else {
      // Encoded once: the byte count and the bytes sent come from the same buffer.
      responseBytes = outcome.bodyBytes ?? Buffer.from(responseText, 'utf8');
      headers['Content-Type'] = SCIM_CONTENT_TYPE;
      headers['Content-Length'] = responseBytes.length;
      res.writeHead(outcome.status, headers);
      res.end(responseBytes);
    }
  }
  // noResponse: the request stays open until the client gives up or close() drops the connection.

  deps.log.add({
    atMs,
    method,
    path: rawUrl,
    status: outcome ? outcome.status : null,
    durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    requestText,
    requestBytes,
    responseText,
    responseBytes,
    fault,
  });
  if (deps.onRequest) {
    try {
      deps.onRequest(deps.log.newest());
    } catch {
      // A broken listener must not break the server.
    }
  }
}

/** undefined: the fault does not replace the response (duplicateMatches changes the handler's result). */
function faultOutcome(fault: FaultSpec): Outcome | undefined {
  const error = (status: number, detail: string, headers: Record<string, string> = {}): Outcome => ({
    status,
    body: scimErrorBody(status, status === 409 ? 'uniqueness' : undefined, `${detail} (injected fault)`),
    headers,
  });
  switch (fault.kind) {
    case 'unauthorized':
      return error(401, 'The provisioning key was revoked.', {
        'WWW-Authenticate': 'Bearer realm="Jostle SCIM"',
      });
    case 'forbidden':
      return error(403, 'The Automation user may not provision users.');
    case 'filterNotFound':
      return error(404, 'Not found.');
    case 'conflict':
      return error(409, 'A user with this userName already exists.');
    case 'tooManyRequests': {
      const seconds = fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
      return error(429, `Too many requests; retry after ${seconds} s.`, { 'Retry-After': String(seconds) });
    }
    case 'serverError':
      return error(500, 'Internal server error.');
    case 'noResponse':
      return null;
    default:
      return undefined;
  }
}

function errorOutcome(error: unknown): users.HandlerResult {
  if (error instanceof ScimHttpError) {
    return {
      status: error.status,
      body: scimErrorBody(error.status, error.scimType, error.message),
      headers: error.headers,
    };
  }
  // Reaching here is a bug in the mock; the property tests look for it.
  const detail = `Internal error in the mock server: ${(error as Error)?.message ?? String(error)}`;
  return { status: 500, body: scimErrorBody(500, undefined, detail) };
}

function dispatch(
  deps: HandlerDeps,
  route: Route,
  method: string,
  params: URLSearchParams,
  requestText: string | undefined,
  duplicateMatches: boolean,
): users.HandlerResult {
  const allowed = allowedMethods(route);
  if (allowed.length > 0 && !allowed.includes(method)) {
    throw new ScimHttpError(405, undefined, `${method} is not supported here; use ${allowed.join(', ')}.`, {
      Allow: allowed.join(', '),
    });
  }
  switch (route.kind) {
    case 'serviceProviderConfig':
      return { status: 200, body: serviceProviderConfig(deps.baseUrl) };
    case 'resourceTypes':
      return { status: 200, body: resourceTypes(deps.baseUrl, route.id) };
    case 'schemas':
      return { status: 200, body: schemas(deps.baseUrl, route.id) };
    case 'users':
      return method === 'POST'
        ? users.createUser(deps.users, parseJsonBody(requestText ?? ''), params)
        : users.listUsers(deps.users, params, duplicateMatches);
    case 'user':
      if (method === 'GET') return users.getUser(deps.users, route.id, params);
      if (method === 'PUT')
        return users.replaceUser(deps.users, route.id, parseJsonBody(requestText ?? ''), params);
      if (method === 'PATCH')
        return users.patchUser(deps.users, route.id, parseJsonBody(requestText ?? ''), params);
      return users.deleteUser(deps.users, route.id);
    case 'groups':
      throw notFound('Jostle does not support groups: its /ResourceTypes lists only User.');
    default:
      throw notFound(
        'No such SCIM endpoint. Jostle serves /Users, /Schemas, /ResourceTypes and /ServiceProviderConfig.',
      );
  }
}
