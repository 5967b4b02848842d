/**
 * MSAL's device-code flow end to end against the identity fake (test/fakes/graph/identity.ts): the code
 * message reaches the admin, the tokens land in the real keychain, the next token is silent, and a consent
 * error (AADSTS65001) comes back as our message with the portal fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient, GraphError, listJostleApps } from '../../main/graph';
import { createPublicClient, MSAL_CACHE_ACCOUNT, signInWithDeviceCode } from '../../main/graph/msal';
import { READ_SCOPES } from '../../main/graph/permissions';
import { msalTokenSource, scopesFor } from '../../main/graph/token-source';
import { KeyringSecretStore } from '../../main/secrets/keyring-store';
import { generateSyntheticTenant } from '../../shared/source-data';
import { FakeIdentity, redirectToFake } from '../fakes/graph/identity';
import { FakeGraph } from '../fakes/graph/server';
import { buildFakeTenant } from '../fakes/graph/tenant';
import { uniqueKeychainService } from '../support/temp';

const synthetic = generateSyntheticTenant({ users: 10, seed: 3 });
let graph: FakeGraph;
let identity: FakeIdentity;
const store = new KeyringSecretStore(uniqueKeychainService());

beforeAll(async () => {
  graph = new FakeGraph(buildFakeTenant(synthetic.users, synthetic.assignments));
  await graph.start();
  identity = new FakeIdentity(graph.tenant.tenantId, (scopes) => graph.issueToken({ scopes }));
  await identity.start();
});
afterAll(async () => {
  await store.delete(MSAL_CACHE_ACCOUNT).catch(() => false);
  await graph.stop();
  await identity.stop();
});

const settings = () => ({
  tenant: graph.tenant.tenantId,
  clientId: '00000000-1111-2222-3333-444444444444',
  cloud: 'global' as const,
});

describe('device-code sign-in through MSAL', () => {
  it('shows the code, stores the tokens in the keychain, then answers silently and reads Graph', async () => {
    identity.outcome = { kind: 'tokens', scopes: [...READ_SCOPES] };
    identity.pendingPolls = 1;
    const client = createPublicClient(settings(), store, redirectToFake(identity.url));
    const messages: string[] = [];
    const result = await signInWithDeviceCode(client, scopesFor('readApps', 'global'), (message) =>
      messages.push(message),
    );
    expect(messages).toEqual([
      'To sign in, open https://microsoft.com/devicelogin and enter the code FAKE-CODE.',
    ]);
    expect(result.account?.username).toBe('admin@contoso.example');
    expect(await store.get(MSAL_CACHE_ACCOUNT)).toContain('fake-refresh-token');
    const tokenCalls = identity.requests.filter((request) => request.path.endsWith('/token')).length;

    // A fresh MSAL instance (a new run of the app) signs in silently from the keychain.
    const again = createPublicClient(settings(), store, redirectToFake(identity.url));
    const tokens = msalTokenSource(again, 'global');
    const apps = await listJostleApps(
      createGraphClient({ graphUrl: graph.url, token: (action) => tokens.token(action) }),
    );
    expect(apps.map((app) => app.id)).toContain('sp-jostle-1');
    expect(identity.requests.filter((request) => request.path.endsWith('/token')).length).toBe(tokenCalls);
    const requested = new URLSearchParams(
      identity.requests.find((request) => request.path.endsWith('/devicecode'))!.body,
    ).get('scope')!;
    expect(requested.split(' ')).toEqual(expect.arrayContaining([...READ_SCOPES]));
    expect(requested).not.toContain('ReadWrite');
  });

  it('missing admin consent (AADSTS65001) comes back with the consent step and the permissions', async () => {
    identity.outcome = {
      kind: 'error',
      code: 65001,
      description: 'The user or administrator has not consented to use the application.',
    };
    identity.pendingPolls = 0;
    const client = createPublicClient(
      settings(),
      new KeyringSecretStore(uniqueKeychainService()),
      redirectToFake(identity.url),
    );
    const error = await signInWithDeviceCode(client, scopesFor('readApps', 'global'), () => undefined).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).kind).toBe('missing-consent');
    expect((error as GraphError).full).toMatch(/AADSTS65001/);
    expect((error as GraphError).full).toMatch(/Grant admin consent/);
  });
});
