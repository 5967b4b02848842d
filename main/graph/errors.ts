/**
 * Graph failures turned into what the admin should do, in the portal's terms. Graph answers errors as
 * `{ "error": { "code", "message", "innerError": { "request-id", "date" } } }` (Microsoft Learn "Microsoft
 * Graph error responses and resource types", key GRAPH-ERRORS); the sign-in service answers with AADSTS
 * codes (key AADSTS). We key on the status and Graph's code, never on English message text alone.
 */
import { GRAPH_PERMISSIONS, REQUIRED_ROLE, type GraphAction } from './permissions';

export type GraphErrorKind =
  | 'expired-token'
  | 'invalid-token'
  | 'sign-in-required'
  | 'insufficient-privileges'
  | 'missing-consent'
  | 'not-found'
  | 'no-provisioning-job'
  | 'quarantined'
  | 'throttled'
  | 'changed-since-read'
  | 'bad-request'
  | 'server'
  | 'network';

export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    readonly kind: GraphErrorKind,
    message: string,
    /** What to do about it, in the portal's terms. */
    readonly fix: string,
    readonly status?: number,
    readonly graphCode?: string,
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** Message and fix in one string, for the CLI and API errors. */
  get full(): string {
    const id = this.requestId ? ` (Graph request-id ${this.requestId})` : '';
    return `${this.message}${id} ${this.fix}`;
  }
}

export interface GraphErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
}

/** Reads Graph's error envelope; anything else gives an empty body. */
export function parseGraphErrorBody(text: string): GraphErrorBody {
  try {
    const json = JSON.parse(text) as { error?: Record<string, unknown> };
    const error = json.error;
    if (!error || typeof error !== 'object') return {};
    const inner = (error.innerError ?? error.innererror) as Record<string, unknown> | undefined;
    return {
      ...(typeof error.code === 'string' ? { code: error.code } : {}),
      ...(typeof error.message === 'string' ? { message: error.message } : {}),
      ...(typeof inner?.['request-id'] === 'string' ? { requestId: inner['request-id'] } : {}),
    };
  } catch {
    return {};
  }
}

function roleAndPermission(action: GraphAction): string {
  const permissions = GRAPH_PERMISSIONS[action].join(' and ');
  return (
    `Sign in as a user with the ${REQUIRED_ROLE} (or Application Administrator) role, and make sure the ` +
    `app you sign in with has the delegated permission ${permissions} with admin consent: **Entra admin ` +
    `center > Identity > Applications > App registrations > (the sign-in app) > API permissions > Grant ` +
    `admin consent**.`
  );
}

/** The error for a non-2xx Graph answer. `what` names the thing asked for, e.g. "the provisioning job". */
export function graphErrorFor(
  status: number,
  bodyText: string,
  action: GraphAction,
  what: string,
): GraphError {
  const body = parseGraphErrorBody(bodyText);
  const said = body.message ? ` Graph said: “${body.message}”` : '';
  const make = (kind: GraphErrorKind, message: string, fix: string) =>
    new GraphError(kind, message, fix, status, body.code, body.requestId);
  if (status === 401) {
    const expired = /expired|lifetime validation/i.test(body.message ?? '');
    if (expired)
      return make(
        'expired-token',
        `The Graph access token has expired.${said}`,
        'Sign in again (**Entra (Microsoft Graph) > Sign in**), or get a fresh token with ' +
          '`az account get-access-token --resource-type ms-graph` and pass it with --graph-token-env.',
      );
    return make(
      'invalid-token',
      `Graph did not accept the access token.${said}`,
      'Sign in again. A token from `az account get-access-token` must be for ms-graph and for this tenant ' +
        'and cloud.',
    );
  }
  if (status === 403) {
    const consent = /consent|AADSTS65001/i.test(body.message ?? '');
    if (consent)
      return make(
        'missing-consent',
        `No one has consented to the permissions for ${what}.${said}`,
        roleAndPermission(action),
      );
    return make(
      'insufficient-privileges',
      `Not allowed to read or change ${what}: insufficient privileges (${body.code ?? 'Forbidden'}).${said}`,
      roleAndPermission(action),
    );
  }
  if (status === 404)
    return make(
      'not-found',
      `Graph found no ${what}.${said}`,
      'Check that you picked the right enterprise application and tenant; it may have been deleted.',
    );
  if (status === 429)
    return make(
      'throttled',
      `Microsoft Graph is throttling requests for ${what} and asked to wait longer than the assistant waits.`,
      'Wait a few minutes and try again; a pull resumes from the start and changes nothing until it completes.',
    );
  if (status >= 500)
    return make(
      'server',
      `Microsoft Graph failed (HTTP ${status}) reading ${what}.${said}`,
      'Try again in a few minutes.',
    );
  return make(
    'bad-request',
    `Graph refused the request for ${what} (HTTP ${status}).${said}`,
    'See the message above.',
  );
}

