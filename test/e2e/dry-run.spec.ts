import { expect, test } from './fixtures';
import { callApi } from './pages/api';
import { ToolsPage, WizardPage } from './pages/wizard-page';
import { keepScreenshot } from './screenshots';

test('dry run: the initial cycle creates everyone in scope, a second identical cycle sends no writes, and faults show Entra’s errors', async ({
  assistant,
}, testInfo) => {
  const page = assistant.page;
  await callApi(page, 'generateSyntheticUsers', { count: 40, seed: 7 });
  await callApi(page, 'saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });
  const preview = (await callApi(page, 'getPreview', { show: 'in-scope', offset: 0, limit: 1 })) as {
    summary: { inScope: number; inScopeButDisabled: number };
  };
  // Entra does not create users who are disabled in Entra, even when they are in scope.
  const toCreate = preview.summary.inScope - preview.summary.inScopeButDisabled;
  expect(toCreate).toBeGreaterThan(0);

  const wizard = new WizardPage(page);
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-cycle-1')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('cycle-1-Create')).toHaveText(String(toCreate));
  await expect(page.getByTestId('cycle-1-failed')).toHaveText('0');
  await expect(page.getByTestId('dry-run-log-row').first()).toBeVisible();
  await page.getByTestId('dry-run-log-row').first().click();
  await expect(page.getByTestId('dry-run-entry')).toContainText('POST /Users');
  await wizard.expectStatus('dry-run', 'done');
  await keepScreenshot(page, testInfo, 'dry-run');

  await page.getByTestId('dry-run-next').click();
  await expect(page.getByTestId('dry-run-cycle-2')).toBeVisible({ timeout: 30_000 });
  for (const action of ['Create', 'Update', 'Disable', 'Delete'])
    await expect(page.getByTestId(`cycle-2-${action}`)).toHaveText('0');

  const tools = new ToolsPage(page);
  await tools.openMock();
  await tools.setFault('conflict', true);
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-restart').click();
  await expect(page.getByTestId('dry-run-cycle-1')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('cycle-1-failed')).not.toHaveText('0');
  await expect(page.getByTestId('dry-run-errors')).toContainText('EntryConflict');
  await wizard.expectStatus('dry-run', 'needs-attention');
});
