import { expect, test } from './fixtures';
import { callApi } from './pages/api';
import { ToolsPage, WizardPage } from './pages/wizard-page';

test('dry-run results describe the latest cycle: a 401 quarantine fixed in the next cycle is history, in the step and the export', async ({
  assistant,
}) => {
  const page = assistant.page;
  await callApi(page, 'generateSyntheticUsers', { count: 12, seed: 3 });
  await callApi(page, 'saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });
  const wizard = new WizardPage(page);
  const tools = new ToolsPage(page);

  // Cycle 1 with Jostle refusing the key: quarantine.
  await tools.startMock();
  await tools.setFault('unauthorized', true);
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-quarantine')).toContainText('EncounteredQuarantineException', {
    timeout: 30_000,
  });
  await wizard.expectStatus('dry-run', 'needs-attention');

  // The key fixed: cycle 2 runs clean, and everything says so.
  await tools.openMock();
  await tools.setFault('unauthorized', false);
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-next').click();
  await expect(page.getByTestId('dry-run-cycle-2')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('dry-run-quarantine')).toHaveCount(0);
  const verdict = page.getByTestId('dry-run-verdict');
  await expect(verdict).toContainText('Cycle 2: Every user went through');
  await expect(verdict).toContainText('Cycle 1 would have put the job in quarantine');
  await expect(page.getByTestId('dry-run-errors')).toHaveCount(0);
  await expect(page.getByTestId('dry-run-earlier-errors')).toContainText('the latest cycle had none');
  await expect(page.getByTestId('dry-run-cycle-2')).toContainText('2 · incremental');
  await wizard.expectStatus('dry-run', 'done');

  // The support export: the latest cycle's state, the earlier quarantine as history.
  const exported = await callApi<{ content: string }>(page, 'exportSummary', {
    format: 'markdown',
    includeUserData: false,
  });
  expect(exported.content).toContain('cycle 2 of 2: no failures');
  expect(exported.content).toContain('not after the latest cycle (2); cycle 1 would have been quarantined');

  // Checks against the mock, then a restart: the assistant reopens on the step the admin left, the
  // dry run's saved result is shown as from before the restart, and the probe report says its mock is gone.
  await tools.runDiagnostics();
  await wizard.open('dry-run');
  await assistant.restart();
  const after = assistant.page;
  await expect(after.getByTestId('panel-dry-run')).toBeVisible();
  await expect(after.getByTestId('dry-run-earlier-session')).toContainText(
    'From before the assistant restarted',
  );
  await expect(after.getByTestId('dry-run-verdict')).toContainText('Cycle 2: Every user went through');
  await expect(after.getByTestId('dry-run-start')).toBeVisible();
  await new ToolsPage(after).openMock();
  await after.getByTestId('tool-link-diagnostics').click();
  await expect(after.getByTestId('probe-report-stale')).toContainText(
    'That Mock Jostle is no longer running',
  );
});
