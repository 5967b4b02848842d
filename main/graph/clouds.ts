/**
 * The national clouds Microsoft Graph runs in, each with its Graph host and its sign-in host
 * (Microsoft Learn: "National cloud deployments", key GRAPH-CLOUDS in docs/entra-fidelity.md).
 */
export const GRAPH_CLOUDS = {
  global: {
    label: 'Global (graph.microsoft.com)',
    graphUrl: 'https://graph.microsoft.com',
    loginUrl: 'https://login.microsoftonline.com',
  },
  usGovernment: {
    label: 'US Government L4 (graph.microsoft.us)',
    graphUrl: 'https://graph.microsoft.us',
    loginUrl: 'https://login.microsoftonline.us',
  },
  usGovernmentDod: {
    label: 'US Government L5 / DoD (dod-graph.microsoft.us)',
    graphUrl: 'https://dod-graph.microsoft.us',
    loginUrl: 'https://login.microsoftonline.us',
  },
  china: {
    label: 'China, operated by 21Vianet (microsoftgraph.chinacloudapi.cn)',
    graphUrl: 'https://microsoftgraph.chinacloudapi.cn',
    loginUrl: 'https://login.chinacloudapi.cn',
  },
} as const;

export type GraphCloud = keyof typeof GRAPH_CLOUDS;
export const graphCloudIds = Object.keys(GRAPH_CLOUDS) as GraphCloud[];

export const DEFAULT_GRAPH_URL = GRAPH_CLOUDS.global.graphUrl;

/** The cloud whose Graph host this is, or undefined for any other host (a loopback fake, a proxy). */
export function cloudOfGraphUrl(url: string): GraphCloud | undefined {
  const origin = new URL(url).origin;
  return graphCloudIds.find((id) => GRAPH_CLOUDS[id].graphUrl === origin);
}

/**
 * Checks a `--graph-url`: https, no credentials or query, or http only on loopback (the test fake). A
 * bearer token for the tenant goes to this host, so anything unusual is refused rather than guessed at.
 */
export function parseGraphUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`“${raw}” is not a URL. Use e.g. ${DEFAULT_GRAPH_URL}.`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`The Graph URL must start with https:// (got ${url.protocol}//).`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error('The Graph URL must not carry a user name, password, query or fragment.');
  }
  return new URL(url.origin);
}

/**
 * The desktop sign-in opens the system browser only on a Microsoft sign-in host of a known cloud, over
 * https; anything else MSAL might hand us is refused.
 */
export function isSignInUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const hosts = graphCloudIds.map((id) => new URL(GRAPH_CLOUDS[id].loginUrl).host);
  return url.protocol === 'https:' && !url.username && !url.password && hosts.includes(url.host);
}

/** The system browser opener for MSAL's interactive flow, around the shell's openExternal. */
export function signInBrowserOpener(openExternal: (url: string) => Promise<void>) {
  return async (url: string): Promise<void> => {
    if (!isSignInUrl(url))
      throw new Error('The sign-in page is not on a Microsoft sign-in host; it was not opened.');
    await openExternal(url);
  };
}
