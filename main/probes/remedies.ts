import type { FindingCode } from './types';

/** The Jostle page with the Base URL and the keys, as the start of a sentence. */
const MANAGE_PROVISIONING =
  'In Jostle, open **Admin Settings > User data to/from other systems > Manage user provisioning**';
/** The same page inside a sentence ("…, then open … in Jostle, …"). */
const OPEN_MANAGE_PROVISIONING =
  'open **Admin Settings > User data to/from other systems > Manage user provisioning** in Jostle';

/**
 * The fix for each finding, in the words of Microsoft's Jostle provisioning tutorial (Automation user,
 * Manage user provisioning, a subscription with SSO/user provisioning) so the admin can follow it on screen.
 */
export const REMEDIES: Record<FindingCode, string> = {
  unauthorized:
    `Jostle refused the API key (401). The key is wrong or was revoked, or the Automation user it belongs to has never signed in. ` +
    `Sign in to your intranet once as the Automation user (it must be activated), then ${OPEN_MANAGE_PROVISIONING}, click “Add a new key…”, ` +
    `choose that Automation user, and paste the new key (it is shown only once).`,
  forbidden:
    'Jostle understood the key but refused access (403). Either your subscription does not include SSO/user provisioning features ' +
    '(your Customer Success Manager, success@jostle.me, can add them; if “Manage user provisioning” is missing, ask support@jostle.me to enable it), ' +
    'or the account lacks Admin permissions — use a key created for an Automation user with admin rights.',
  notFound:
    `The Base URL is incomplete: /Users was not found (404), and Entra quarantines a job that gets 404 instead of an empty list. ` +
    `${MANAGE_PROVISIONING} and copy “Your Base URL” with the Copy button, including its full path.`,
  html:
    'A web page came back instead of SCIM JSON: the URL leads to a sign-in page, or a proxy or captive portal answered instead of Jostle. ' +
    `Use the exact Base URL from Manage user provisioning; if your network uses a proxy, check the proxy settings or ask IT to allow the Jostle API host.`,
  tls:
    'The server’s certificate could not be verified. On a corporate network this is usually a proxy that inspects TLS with the ' +
    'organisation’s own certificate: add your organisation’s root certificate under **Diagnostics > Network** (a PEM file from IT; ' +
    'on the command line: --ca-file). Verification is never switched off.',
  certExpired:
    'The server’s certificate has expired (or is not valid yet). Adding a root certificate will not help: check that this computer’s ' +
    'date and time are right; if they are, the certificate of the server (or of a proxy in between) must be renewed — tell its owner.',
  certHostname:
    'The certificate is valid but issued for another host name, so the Base URL names a host this server does not serve, or a proxy ' +
    `answers for it. ${MANAGE_PROVISIONING} and copy “Your Base URL” exactly; adding a root certificate will not fix this.`,
  plainHttpPort:
    'The address answers plain HTTP, not HTTPS: the port in the Base URL is not Jostle’s HTTPS port. Copy “Your Base URL” again ' +
    'from Manage user provisioning (normally no port at all).',
  tlsPort: 'This port speaks HTTPS (TLS), but the Base URL starts with http://. Change it to https://.',
  notHttp:
    'Something other than a web server answered at this address (for example a mail or SSH server). The host or port in the Base URL is wrong.',
  headersTooLarge:
    'The server sent response headers far larger than any web server does; the address is probably not Jostle, or something in between is broken.',
  invalidJson:
    'The server said it sent JSON but the body is not valid JSON, so Entra could not read it either. The address may be right; report the evidence to the server’s owner (support@jostle.me for Jostle).',
  tooDeep:
    'The answer is JSON nested far deeper than any SCIM document; it was refused without being processed. The address is probably not Jostle’s SCIM API.',
  encoded:
    'The server sent a compressed (for example gzip) body although none was asked for, which Entra does not expect. A proxy may be re-encoding answers; report the evidence.',
  listNotArray:
    'The list answer has no “Resources” array, so Entra cannot read users from it and Test Connection would fail. The URL probably points at something other than a SCIM /Users endpoint.',
  totalResultsWrong:
    'The list answer’s totalResults does not match the users it returned. Entra relies on it when matching users; report the evidence to support@jostle.me.',
  caFile:
    'The trusted certificate file could not be used. Under **Diagnostics > Network**, remove it and choose a PEM file that contains -----BEGIN CERTIFICATE----- blocks.',
  dns: 'The host name in the Base URL could not be resolved. Check the Base URL for typos, your network connection, and whether your network needs a proxy.',
  timeout:
    'Jostle did not answer in time. Check your network connection, firewall and proxy settings; if other sites work, try again later.',
  refused:
    'The connection was refused. The host or port in the Base URL is wrong, or a firewall blocks it; copy the Base URL again from Manage user provisioning.',
  reset:
    'The connection was cut before a complete answer arrived, often by a proxy or firewall. Check the proxy settings and try again.',
  network:
    'The request failed on the network. Check your connection and proxy settings, then run the probes again.',
  proxy:
    'The proxy refused or failed the connection. If it asks for authentication (407), sign in to it or ask IT for an exception for the Jostle API host.',
  tooLarge:
    'The answer was far larger than any SCIM response; the URL probably points at something other than Jostle’s SCIM API, or a proxy interfered.',
  redirect:
    `The server redirected the request, which usually means a wrong Base URL (http instead of https, a missing path, or a sign-in page). ` +
    `The API key was not sent to the new address. ${MANAGE_PROVISIONING} and copy “Your Base URL” exactly.`,
  aborted: 'The probe was cancelled before it finished.',
  cancelled: 'The probe was cancelled before it finished.',
  invalidUrl: `The Base URL is not a valid https:// address. ${MANAGE_PROVISIONING} and copy “Your Base URL”.`,
  insecureUrl: 'The Base URL must start with https:// so the API key is encrypted in transit.',
  rateLimited:
    'Jostle is rate-limiting requests (429). Wait a few minutes and run the probes again; Entra also retries such requests in later cycles.',
  serverError:
    'Jostle answered with a server error. Try again later; if it persists, contact support@jostle.me with the evidence below.',
  unexpectedStatus:
    'Jostle answered with an unexpected status. Check the Base URL and compare the evidence below with the SCIM 2.0 standard.',
  notScim: `The server answered, but not with SCIM: the Base URL probably points at the wrong place. ${MANAGE_PROVISIONING} and copy “Your Base URL”.`,
  filterIgnored:
    'A search for a user name that cannot exist returned users. Entra would match the wrong accounts (DuplicateTargetEntries). Contact support@jostle.me.',
  authNotEnforced:
    'The endpoint accepted a made-up API key. Check that the Base URL is Jostle’s and not a test server, and report this to support@jostle.me.',
  discoveryInconsistent:
    'Jostle’s discovery endpoints disagree with each other or with the SCIM standard. Provisioning may still work; keep the evidence for support@jostle.me.',
  missingAttributes:
    'Some target attributes in your attribute mapping do not exist in Jostle’s schema; Entra would fail for every user who has a value for them. ' +
    'In Entra’s Attribute Mapping, delete those mappings or correct their target attribute names.',
  matchingNotFilterable:
    'Jostle can only filter — and therefore match users — on userName. In Entra’s Attribute Mapping, set “Match objects using this attribute” on userName only.',
  paginationNonCompliant:
    'Listing users does not follow RFC 7644 pagination (startIndex/count/totalResults). Normal provisioning matches by filter and is not affected; account discovery may be.',
  contentType:
    'Responses should be JSON with Content-Type application/scim+json. Entra tolerates application/json; anything else usually means the wrong URL or a proxy page.',
  slow: 'Jostle answers slowly from this network. Provisioning will still work but cycles take longer; a proxy or VPN may be adding delay.',
  conflict:
    'Jostle reported a conflict (409) creating the throwaway user: a user with that userName already exists. Run the probes again (a new random name is used).',
  writeRejected:
    'Jostle rejected a request Entra will send. Users would fail to provision with this mapping; keep the evidence for support@jostle.me.',
  writeNotApplied:
    'Jostle accepted the change but did not apply it, so Entra’s updates would silently be lost. Keep the evidence for support@jostle.me.',
  deleteRefused:
    'Jostle refused to delete the throwaway user, so it was left deactivated. Remove it in Jostle’s admin screens when convenient (its id is listed).',
  notConfirmed:
    'Write probes create, change and delete a throwaway user in your Jostle tenant. To allow that, type the Base URL’s host name to confirm (for example api-prod.jostle.us).',
  internal:
    'The assistant hit an internal error running this probe. Please report it with the evidence below.',
  dependency: 'Skipped because an earlier probe it depends on did not succeed; fix that one first.',
};
