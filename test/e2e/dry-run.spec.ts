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
  // Disabled users are logged Create · Skipped (NotEffectivelyEntitled) with no request; open a real create.
  await page.getByTestId('dry-run-log-row').filter({ hasText: 'Success' }).first().click();
  await expect(page.getByTestId('dry-run-entry')).toContainText('POST /Users');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dry-run-entry')).toBeHidden();
  await expect(page.getByTestId('dry-run-settings')).toContainText('accidental-deletion prevention off');
  await wizard.expectStatus('dry-run', 'done');
  await keepScreenshot(page, testInfo, 'dry-run');

  await expect(page.getByTestId('dry-run-next-cycle')).toBeVisible();
  await page.getByTestId('dry-run-days').fill('2');
  await page.getByTestId('dry-run-next').click();
  await expect(page.getByTestId('dry-run-cycle-2')).toBeVisible({ timeout: 30_000 });
  for (const action of ['Create', 'Update', 'Disable', 'Delete'])
    await expect(page.getByTestId(`cycle-2-${action}`)).toHaveText('0');

  const tools = new ToolsPage(page);
  await tools.openMock();
  await tools.setFault('conflict', true);
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-prevent-deletions').click();
  await page.getByTestId('dry-run-deletion-threshold').fill('3');
  // Start over loses the cycles so far: it asks first and says so.
  await page.getByTestId('dry-run-restart').click();
  await expect(page.getByTestId('dry-run-restart-confirm-text')).toContainText(
    'discards the 2 cycles run so far',
  );
  await page.getByTestId('dry-run-restart-confirm').click();
  await expect(page.getByTestId('dry-run-cycle-1')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('cycle-1-failed')).not.toHaveText('0');
  await expect(page.getByTestId('dry-run-errors')).toContainText('EntryConflict');
  await expect(page.getByTestId('dry-run-settings')).toContainText('accidental-deletion threshold 3');
  // QUAR: a few dozen conflicts are far below the 5,000 failures where Entra starts judging.
  await expect(page.getByTestId('dry-run-quarantine')).toHaveCount(0);
  await expect(page.getByTestId('dry-run-early-warning-1')).toContainText('not Entra');
  await wizard.expectStatus('dry-run', 'needs-attention');

  // GRAPH-POS: the dry-run log, saved as Entra's provisioning-logs JSON, imports in the Monitor step.
  const saving = page.waitForEvent('download');
  await page.getByTestId('dry-run-save-log').click();
  const download = await saving;
  // Saved under the name the window gives it (dry-run-provisioning-log-….json), as an admin's browser would.
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  await wizard.open('monitor');
  await page.getByTestId('log-file-input').setInputFiles(saved);
  await expect(page.getByTestId('log-summary')).toBeVisible();
  await expect(page.getByTestId('error-EntryConflict')).toBeVisible();
});
