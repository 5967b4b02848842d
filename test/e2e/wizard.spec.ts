import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checklistItems } from '../../shared/wizard/steps';
import { keychainRequired } from '../support/keychain';
import { expect, test } from './fixtures';
import { WizardPage } from './pages/wizard-page';
import { keepScreenshot } from './screenshots';

const API_KEY = 'e2eKey-7QyZ3r9VbN2mW8xK4tH6pL1sD5fG0jA';
const BASE_URL = 'https://acme-e2e.jostle.us/scim2';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('walks Plan, Automation user, Base URL and key, and Gallery; progress and key survive a restart; the key leaks nowhere', async ({
  assistant,
}, testInfo) => {
  let wizard = new WizardPage(assistant.page);
  const pagesSeen: string[] = [];

  await wizard.open('plan');
  await wizard.tickAll('plan', checklistItems.plan);
  await wizard.expectStatus('plan', 'done');

  await assistant.page.getByTestId('next-step').click();
  await expect(assistant.page.getByTestId('panel-automation-user')).toBeVisible();
  await wizard.tickAll('automation-user', ['created']);
  await wizard.expectStatus('automation-user', 'in-progress');
  await wizard.tickAll('automation-user', ['signed-in-once']);
  await wizard.expectStatus('automation-user', 'done');

  await wizard.open('connection');
  await wizard.fillConnection('http://acme-e2e.jostle.us/scim2', 'too-short');
  await expect(assistant.page.getByText('The Base URL must start with https://.')).toBeVisible();
  await expect(assistant.page.getByText(/too short for a Jostle API key/)).toBeVisible();
  await wizard.expectStatus('connection', 'not-started');
  // A message about a value that has since changed goes away with the change.
  await assistant.page.getByTestId('api-key').fill(API_KEY);
  await expect(assistant.page.getByText(/too short for a Jostle API key/)).toHaveCount(0);
  await expect(assistant.page.getByText('The Base URL must start with https://.')).toBeVisible();

  await wizard.fillConnection(BASE_URL, API_KEY);
  await expect(assistant.page.getByTestId('saved-message')).toBeVisible();
  await expect(assistant.page.getByTestId('saved-key')).toBeVisible();
  const fingerprint = await assistant.page.getByTestId('key-fingerprint').textContent();
  expect(fingerprint).toMatch(/^sha256:[0-9a-f]{8}$/);
  if (keychainRequired) {
    await expect(assistant.page.getByTestId('keychain-problem')).toHaveCount(0);
    await wizard.expectStatus('connection', 'done');
  }
  pagesSeen.push(await assistant.page.content());
  await keepScreenshot(assistant.page, testInfo, 'wizard-connection');

  await wizard.open('gallery');
  await wizard.tickAll('gallery', checklistItems.gallery);
  await wizard.expectStatus('gallery', 'done');

  await wizard.open('export');
  await wizard.expectStatus('export', 'not-started');
  await wizard.open('connection');

  await assistant.restart();
  wizard = new WizardPage(assistant.page);
  await expect(assistant.page.getByTestId('panel-connection')).toBeVisible();
  for (const stepId of ['plan', 'automation-user', 'gallery'] as const)
    await wizard.expectStatus(stepId, 'done');
  await expect(assistant.page.getByTestId('base-url')).toHaveValue(BASE_URL);
  if (keychainRequired) {
    await expect(assistant.page.getByTestId('key-fingerprint')).toHaveText(fingerprint!);
    await wizard.expectStatus('connection', 'done');
  }
  pagesSeen.push(await assistant.page.content());

  // The key must appear in no page, API answer, file under the data folder, or log.
  expect(pagesSeen.join('\n')).not.toContain(API_KEY);
  expect(assistant.apiResponses.join('\n')).not.toContain(API_KEY);
  expect(assistant.output()).not.toContain(API_KEY);
  const files = filesUnder(assistant.dataDir);
  expect(files.some((file) => file.endsWith('settings.json'))).toBe(true);
  expect(files.some((file) => file.endsWith('main.log'))).toBe(true);
  for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(API_KEY);
  if (testInfo.project.name === 'browser') expect(assistant.apiResponses.length).toBeGreaterThan(10);

  await assistant.page.getByTestId('forget-key').click();
  await assistant.page.getByTestId('confirm-forget-key').click();
  await expect(assistant.page.getByTestId('api-key')).toBeVisible();
  await wizard.expectStatus('connection', 'in-progress');
});

test.describe('with an unreadable settings file', () => {
  test.beforeEach(({ driverOptions }) => {
    writeFileSync(join(driverOptions.dataDir, 'settings.json'), '{"wizard": ');
  });

  test('tells the admin, keeps the old file, and starts fresh', async ({ assistant }) => {
    const notice = assistant.page.getByTestId('notice-settings-unreadable');
    await expect(notice).toContainText('could not be read');
    await expect(notice).toContainText('settings.unreadable-');
    expect(readdirSync(assistant.dataDir).some((name) => name.startsWith('settings.unreadable-'))).toBe(true);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    await new WizardPage(assistant.page).expectStatus('plan', 'not-started');
  });
});

test('browser mode: when the background process stops, the page says so instead of “Failed to fetch”', async ({
  assistant,
}) => {
  test.skip(!assistant.stopBackgroundProcess, 'only the browser mode has a separate background process');
  const page = assistant.page;
  const wizard = new WizardPage(page);
  await wizard.open('connection');
  await assistant.stopBackgroundProcess!();
  await wizard.fillConnection(BASE_URL, API_KEY);
  // One banner above the page, which stays visible beneath it with its actions blocked.
  const banner = page.getByRole('alert').filter({ hasText: 'background process has stopped' });
  await expect(banner).toBeVisible();
  await expect(page.getByText('Failed to fetch')).toHaveCount(0);
  await expect(page.getByTestId('panel-connection')).toBeVisible();
  await expect(page.getByTestId('base-url')).toHaveValue(BASE_URL);
  await expect(page.getByTestId('app-columns')).toHaveAttribute('inert', '');
  // Try again while it is still stopped: the banner stays, the page too.
  await page.getByTestId('background-retry').click();
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('panel-connection')).toBeVisible();
});
