/**
 * The second walk's findings, as the admin sees them: a saved Mock Jostle is called the mock, changing only
 * the Base URL to another host asks for that host's key where it can be seen, a live run says where it
 * writes, and forgetting the imports asks first.
 */
import { expect, test } from './fixtures';
import { callApi } from './pages/api';
import { ToolsPage, WizardPage } from './pages/wizard-page';

const TENANT = 'contoso-e2e.jostle.us';
const TENANT_KEY = 'e2eTenantKey-4Hs8Kd2Lq6Pw9Zx3Vb7';

test('Mock Jostle in the wizard is labelled as the mock; a new host asks for its key; a live run says where it writes', async ({
  assistant,
}) => {
  const page = assistant.page;
  const wizard = new WizardPage(page);
  const tools = new ToolsPage(page);

  // Tools > Mock Jostle > Use in the wizard: saved without the token passing through the page.
  const mock = await tools.startMock();
  await page.getByTestId('mock-use-in-wizard').click();
  await expect(page.getByTestId('mock-used-in-wizard')).toBeVisible();
  await wizard.open('export');
  await expect(page.getByTestId('export-mock-url')).toContainText('not your tenant');
  await wizard.open('connection');
  await expect(page.getByTestId('mock-url-saved')).toContainText('Mock Jostle, on this computer');
  await wizard.expectStatus('connection', 'in-progress');
  await expect(page.getByTestId('save-connection')).toHaveText('Save URL');
  // One primary button: the step is not done (a mock), so Save stays primary and Next is not.
  await expect(page.getByTestId('save-connection')).toHaveAttribute('data-appearance', 'primary');
  await expect(page.getByTestId('next-step')).toHaveAttribute('data-appearance', 'secondary');

  // Only the Base URL changes, to another host: the key field opens with the reason.
  await page.getByTestId('base-url').fill(`https://${TENANT}/scim2`);
  const mockHost = new URL(mock.baseUrl).host;
  await expect(page.getByTestId('connection-test-unsaved')).toContainText(mockHost);
  await expect(page.getByTestId('test-connection')).toHaveText(`Test connection to ${mockHost}`);
  await page.getByTestId('save-connection').click();
  await expect(page.getByTestId('api-key')).toBeVisible();
  await expect(page.getByText(`The saved API key is for http://${mockHost}.`)).toBeVisible();
  await expect(page.getByTestId('mock-url-saved')).toBeVisible();

  // Blanks around the key are removed, as around the URL.
  await page.getByTestId('api-key').fill(`  ${TENANT_KEY} `);
  await page.getByTestId('save-connection').click();
  await expect(page.getByTestId('saved-message')).toBeVisible();
  await expect(page.getByTestId('mock-url-saved')).toHaveCount(0);
  await expect(page.getByTestId('connection-test-unsaved')).toHaveCount(0);
  await expect(page.getByTestId('test-connection')).toHaveText(`Test connection to ${TENANT}`);
  await expect(page.getByTestId('save-connection')).toHaveAttribute('data-appearance', 'secondary');
  await expect(page.getByTestId('next-step')).toHaveAttribute('data-appearance', 'primary');

  // The dry run calls a run against the tenant a live run, on the button itself.
  await wizard.open('dry-run');
  await page.getByTestId('target-switch').getByLabel(`Your Jostle tenant (${TENANT})`).check();
  await expect(page.getByTestId('dry-run-start')).toHaveText(`Live run: write to ${TENANT}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Live run: writes to ${TENANT}`);

  // Using the mock again would drop the tenant's key: asked first.
  await tools.openMock();
  await page.getByTestId('mock-use-in-wizard').click();
  await expect(page.getByTestId('mock-use-in-wizard-confirm-text')).toContainText(
    'Jostle cannot show it again',
  );
  await page.getByTestId('mock-use-in-wizard-cancel').click();
  const saved = await callApi<{ baseUrl: string }>(page, 'getConnectionStatus', {});
  expect(saved.baseUrl).toBe(`https://${TENANT}/scim2`);
});

test('Forget the imported lists asks first and names what is lost', async ({ assistant }) => {
  const page = assistant.page;
  await callApi(page, 'generateSyntheticUsers', { count: 12, seed: 3 });
  const wizard = new WizardPage(page);
  await wizard.open('scope');
  await page.getByTestId('clear-imports').click();
  await expect(page.getByTestId('clear-imports-confirm-text')).toContainText('12 users');
  await page.getByTestId('clear-imports-cancel').click();
  await expect(page.getByTestId('import-users-status')).toContainText('12 users');
  await page.getByTestId('clear-imports').click();
  await page.getByTestId('clear-imports-confirm').click();
  await expect(page.getByTestId('import-users-status')).toHaveCount(0);
});
