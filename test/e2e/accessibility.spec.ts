import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { steps } from '../../shared/wizard/steps';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { callApi } from './pages/api';
import { ToolsPage, WizardPage } from './pages/wizard-page';

/** Scans every step and both tools; returns every finding so one run lists them all. */
async function scanEveryStepAndTool(page: Page, state: string): Promise<string[]> {
  const findings: string[] = [];
  const wizard = new WizardPage(page);
  for (const step of steps) {
    await wizard.open(step.id);
    findings.push(...(await seriousViolations(page, `${step.id} (${state})`)));
  }
  const tools = new ToolsPage(page);
  await tools.openMock();
  findings.push(...(await seriousViolations(page, `Mock Jostle (${state})`)));
  await page.getByTestId('tool-link-diagnostics').click();
  await expect(page.getByTestId('tool-diagnostics')).toBeVisible();
  findings.push(...(await seriousViolations(page, `Diagnostics (${state})`)));
  return findings;
}

test('every step and tool has no serious or critical WCAG 2.2 A/AA findings, empty and filled', async ({
  assistant,
}) => {
  test.setTimeout(180_000);
  const page = assistant.page;
  const findings = await scanEveryStepAndTool(page, 'empty');

  // Filled: a saved connection to a running Mock Jostle, imported users, a dry run, diagnostics results.
  const tools = new ToolsPage(page);
  const mock = await tools.startMock();
  await callApi(page, 'saveConnection', { baseUrl: mock.baseUrl, apiKey: mock.token });
  await callApi(page, 'generateSyntheticUsers', { count: 30, seed: 3 });
  await callApi(page, 'saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });
  // The Monitor analysis is kept by main, so the Monitor step shows it when the scan opens the step.
  const log = 'test/fixtures/provisioning-logs/entra-download.csv';
  await callApi(page, 'importProvisioningLog', {
    source: 'file',
    file: { name: 'entra-download.csv', text: readFileSync(log, 'utf8') },
  });
  await tools.runDiagnostics();
  const wizard = new WizardPage(page);
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-cycle-1')).toBeVisible({ timeout: 30_000 });
  findings.push(...(await scanEveryStepAndTool(page, 'filled')));

  // The app follows the system's dark setting; dark gets the same scan.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('[data-appearance="dark"]')).toBeVisible();
  findings.push(...(await scanEveryStepAndTool(page, 'filled, dark')));
  expect(findings).toEqual([]);
});

test('error states have no serious or critical findings: a refused Base URL and key', async ({
  assistant,
}) => {
  const page = assistant.page;
  const wizard = new WizardPage(page);
  await wizard.open('connection');
  await wizard.fillConnection('http://acme.jostle.us/scim2', 'short');
  await expect(page.getByText('The Base URL must start with https://.')).toBeVisible();
  expect(await seriousViolations(page, 'connection (refused input)')).toEqual([]);
});

test('keyboard: a skip link reaches the content, and choosing a step moves focus to its heading', async ({
  assistant,
}) => {
  const page = assistant.page;
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the step' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#step-title')).toBeFocused();

  await page.getByTestId('step-scope').click();
  await expect(page.getByTestId('panel-scope')).toBeVisible();
  await expect(page.locator('#step-title')).toBeFocused();
  await expect(page.locator('#step-title')).toHaveText('Scope');
  await expect(page.getByTestId('step-announcement')).toContainText('Scope');
});

