/**
 * Keyboard only, on every list whose rows open details (renderer/components/detail-rows): the row has a name
 * that says what it opens, Enter and Space open it, Escape or Close closes it and focus is back on the row.
 * One assistant for the whole walk (state is set up through the API), so the spec stays quick.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { callApi } from './pages/api';
import { ToolsPage, WizardPage } from './pages/wizard-page';

/** Opens with `key`, checks the details, closes with Escape (or `close`), and expects focus on `row`. */
async function openAndClose(
  page: Page,
  row: Locator,
  details: Locator,
  key: 'Enter' | ' ',
  close: 'Escape' | Locator = 'Escape',
) {
  await row.focus();
  await page.keyboard.press(key === ' ' ? 'Space' : key);
  await expect(details).toBeVisible();
  if (close === 'Escape') await page.keyboard.press('Escape');
  else {
    await close.focus();
    await page.keyboard.press('Enter');
  }
  await expect(details).toBeHidden();
  await expect(row).toBeFocused();
}

test('keyboard: every row that opens details opens with Enter and Space and gives focus back on close', async ({
  assistant,
}) => {
  test.setTimeout(120_000);
  const page = assistant.page;
  // At the smallest window the issue names for the dry-run log: its details must be in full view.
  await page.setViewportSize({ width: 1280, height: 900 });
  // The open details get the accessibility scan too (the step scans see them closed).
  const findings: string[] = [];
  const wizard = new WizardPage(page);
  const tools = new ToolsPage(page);
  const mock = await tools.startMock();
  await callApi(page, 'saveConnection', { baseUrl: mock.baseUrl, apiKey: mock.token });
  await callApi(page, 'generateSyntheticUsers', { count: 12, seed: 5 });
  await callApi(page, 'saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });

  // Scope preview: a drawer.
  await wizard.open('scope');
  const previewRow = page.getByTestId('preview-row').first();
  await expect(previewRow).toHaveAttribute('aria-label', /: show why and what Entra would send$/);
  await openAndClose(page, previewRow, page.getByTestId('user-preview'), 'Enter');
  await openAndClose(
    page,
    previewRow,
    page.getByTestId('user-preview'),
    ' ',
    page.getByRole('dialog').getByRole('button', { name: 'Close' }),
  );

  // Mappings: the row and its Edit button open the dialog; focus goes back to whichever opened it.
  await wizard.open('mappings');
  const mappingRow = page.getByTestId('mapping-row-userName');
  await expect(mappingRow).toHaveAttribute('aria-label', 'userName: edit this mapping');
  await openAndClose(page, mappingRow, page.getByTestId('mapping-dialog'), 'Enter');
  await openAndClose(page, mappingRow, page.getByTestId('mapping-dialog'), ' ');
  const edit = page.getByTestId('mapping-row-userName-edit');
  await expect(edit).toHaveAccessibleName('Edit userName');
  await openAndClose(page, edit, page.getByTestId('mapping-dialog'), 'Enter');

  // Dry-run log: a drawer, fully in view at 1280 × 900.
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-cycle-1')).toBeVisible({ timeout: 30_000 });
  const logRow = page.getByTestId('dry-run-log-row').filter({ hasText: 'Success' }).first();
  await expect(logRow).toHaveAccessibleName(/^#1\s*Create\s*Success.*: show details$/);
  const entry = page.getByTestId('dry-run-entry');
  await logRow.focus();
  await page.keyboard.press('Enter');
  await expect(entry).toContainText('POST /Users');
  findings.push(...(await seriousViolations(page, 'dry-run (entry open)')));
  for (const part of [entry, entry.locator('div[tabindex="0"]').last()])
    await expect(part).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(entry).toBeHidden();
  await expect(logRow).toBeFocused();
  await openAndClose(page, logRow, entry, ' ');

  // Monitor: a failure's full reason and ids, in place under the row.
  await wizard.open('monitor');
  await page
    .getByTestId('log-file-input')
    .setInputFiles('test/fixtures/provisioning-logs/entra-download.csv');
  const sample = page.getByTestId('error-EntryConflict').getByTestId('log-sample-row').first();
  await expect(sample).toHaveAttribute(
    'aria-label',
    /^Priya Nair, Create at .*: show the full reason and ids$/,
  );
  const sampleDetails = page.getByTestId('log-sample-details');
  await sample.focus();
  await page.keyboard.press('Enter');
  await expect(sample).toHaveAttribute('aria-label', /: show the full reason and ids \(shown below\)$/);
  await expect(sampleDetails).toContainText('Change ID');
  findings.push(...(await seriousViolations(page, 'monitor (failure open)')));
  await page.keyboard.press('Escape');
  await expect(sampleDetails).toBeHidden();
  await expect(sample).toBeFocused();
  await openAndClose(page, sample, sampleDetails, ' ', sampleDetails.getByRole('button', { name: 'Close' }));

  // Diagnostics: probe results are an accordion; Escape inside an open one closes it onto its header.
  await tools.runDiagnostics();
  // Test Connection has requests in its details, so Tab reaches them.
  const header = page.getByTestId('probe-test-connection').getByRole('button', {
    name: /: show what to do and the requests$/,
  });
  await header.focus();
  await page.keyboard.press('Space');
  await expect(header).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('probe-test-connection').locator('div[tabindex="0"]').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(header).toHaveAttribute('aria-expanded', 'false');
  await expect(header).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-expanded', 'true');

  // Mock Jostle's request log: in place under the row.
  await tools.openMock();
  const request = page.getByTestId('mock-log-row').first();
  await expect(request).toHaveAttribute('aria-label', /: show request and response$/);
  const requestDetails = page.getByTestId('mock-log-details');
  await request.focus();
  await page.keyboard.press('Enter');
  await expect(requestDetails).toBeVisible();
  findings.push(...(await seriousViolations(page, 'Mock Jostle (request open)')));
  await page.keyboard.press('Escape');
  await expect(request).toBeFocused();
  await openAndClose(
    page,
    request,
    requestDetails,
    ' ',
    requestDetails.getByRole('button', { name: 'Close' }),
  );
  expect(findings).toEqual([]);
});
