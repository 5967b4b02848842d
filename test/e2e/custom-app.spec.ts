import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi } from './pages/api';
import { ScopePage } from './pages/scope-mappings-page';
import { WizardPage } from './pages/wizard-page';
import { keepScreenshot } from './screenshots';

/** No axe violations inside the parts this feature adds. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test('custom non-gallery app: chosen in Plan, flagged defaults fixed in Mappings, clean dry run, path named in Configure and the export', async ({
  assistant,
}, testInfo) => {
  const page = assistant.page;
  const wizard = new WizardPage(page);

  // Plan: the choice is a saved setting.
  await wizard.open('plan');
  await page.getByTestId('app-path-custom').click();
  await expect.poll(() => callApi(page, 'getAppPath', {})).toEqual({ appPath: 'custom' });
  await keepScreenshot(page, testInfo, 'plan-app-path');
  await expectAccessible(page, 'section[aria-labelledby="setup-path-heading"]');

  // The app step shows the non-gallery portal steps.
  await wizard.open('gallery');
  await expect(page.getByTestId('custom-app-intro')).toContainText('custom non-gallery app');
  await expect(page.getByTestId('panel-gallery')).toContainText('Create your own application');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create a custom app in Entra');

  // Real users with phones, offices and departments; everyone in scope.
  await wizard.open('scope');
  await new ScopePage(page).importUsers('entra-download-users.csv');
  await expect(page.getByTestId('import-users-status')).toContainText('7 users');
  await callApi(page, 'saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });

  // Mappings: Entra's generic defaults, with the rows Jostle cannot take flagged before any request.
  await wizard.open('mappings');
  await expect(page.getByTestId('jostle-verdicts')).toBeVisible();
  await expect(page.getByTestId('jostle-verdict')).toHaveCount(14);
  await expect(page.getByTestId('jostle-verdicts')).toContainText('phoneNumbers[type eq "mobile"].value');
  await keepScreenshot(page, testInfo, 'mappings-custom-flags');
  await expectAccessible(page, '[data-testid="jostle-verdicts"]');
  const flagged = (await callApi(page, 'getPreview', { show: 'failures', offset: 0, limit: 1 })) as {
    summary: { withMappingFailures: number };
  };
  expect(flagged.summary.withMappingFailures).toBeGreaterThan(0);

  await page.getByTestId('fix-all-mappings').click();
  await expect(page.getByTestId('jostle-verdicts-clean')).toBeVisible();
  await page.getByTestId('save-mapping').click();
  await expect(page.getByTestId('mapping-save-result')).toContainText('No errors');

  // Dry run against Mock Jostle: nobody fails after the fixes.
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-cycle-1')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('cycle-1-failed')).toHaveText('0');
  await expect(page.getByTestId('cycle-1-Create')).not.toHaveText('0');

  // Configure in Entra names the path and lists exactly the portal changes.
  await wizard.open('configure-entra');
  const instructions = page.getByTestId('path-instructions');
  await expect(instructions).toContainText('Custom non-gallery app');
  await expect(page.getByTestId('path-changes')).toContainText(
    'phoneNumbers[type eq "workmobilephone"].value',
  );
  await expect(page.getByTestId('path-changes')).toContainText('Delete preferredLanguage');
  await keepScreenshot(page, testInfo, 'configure-custom-path');
  await expectAccessible(page, '[data-testid="path-instructions"]');

  // The export says the same.
  await wizard.open('export');
  await page.getByTestId('export-preview').click();
  await expect(page.getByTestId('export-preview-text')).toContainText('Setup path');
  await expect(page.getByTestId('export-preview-text')).toContainText('Custom non-gallery app');
  await expect(page.getByTestId('export-preview-text')).toContainText('Delete preferredLanguage');
});