test('states added by the walkthrough fixes have no serious or critical findings: confirmations, drafts, history', async ({
  assistant,
}) => {
  test.setTimeout(120_000);
  const page = assistant.page;
  const findings: string[] = [];
  const wizard = new WizardPage(page);
  await callApi(page, 'generateSyntheticUsers', { count: 12, seed: 4 });

  // Scope: unsaved changes over the preview, and a brand-new clause.
  await wizard.open('scope');
  await page.getByTestId('scope-choice').getByLabel('Sync all users and groups').check();
  await page.getByTestId('add-filter').click();
  await expect(page.getByTestId('preview-unsaved')).toBeVisible();
  findings.push(...(await seriousViolations(page, 'scope (unsaved)')));
  // A confirmation: a made-up tenant over an import.
  await page.getByTestId('try-synthetic').click();
  await expect(page.getByTestId('try-synthetic-confirm-text')).toBeVisible();
  findings.push(...(await seriousViolations(page, 'scope (confirm made-up tenant)')));
  await page.getByTestId('try-synthetic-cancel').click();
  await callApi(page, 'saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });

  // Mappings: a broken expression kept as a draft.
  await wizard.open('mappings');
  await page.getByTestId('mapping-row-name.givenName-edit').click();
  await page.getByTestId('mapping-type').selectOption('Expression');
  await page.getByTestId('mapping-expression').fill('Join(" ", [givenName]');
  await expect(page.getByTestId('mapping-draft-note')).toBeVisible();
  findings.push(...(await seriousViolations(page, 'mappings (draft dialog)')));
  await page.getByTestId('mapping-apply-edit').click();
  await expect(page.getByTestId('mapping-dialog')).toHaveCount(0);
  // Fluent lifts the modal's aria-hidden from the page once the closing animation ends.
  await expect(page.locator('#root')).not.toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByTestId('mapping-row-name.givenName-invalid')).toBeVisible();
  findings.push(...(await seriousViolations(page, 'mappings (not valid row)')));
  await page.getByTestId('reset-mapping').click();
  await expect(page.getByTestId('reset-mapping-confirm-text')).toBeVisible();
  findings.push(...(await seriousViolations(page, 'mappings (confirm reset)')));
  await page.getByTestId('reset-mapping-confirm').click();

  // Dry run: a failed cycle, then a clean one, so the earlier errors are history; Start over's question.
  const tools = new ToolsPage(page);
  await tools.openMock();
  await page.getByTestId('mock-start').click();
  await tools.setFault('unauthorized', true);
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-quarantine')).toBeVisible({ timeout: 30_000 });
  await tools.openMock();
  await tools.setFault('unauthorized', false);
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-next').click();
  await expect(page.getByTestId('dry-run-earlier-errors')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('dry-run-earlier-errors').locator('summary').click();
  findings.push(...(await seriousViolations(page, 'dry-run (history)')));
  await page.getByTestId('dry-run-restart').click();
  await expect(page.getByTestId('dry-run-restart-confirm-text')).toBeVisible();
  findings.push(...(await seriousViolations(page, 'dry-run (confirm start over)')));
  await page.emulateMedia({ colorScheme: 'dark' });
  findings.push(...(await seriousViolations(page, 'dry-run (confirm start over, dark)')));
  await page.getByTestId('dry-run-restart-cancel').click();
  expect(findings).toEqual([]);
});

test('error states of every step and tool have no serious or critical findings, light and dark', async ({
  assistant,
}) => {
  test.setTimeout(150_000);
  const page = assistant.page;
  const findings: string[] = [];
  const wizard = new WizardPage(page);
  const tools = new ToolsPage(page);
  /** The page as it is now, in the light theme and then the dark one (the state stays on screen). */
  const scanBoth = async (where: string) => {
    findings.push(...(await seriousViolations(page, where)));
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('[data-appearance="dark"]')).toBeVisible();
    findings.push(...(await seriousViolations(page, `${where}, dark`)));
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('[data-appearance="dark"]')).toHaveCount(0);
  };

  // A key Jostle refuses: Test connection, Diagnostics and the dry run all fail (every user gets a 401).
  const mock = await tools.startMock();
  await callApi(page, 'generateSyntheticUsers', { count: 12, seed: 6 });
  await callApi(page, 'saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });

  await wizard.open('connection');
  await wizard.fillConnection(mock.baseUrl, 'refused-key-0123456789abcdef');
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('connection-test-remedy')).toBeVisible({ timeout: 30_000 });
  await scanBoth('connection (failed Test connection)');

  await wizard.open('scope');
  await page.getByTestId('users-file-input').setInputFiles({
    name: 'users.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('displayName,mail\n"Ada,ada@contoso.com\n'),
  });
  await expect(page.getByTestId('import-error')).toBeVisible();
  await scanBoth('scope (broken CSV)');

  await wizard.open('mappings');
  await page.getByTestId('mapping-row-name.givenName-edit').click();
  await page.getByTestId('mapping-type').selectOption('Expression');
  await page.getByTestId('mapping-expression').fill('Join(" ", [givenName]');
  await expect(page.getByTestId('mapping-draft-note')).toBeVisible();
  await scanBoth('mappings (invalid expression)');
  await page.getByTestId('mapping-apply-edit').click();
  await expect(page.locator('#root')).not.toHaveAttribute('aria-hidden', 'true');
  await page.getByTestId('save-mapping').click();
  await expect(page.getByTestId('mapping-save-result')).toContainText('Saved, with 1 error');
  await scanBoth('mappings (saved, not valid)');

  // The dry run refuses while a mapping is not valid; once reset, it runs and every user fails.
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-error')).toContainText('Fix the attribute mappings first');
  await scanBoth('dry-run (refused: mapping not valid)');
  await callApi(page, 'resetMapping', {});
  // The dry run sends the mock's own token, so the mock's 401 switch makes every user fail.
  await tools.openMock();
  await tools.setFault('unauthorized', true);
  await scanBoth('Mock Jostle (fault on)');
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-quarantine')).toBeVisible({ timeout: 30_000 });
  await scanBoth('dry-run (failed cycle)');

  await wizard.open('monitor');
  await page
    .getByTestId('log-file-input')
    .setInputFiles('test/fixtures/provisioning-logs/broken-unclosed-quote.csv');
  await expect(page.getByTestId('log-import-error')).toBeVisible();
  await scanBoth('monitor (broken log)');

  for (const step of ['configure-entra', 'export'] as const) {
    await wizard.open(step);
    await scanBoth(`${step} (after failures)`);
  }

  await tools.runDiagnostics();
  await expect(page.getByTestId('probe-report')).toContainText(/fail/i);
  await scanBoth('Diagnostics (failing probes)');
  expect(findings).toEqual([]);
});
