import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestPki, type TestPki } from '../network/pki';
import { expect, test } from './fixtures';
import { keepScreenshot } from './screenshots';

let pki: TestPki;
test.beforeAll(() => {
  pki = makeTestPki('Example Corp TLS Inspection Root');
  writeFileSync(join(pki.dir, 'corp-root.pem'), pki.caPem);
  writeFileSync(join(pki.dir, 'corp-root.key'), pki.caKeyPem);
});
test.afterAll(() => pki.cleanup());

test('Diagnostics > Network: trust a corporate root certificate, see its details, remove it', async ({
  assistant,
}, testInfo) => {
  const page = assistant.page;
  await page.getByTestId('tool-link-diagnostics').click();
  const network = page.getByTestId('network-settings');
  await expect(network).toBeVisible();
  await expect(page.getByTestId('network-proxy')).not.toHaveText('…');

  await page.getByTestId('trusted-cert-file').setInputFiles(join(pki.dir, 'corp-root.pem'));
  const certificate = page.getByTestId('trusted-certificate');
  await expect(certificate).toHaveCount(1);
  await expect(certificate).toContainText('Example Corp TLS Inspection Root (Example Corp)');
  await expect(certificate).toContainText('CA');
  await expect(certificate).toContainText(/SHA-256 ([0-9A-F]{2}:){7}[0-9A-F]{2}/);
  await expect(network).toContainText('From corp-root.pem');
  await keepScreenshot(page, testInfo, 'network');

  // A private key is refused with its reason, and the trusted certificate stays.
  await page.getByTestId('trusted-cert-file').setInputFiles(join(pki.dir, 'corp-root.key'));
  await expect(page.getByTestId('network-error')).toContainText('private key');
  await expect(certificate).toHaveCount(1);

  await page.getByTestId('remove-trusted-certs').click();
  await expect(certificate).toHaveCount(0);
  await expect(page.getByTestId('remove-trusted-certs')).toHaveCount(0);

  // Still gone after a reload: the setting lives in main, not in the window.
  await page.reload();
  await page.getByTestId('tool-link-diagnostics').click();
  await expect(page.getByTestId('network-proxy')).not.toHaveText('…');
  await expect(page.getByTestId('trusted-certificate')).toHaveCount(0);
});

test('Diagnostics > Network: says which stack and trust store, keeps a proxy sign-in, forgets it', async ({
  assistant,
}) => {
  const page = assistant.page;
  await page.getByTestId('tool-link-diagnostics').click();
  await expect(page.getByTestId('network-stack')).toContainText('Node.js');
  // Node 20 cannot read the OS store: said plainly, with the version.
  await expect(page.getByTestId('network-trust-store')).toContainText(
    `Node ${process.versions.node.split('.')[0]}`,
  );
  await expect(page.getByTestId('network-trust-store')).toContainText(
    'cannot read this computer’s certificate store',
  );

  await page.getByTestId('proxy-address').fill('proxy.example.test:3128');
  await page.getByTestId('proxy-username').fill('svc-e2e');
  await page.getByTestId('proxy-password').fill('e2e-proxy-password-51c2');
  await page.getByTestId('save-proxy-sign-in').click();
  await expect(page.getByTestId('proxy-sign-in-saved')).toContainText(
    'Saved for proxy.example.test:3128 as svc-e2e',
  );
  expect(await page.content()).not.toContain('e2e-proxy-password-51c2');

  await page.reload();
  await page.getByTestId('tool-link-diagnostics').click();
  await expect(page.getByTestId('proxy-sign-in-saved')).toBeVisible();
  await page.getByTestId('forget-proxy-sign-in').click();
  await expect(page.getByTestId('proxy-password')).toBeVisible();
});
