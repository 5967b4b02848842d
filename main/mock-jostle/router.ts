import type { MockEndpoint } from './types';

export type Route =
  | { kind: 'serviceProviderConfig' }
  | { kind: 'resourceTypes'; id?: string }
  | { kind: 'schemas'; id?: string }
  | { kind: 'users' }
  | { kind: 'user'; id: string }
  | { kind: 'groups' }
  | { kind: 'notFound' };

/** Splits the path below the Base URL into a route; resource names compare case-insensitively. */
export function matchRoute(pathname: string, basePath: string): Route {
  if (basePath !== '' && pathname !== basePath && !pathname.startsWith(`${basePath}/`))
    return { kind: 'notFound' };
  let segments: string[];
  try {
    segments = pathname
      .slice(basePath.length)
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return { kind: 'notFound' };
  }
  const [first, second, ...more] = segments;
  if (first === undefined || more.length > 0) return { kind: 'notFound' };
  switch (first.toLowerCase()) {
    case 'serviceproviderconfig':
      return second === undefined ? { kind: 'serviceProviderConfig' } : { kind: 'notFound' };
    case 'resourcetypes':
      return second === undefined ? { kind: 'resourceTypes' } : { kind: 'resourceTypes', id: second };
    case 'schemas':
      return second === undefined ? { kind: 'schemas' } : { kind: 'schemas', id: second };
    case 'users':
      return second === undefined ? { kind: 'users' } : { kind: 'user', id: second };
    case 'groups':
      return { kind: 'groups' };
    default:
      return { kind: 'notFound' };
  }
}

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
      return (
        ({ GET: 'get', PUT: 'replace', PATCH: 'patch', DELETE: 'delete' } as Record<string, MockEndpoint>)[
          method
        ] ?? null
      );
    default:
      return null;
  }
}

/** Methods each route answers, for 405 + Allow. */
export function allowedMethods(route: Route): string[] {
  switch (route.kind) {
    case 'users':
      return ['GET', 'POST'];
    case 'user':
      return ['GET', 'PUT', 'PATCH', 'DELETE'];
    case 'serviceProviderConfig':
    case 'resourceTypes':
    case 'schemas':
      return ['GET'];
    default:
      return [];
  }
}
