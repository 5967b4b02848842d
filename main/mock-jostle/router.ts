import type { MockEndpoint } from './types';

export type Route =
  | { kind: 'serviceProviderConfig' }
  | { kind: 'resourceTypes'; id?: string }
  | { kind: 'schemas'; id?: string }
  | { kind: 'users' }
  | { kind: 'user'; id: string }
  | { kind: 'groups' }
  | { kind: 'notFound' };

// The routes without an id, shared by every request (nothing changes a route).
const NOT_FOUND: Route = { kind: 'notFound' };
const SERVICE_PROVIDER_CONFIG: Route = { kind: 'serviceProviderConfig' };
const RESOURCE_TYPES: Route = { kind: 'resourceTypes' };
const SCHEMAS: Route = { kind: 'schemas' };
const USERS: Route = { kind: 'users' };
const GROUPS: Route = { kind: 'groups' };

/** Splits the path below the Base URL into a route; resource names compare case-insensitively. */
export function matchRoute(pathname: string, basePath: string): Route {
  if (basePath !== '' && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return NOT_FOUND;
  const segments: string[] = [];
  try {
    for (const segment of pathname.slice(basePath.length).split('/')) {
      if (segment === '') continue;
      if (segments.length === 2) return NOT_FOUND;
      segments.push(segment.includes('%') ? decodeURIComponent(segment) : segment);
    }
  } catch {
    return NOT_FOUND;
  }
  const first = segments[0];
  const second = segments[1];
  if (first === undefined) return NOT_FOUND;
  switch (first.toLowerCase()) {
    case 'serviceproviderconfig':
      return second === undefined ? SERVICE_PROVIDER_CONFIG : NOT_FOUND;
    case 'resourcetypes':
      return second === undefined ? RESOURCE_TYPES : { kind: 'resourceTypes', id: second };
    case 'schemas':
      return second === undefined ? SCHEMAS : { kind: 'schemas', id: second };
    case 'users':
      return second === undefined ? USERS : { kind: 'user', id: second };
    case 'groups':
      return GROUPS;
    default:
      return NOT_FOUND;
  }
}

const USER_ENDPOINTS: ReadonlyMap<string, MockEndpoint> = new Map([
  ['GET', 'get'],
  ['PUT', 'replace'],
  ['PATCH', 'patch'],
  ['DELETE', 'delete'],
]);

/** Which fault endpoint a request belongs to (null: none but `all`). */
export function endpointOf(route: Route, method: string, hasFilter: boolean): MockEndpoint | null {
  switch (route.kind) {
    case 'serviceProviderConfig':
    case 'resourceTypes':
    case 'schemas':
      return 'discovery';
    case 'users':
      if (method === 'GET') return hasFilter ? 'filter' : 'list';
      return method === 'POST' ? 'create' : null;
    case 'user':
      return USER_ENDPOINTS.get(method) ?? null;
    default:
      return null;
  }
}

const USERS_METHODS: readonly string[] = ['GET', 'POST'];
const USER_METHODS: readonly string[] = ['GET', 'PUT', 'PATCH', 'DELETE'];
const DISCOVERY_METHODS: readonly string[] = ['GET'];
const ANY_METHOD: readonly string[] = [];

/** Methods each route answers, for 405 + Allow. */
export function allowedMethods(route: Route): readonly string[] {
  switch (route.kind) {
    case 'users':
      return USERS_METHODS;
    case 'user':
      return USER_METHODS;
    case 'serviceProviderConfig':
    case 'resourceTypes':
    case 'schemas':
      return DISCOVERY_METHODS;
    default:
      return ANY_METHOD;
  }
}
