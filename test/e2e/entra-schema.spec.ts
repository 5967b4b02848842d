import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { callApi } from './pages/api';
import { MappingsPage } from './pages/scope-mappings-page';
import { ToolsPage, WizardPage } from './pages/wizard-page';
import { keepScreenshot } from './screenshots';

// Written from Graph's documented synchronizationSchema shapes; see test/fixtures/entra-schema/README.md.
const FIXTURES = 'test/fixtures/entra-schema';
const PERSONAL = 'emails[type eq "personal"].value';

test('Entra schema: import it, see the diff, dry-run it, and find scope and filters in Configure and the export', async ({
  assistant,
}, testInfo) => {
  const page = assistant.page;
  const wizard = new WizardPage(page);
  const mappings = new MappingsPage(page);
  await callApi(page, 'generateSyntheticUsers', { count: 40, seed: 12 });
  await callApi(page, 'saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });

  // Before an import, the unconfirmed gallery defaults say they are assumed.
  await wizard.open('mappings');
  await expect(page.getByTestId(`mapping-row-${PERSONAL}-assumed`)).toHaveText('Assumed default');

  // A foreign schema is refused with its reason, and nothing changes.
  await page
    .getByTestId('entra-schema-paste')
    .fill(readFileSync(join(FIXTURES, 'workday-inbound.json'), 'utf8'));
  await page.getByTestId('entra-schema-import').click();
  await expect(page.getByTestId('entra-schema-error')).toContainText('from Workday to Active Directory');
  await expect(mappings.row('title')).toHaveCount(0);

  await page
    .getByTestId('entra-schema-file-input')
    .setInputFiles(join(FIXTURES, 'jostle-gallery-custom.json'));
  const summary = page.getByTestId('entra-schema-summary');
  await expect(summary).toContainText('12 attribute mappings and 3 scoping filters');
  await expect(mappings.source('title')).toHaveText('jobTitle');
  // Compared with the imported schema now: the gallery's assumed row is gone, nothing differs.
  await expect(page.getByTestId(`mapping-row-${PERSONAL}-assumed`)).toHaveCount(0);
  await expect(page.getByTestId('mapping-row-title-difference')).toHaveCount(0);

  // Change one mapping: it differs from what Entra has, and says what Entra has.
  await mappings.edit('title');
  await mappings.setExpression('ToUpper([jobTitle], )');
  await mappings.applyEdit();
  await expect(await mappings.save()).toContainText('Saved');
  await expect(page.getByTestId('mapping-row-title-difference')).toHaveText('Differs');
  await expect(page.getByTestId('mapping-row-title-entra')).toContainText('Direct: jobTitle');
  await page.getByTestId('mapping-row-title').scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'entra-schema-mappings');

  // Scope: the imported filters are the saved ones, clause by clause the same as Entra's.
  await wizard.open('scope');
  await expect(page.getByTestId('entra-scope-comparison')).toContainText('every clause is the same');
  await expect(page.getByTestId('entra-clause-same')).toHaveCount(7);
  await page.getByTestId('entra-scope-comparison').scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'entra-schema-scope');

  await wizard.open('dry-run');
  // The job settings start from the schema's Target Object Actions, and say so.
  await expect(page.getByTestId('dry-run-actions-from')).toHaveText(
    'From your imported Entra schema (jostle-gallery-custom.json).',
  );
  await expect(page.getByTestId('dry-run-action-delete')).toBeChecked();
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-cycle-1')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('cycle-1-failed')).toHaveText('0');

  await wizard.open('configure-entra');
  await expect(page.getByTestId('configure-scope-mode')).toContainText('Sync all users and groups');
  await expect(page.getByTestId('configure-scope-all-warning')).toBeVisible();
  await expect(page.getByTestId('configure-filter-1')).toContainText('Sales');
  const second = page.getByTestId('configure-filter-2');
  await expect(second).toContainText('Engineers in Ireland');
  await expect(second.getByTestId('configure-clause')).toHaveCount(2);
  await expect(second.getByTestId('configure-clause').nth(1)).toContainText('countryEQUALSIE');
  await expect(page.getByTestId('configure-clause')).toHaveCount(7);
  await expect(page.getByTestId('mapping-row-changed')).toHaveCount(1);
  await expect(page.getByTestId('schema-paste')).toHaveAttribute('data-kind', 'merged');
  await expect(page.getByTestId('schema-json')).toContainText('"ToUpper([jobTitle], )"');
  await page.getByTestId('configure-scoping-filters').scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'entra-schema-configure');

  const exported = await callApi<{ content: string }>(page, 'exportSummary', {
    format: 'markdown',
    includeUserData: false,
  });
  expect(exported.content).toContain('Sync all users and groups');
  expect(exported.content).toContain('Scoping filters: tested here vs Entra');
  expect(exported.content).toContain('Engineers in Ireland');
  expect(exported.content).toMatch(/country EQUALS "IE"/);

  // The mock's loopback address is never offered as the Tenant URL.
  // The dry run left the embedded mock running; otherwise start it.
  let mock = await callApi<{ running: boolean; baseUrl: string; token: string }>(page, 'getMockStatus', {});
  if (!mock.running) mock = { ...mock, ...(await new ToolsPage(page).startMock()) };
  await wizard.open('connection');
  await wizard.fillConnection(mock.baseUrl, mock.token);
  await expect(page.getByTestId('saved-message')).toBeVisible();
  await wizard.open('configure-entra');
  await expect(page.getByTestId('tenant-url-mock')).toContainText('is Mock Jostle');
  await expect(page.getByTestId('tenant-url')).toHaveCount(0);
});
