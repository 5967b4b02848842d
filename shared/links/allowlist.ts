/** Hosts the assistant may open in the admin's browser; everything else is refused. */
const allowedHostSuffixes = [
  'entra.microsoft.com',
  'portal.azure.com',
  'learn.microsoft.com',
  'jostle.me',
  'jostle.us',
];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return allowedHostSuffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}