/** The errorCode msal-network.ts gives MSAL for a proxy that asked for sign-in: its message is kept. */
export const PROXY_AUTH_ERROR_CODE = 'proxy_auth_required';

/** AADSTS codes from the sign-in service (MSAL errors), with the fix. Unknown codes keep MSAL's text. */
export function explainSignInError(error: unknown): GraphError {
  // A proxy on the way asked for sign-in (msal-network.ts): its diagnosis says what to do.
  if ((error as { errorCode?: unknown }).errorCode === PROXY_AUTH_ERROR_CODE)
    return new GraphError(
      'network',
      'Could not reach the Microsoft sign-in service.',
      (error as { errorMessage?: string }).errorMessage ?? String(error),
    );
  // MSAL's ServerError keeps the AADSTS number in errorNo and the server's text in errorMessage.
  const detail = error as { errorNo?: unknown; errorMessage?: unknown };
  const text = [
    typeof detail.errorMessage === 'string' ? detail.errorMessage : '',
    error instanceof Error ? error.message : String(error),
  ].join(' ');
  const code =
    (typeof detail.errorNo === 'string' && /^\d+$/.test(detail.errorNo) ? detail.errorNo : undefined) ??
    /AADSTS(\d+)/.exec(text)?.[1];
  const make = (kind: GraphErrorKind, message: string, fix: string) =>
    new GraphError(kind, message, fix, undefined, code ? `AADSTS${code}` : undefined);
  if (code === '65001')
    return make(
      'missing-consent',
      'The sign-in app has not been granted the permissions the assistant asks for (AADSTS65001).',
      roleAndPermission('readApps'),
    );
  if (code === '7000218')
    return make(
      'bad-request',
      'The app registration does not allow public client flows (AADSTS7000218).',
      'In **App registrations > (your app) > Authentication**, set **Allow public client flows** to **Yes**.',
    );
  if (code === '50011' || code === '500113')
    return make(
      'bad-request',
      `The app registration has no matching redirect URI (AADSTS${code}).`,
      'In **App registrations > (your app) > Authentication > Add a platform > Mobile and desktop ' +
        'applications**, add the redirect URI http://localhost.',
    );
  if (code === '700016')
    return make(
      'bad-request',
      'The client ID is not an app in this tenant (AADSTS700016).',
      'Check the tenant and client ID under **Entra (Microsoft Graph) > Settings**.',
    );
  if (code === undefined && /invalid_grant|consent_required/.test(text))
    // MSAL's device-code polling passes on only the OAuth error name, not Entra's AADSTS description; the
    // browser page where the code was entered shows it. Consent is the usual cause for a fresh set-up.
    return make(
      'missing-consent',
      'Entra refused the sign-in (invalid_grant). The page where you entered the code shows the AADSTS ' +
        'code; most often it is AADSTS65001, the permissions have no admin consent yet.',
      roleAndPermission('readApps'),
    );
  return make('invalid-token', `Sign-in failed: ${text}`, 'Try signing in again.');
}
