import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { steps } from '../../shared/wizard/steps';
import { expect, test } from './fixtures';
import { callApi } from './pages/api';
import { ToolsPage, WizardPage } from './pages/wizard-page';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the rules the issue holds the assistant to. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Serious and critical findings on the page as it is now, each with the elements it was found on. */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  // Fluent UI's focus manager (tabster) puts aria-hidden, focusable <i data-tabster-dummy> guards around
  // drawers and dialogs: they pass focus on at once and are never announced, so axe's aria-hidden-focus
  // rule does not apply to them. Everything else on the page is scanned.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .exclude('[data-tabster-dummy]')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(', ')}`,
    );
}

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
