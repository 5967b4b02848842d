/**
 * A loopback stand-in for the few Microsoft identity platform endpoints MSAL's device-code flow calls
 * (instance discovery, OpenID configuration, /devicecode, /token), built from the documented OAuth 2.0
 * device authorization grant responses. A test fixture, not a feature. MSAL insists on https authorities,
 * so tests give MSAL a network module that sends https://login.microsoftonline.com/… here instead.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class FakeIdentity {
  url = '';
  /** What /token answers once the admin has "entered the code": tokens, or an AADSTS error. */
  outcome: { kind: 'tokens'; scopes: string[] } | { kind: 'error'; code: number; description: string } = {
    kind: 'tokens',
    scopes: [],
  };
  /** /token answers authorization_pending this many times first, as while the admin types the code. */
  pendingPolls = 1;
  readonly requests: Array<{ method: string; path: string; body: string }> = [];
  private server: Server | undefined;

  constructor(
    readonly tenantId: string,
    readonly issueAccessToken: (scopes: string[]) => string,
  ) {}

  async start(): Promise<void> {
    this.server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      this.requests.push({ method: request.method ?? 'GET', path, body });
      const [status, json] = this.answer(path, new URLSearchParams(body));
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(json));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(path: string, form: URLSearchParams): [number, unknown] {
    const authority = `https://login.microsoftonline.com/${this.tenantId}`;
    if (path.endsWith('/discovery/instance'))
      return [
        200,
        {
          tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: ['login.microsoftonline.com', 'login.windows.net'],
            },
          ],
        },
      ];
    if (path.endsWith('/.well-known/openid-configuration'))
      return [
        200,
        {
          token_endpoint: `${authority}/oauth2/v2.0/token`,
          authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
          device_authorization_endpoint: `${authority}/oauth2/v2.0/devicecode`,
          end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
          issuer: `https://login.microsoftonline.com/${this.tenantId}/v2.0`,
          jwks_uri: `${authority}/discovery/v2.0/keys`,
          response_types_supported: ['code'],
        },
      ];
    if (path.endsWith('/oauth2/v2.0/devicecode'))
      return [
        200,
        {
          device_code: 'fake-device-code',
          user_code: 'FAKE-CODE',
          verification_uri: 'https://microsoft.com/devicelogin',
          expires_in: 900,
          interval: 1,
          message: 'To sign in, open https://microsoft.com/devicelogin and enter the code FAKE-CODE.',
        },
      ];
    if (path.endsWith('/oauth2/v2.0/token')) {
      if (form.get('grant_type') === 'device_code' && this.pendingPolls > 0) {
        this.pendingPolls -= 1;
        return [
          400,
          {
            error: 'authorization_pending',
            error_description: 'AADSTS70016: Pending end-user authorization.',
            error_codes: [70016],
          },
        ];
      }
      if (this.outcome.kind === 'error')
        return [
          400,
          {
            error: 'invalid_grant',
            error_description: `AADSTS${this.outcome.code}: ${this.outcome.description}`,
            error_codes: [this.outcome.code],
          },
        ];
      const uid = 'aaaaaaaa-0000-0000-0000-000000000001';
      const now = Math.floor(Date.now() / 1000);
      const idToken = [
        encode({ typ: 'JWT', alg: 'none' }),
        encode({
          aud: form.get('client_id'),
          iss: `https://login.microsoftonline.com/${this.tenantId}/v2.0`,
          iat: now,
          nbf: now,
          exp: now + 3600,
          oid: uid,
          sub: uid,
          tid: this.tenantId,
          preferred_username: 'admin@contoso.example',
          name: 'Admin',
        }),
        'sig',
      ].join('.');
      const scopes = this.outcome.scopes;
      return [
        200,
        {
          token_type: 'Bearer',
          scope: scopes.join(' '),
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: this.issueAccessToken(scopes),
          refresh_token: 'fake-refresh-token',
          id_token: idToken,
          client_info: encode({ uid, utid: this.tenantId }),
        },
      ];
    }
    return [404, { error: 'not_found' }];
  }
}

/** MSAL's network module for tests: https://login.microsoftonline.com/… goes to the fake instead. */
export function redirectToFake(fakeUrl: string): INetworkModule {
  async function send<T>(
    method: string,
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    const target = url.replace(/^https:\/\/login\.microsoftonline\.com/, fakeUrl);
    if (target === url) throw new Error(`The test sent MSAL somewhere else: ${url}`);
    const response = await fetch(target, {
      method,
      headers: options?.headers ?? {},
      ...(options?.body ? { body: options.body } : {}),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return { status: response.status, headers, body: (await response.json()) as T };
  }
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
