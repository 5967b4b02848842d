/**
 * Diagnostics > Network's "Check the route": one GET to the SCIM server's ServiceProviderConfig, without the
 * API key (nothing secret leaves this computer), through exactly the transport probes use. It reports which
 * path the request took, which trust store verified the server, and what the proxy or server answered.
 */
import type { z } from 'zod';
import type { routeCheckSchema } from '../../shared/api/contracts/network';
import { classifyNetworkError, describeKind } from '../scim/errors';
import { discardBody } from '../scim/read-body';
import { USER_AGENT } from '../scim/user-agent';
import { transportFor, type ClientSettings } from './client-settings';
import { pausableDeadline } from './pausable-deadline';
import { ProxyAuthRequiredError } from './proxy-auth';

export type RouteCheck = z.output<typeof routeCheckSchema>;

export const ROUTE_CHECK_TIMEOUT_MS = 10_000;

export async function checkRoute(target: URL, settings: ClientSettings): Promise<RouteCheck> {
  const http = transportFor(settings, {
    connectMs: ROUTE_CHECK_TIMEOUT_MS,
    headersMs: ROUTE_CHECK_TIMEOUT_MS,
    bodyMs: ROUTE_CHECK_TIMEOUT_MS,
  });
  const base = {
    url: target.href,
    stack: http.stack,
    trustSources: [...http.trustSources],
  };
  let route = 'direct';
  // Our own deadline, held while the window asks for a proxy sign-in (the admin typing is not the network).
  const deadline = pausableDeadline(ROUTE_CHECK_TIMEOUT_MS);
  try {
    route = await http.describeRoute(target);
    const response = await http.send({
      url: target,
      method: 'GET',
      headers: { accept: 'application/scim+json, application/json', 'user-agent': USER_AGENT },
      signal: deadline.signal,
      holdDeadline: deadline.hold,
    });
    discardBody(response.body);
    return {
      ...base,
      route,
      outcome: 'answered',
      status: response.status,
      message: `The server answered HTTP ${response.status}: the way there works.`,
      proxyAnswer: null,
    };
  } catch (error) {
    if (error instanceof ProxyAuthRequiredError) {
      const { proxy, schemes } = error.challenge;
      return {
        ...base,
        route,
        outcome: 'proxyAuth',
        status: null,
        message: error.message,
        proxyAnswer: { proxy, status: 407, schemes },
      };
    }
    const classified = classifyNetworkError(error);
    return {
      ...base,
      route,
      outcome: 'failed',
      status: null,
      message: `${describeKind(classified.kind)}: ${classified.detail}`,
      proxyAnswer: null,
    };
  } finally {
    deadline.clear();
    await http.close();
  }
}
