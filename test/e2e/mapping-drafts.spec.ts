import { expect, test } from './fixtures';
import { callApi } from './pages/api';
import { MappingsPage, ScopePage } from './pages/scope-mappings-page';
import { WizardPage } from './pages/wizard-page';

test('a broken expression is kept only as a marked draft, the dry run links back to it, and resets and replacements ask first', async ({
  assistant,
}) => {
  const page = assistant.page;
  const wizard = new WizardPage(page);
  await wizard.open('scope');
  const scope = new ScopePage(page);
  await scope.importUsers('entra-download-users.csv');
  await expect(page.getByTestId('import-users-status')).toContainText('7 users');

  // A made-up tenant over a real import asks first and names what would be replaced; Cancel keeps it.
  await page.getByTestId('try-synthetic').click();
  await expect(page.getByTestId('try-synthetic-confirm-text')).toContainText(
    '200 made-up users replace 7 users from entra-download-users.csv',
  );
  await page.getByTestId('try-synthetic-cancel').click();
  await expect(page.getByTestId('import-users-status')).toContainText(
    '7 users from entra-download-users.csv',
  );
  await callApi(page, 'saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });

  await wizard.open('mappings');
  const mappings = new MappingsPage(page);
  // Row buttons say what they act on.
  await expect(page.getByRole('button', { name: 'Edit userName' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete userName' })).toBeVisible();

  // A broken expression: the dialog offers it only as a draft, and the row stays marked.
  const dialog = await mappings.edit('name.givenName');
  await mappings.setExpression('Join(" ", [givenName], [surname]');
  await expect(dialog.getByTestId('mapping-apply-edit')).toHaveText('Keep as draft (not valid)');
  await expect(dialog.getByTestId('mapping-draft-note')).toContainText('the dry run will not run');
  await mappings.applyEdit();
  await expect(page.getByTestId('mapping-row-name.givenName-invalid')).toHaveText('Not valid');
  await expect(await mappings.save()).toContainText('Saved, with 1 error');
  await expect(page.getByTestId('mapping-row-name.givenName-invalid')).toBeVisible();

  // The dry run refuses, and links back to the row.
  await wizard.open('dry-run');
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-error')).toContainText('Fix the attribute mappings first');
  await page.getByTestId('dry-run-fix-mapping').click();
  await expect(page.getByTestId('mapping-row-name.givenName-edit')).toBeFocused();

  // Reset asks first and names what would be lost; confirming restores the default.
  await page.getByTestId('reset-mapping').click();
  await expect(page.getByTestId('reset-mapping-confirm-text')).toContainText(
    'Lost: your mapping for name.givenName',
  );
  await page.getByTestId('reset-mapping-confirm').click();
  await expect(mappings.source('name.givenName')).toHaveText('givenName');
  await expect(page.getByTestId('mapping-row-name.givenName-invalid')).toHaveCount(0);
  await wizard.expectStatus('mappings', 'done');
  // Resetting what already is the default asks nothing, says Saved, and the step stays done.
  await page.getByTestId('reset-mapping').click();
  await expect(page.getByTestId('reset-mapping-confirm-text')).toHaveCount(0);
  await expect(page.getByTestId('mapping-save-result')).toContainText('Saved. No errors.');
  await wizard.expectStatus('mappings', 'done');
});
