/**
 * The proxy sign-in prompt in the browser mode, against a real forward proxy that demands Basic sign-in
 * (test/support/forward-proxy.ts) in front of the real Mock Jostle behind a TLS front: with nothing saved,
 * Test connection makes the window ask; Cancel ends in the 407 diagnosis; a refused password asks again; the
 * right one lets the probes through. The proxy never sees the Jostle key, and the password is in no page,
 * settings file or log after it was sent.
 */
import { seriousViolations } from './axe';
import { readFileSync } from 'node:fs';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import { makeTestPki, startTlsFront, type TestPki } from '../network/pki';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy';
import { filesUnder } from '../export/helpers';
import { tempDir, uniqueKeychainService } from '../support/temp';
import { KeyringSecretStore } from '../../main/secrets/keyring-store';
import { expect, test } from './fixtures';
import { WizardPage } from './pages/wizard-page';

const HOST = 'jostle.test';
const USER = 'svc-e2e-proxy';
const PASSWORD = 'E2e-proxy-Pa55-8c1d7f';
const FORMS = [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64')];

let pki: TestPki;
let mock: MockJostle;
let front: { port: number; close(): Promise<void> };
let proxy: ForwardProxy;

test.beforeAll(async () => {
  pki = makeTestPki('JPA E2E Proxy Root', [HOST]);
  mock = await startMockJostle({ seedUsers: 2 });
  front = await startTlsFront(pki, Number(new URL(mock.baseUrl).port));
  proxy = await startForwardProxy({
    auth: { scheme: 'Basic', username: USER, password: PASSWORD, realm: 'Example Corp proxy' },
    route: (host, port) => (host === HOST ? { host: '127.0.0.1', port: front.port } : { host, port }),
  });
});
test.afterAll(async () => {
  await proxy?.close();
  await front?.close();
  await mock?.close();
  pki?.cleanup();
});

let dataDir = '';
test.use({
  // A trace records what is typed into fields: the proxy password must not land in a test artifact.
  trace: 'off',
  // eslint-disable-next-line no-empty-pattern
  driverOptions: async ({}, use) => {
    const dir = tempDir('jpa-e2e-');
    dataDir = dir.path;
    const service = uniqueKeychainService();
    await use({
      dataDir: dir.path,
      env: {
        ...process.env,
        JPA_KEYCHAIN_SERVICE: service,
        HTTPS_PROXY: proxy.url,
        NO_PROXY: '',
        NODE_EXTRA_CA_CERTS: pki.caFile,
      },
    });
    const store = new KeyringSecretStore(service);
    await store.delete('jostle-api-key').catch(() => undefined);
    await store.delete('proxy-credentials').catch(() => undefined);
    dir.remove();
  },
});

test('a proxy that asks for sign-in: the window asks, Cancel gives the 407 diagnosis, the right password passes', async ({
  assistant,
}) => {
  const page = assistant.page;
  const wizard = new WizardPage(page);
  await wizard.open('connection');
  await wizard.fillConnection(`https://${HOST}${new URL(mock.baseUrl).pathname}`, mock.token);
  await expect(page.getByTestId('saved-key')).toBeVisible();

  // Nothing saved: the probes wait on the prompt, which names the proxy, its realm and the scheme.
  await page.getByTestId('test-connection').click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to the proxy' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText(proxy.hostPort);
  await expect(dialog).toContainText('Example Corp proxy');
  await expect(dialog).toContainText('Basic');
  // Named by its title, focus inside it, and no serious WCAG 2.2 AA finding (tabster's focus guards aside).
  await expect(dialog.getByLabel('User name')).toBeFocused();
  expect(await seriousViolations(page, 'proxy sign-in dialog')).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  const result = page.getByTestId('connection-test');
  await expect(result).toContainText(`The proxy ${proxy.hostPort} asked for sign-in (HTTP 407`, {
    timeout: 30_000,
  });
  await expect(result).toContainText('cancelled');
  // The rest of that run did not ask again.
  await expect(dialog).toHaveCount(0);

  // A wrong password: the proxy refuses it, and the window asks again, saying so.
  await page.getByTestId('test-connection').click();
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await dialog.getByLabel('User name').fill(USER);
  await dialog.getByLabel('Password').fill('not-the-password');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toContainText('did not accept', { timeout: 30_000 });

  // The right one, remembered: the probes pass through the proxy.
  await dialog.getByLabel('User name').fill(USER);
  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByLabel('Remember on this computer (keychain)').check();
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('connection-test-result')).toContainText('Jostle accepted the key', {
    timeout: 30_000,
  });
  expect(proxy.seen.some((request) => request.method === 'CONNECT' && request.answered === 200)).toBe(true);

  // The proxy saw its own sign-in and never the Jostle key, in no header of any request.
  expect(JSON.stringify(proxy.seen)).not.toContain(mock.token);
  // The password left the window with the answer: not in the page, the settings or the logs.
  const html = await page.content();
  for (const form of FORMS) expect(html).not.toContain(form);
  for (const file of filesUnder(dataDir)) {
    const text = readFileSync(file, 'utf8');
    for (const form of FORMS) expect(text, file).not.toContain(form);
  }

  // Remembered: Diagnostics > Network shows it saved (the keychain holds it), and a new check needs no prompt.
  await page.getByTestId('tool-link-diagnostics').click();
  await expect(page.getByTestId('proxy-sign-in-saved')).toContainText(`as ${USER}`);
});
