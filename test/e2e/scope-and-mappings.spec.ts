import { expect, test } from './fixtures';
import { MappingsPage, ScopePage } from './pages/scope-mappings-page';
import { WizardPage } from './pages/wizard-page';
import { keepScreenshot } from './screenshots';

test('imports users and assignments, previews scope and SCIM bodies, edits filters and mappings; both survive a restart', async ({
  assistant,
}, testInfo) => {
  let wizard = new WizardPage(assistant.page);
  let scope = new ScopePage(assistant.page);
  await wizard.open('scope');

  // The realistic Download users CSV: 7 users; nobody is assigned yet, so nobody is in scope.
  await scope.importUsers('entra-download-users.csv');
  await expect(assistant.page.getByTestId('import-users-status')).toContainText('7 users');
  await expect(scope.count('total')).toHaveText('7');
  await expect(scope.count('in-scope')).toHaveText('0');

  await scope.importAssignments('assignments.csv');
  await expect(assistant.page.getByTestId('import-assignments-status')).toContainText('assigned');
  await expect(scope.count('in-scope')).toHaveText('5');
  await expect(scope.count('out-of-scope')).toHaveText('2');
  await expect(scope.count('disabled')).toHaveText('1');
  await expect(assistant.page.getByTestId('unresolved-assignments')).toContainText(
    'someone.who.left@contoso.example',
  );
  await expect(assistant.page.getByTestId('start-small')).toContainText('ada.lovelace@contoso.example');
  await expect(assistant.page.getByTestId('start-small')).toContainText('zoe.muller@contoso.example');

  await keepScreenshot(assistant.page, testInfo, 'scope-import');

  // Filter and search the preview.
  await scope.show('out-of-scope');
  await expect(scope.rows()).toHaveCount(2);
  await expect(scope.row('yamada.ken@contoso.example')).toBeVisible();
  await scope.show('all');
  await expect(scope.rows()).toHaveCount(7);
  await scope.search('müller');
  await expect(scope.rows()).toHaveCount(1);
  await expect(scope.row('zoe.muller@contoso.example')).toContainText('assigned via Sales');

  // One user: the decision and the exact body Entra would POST.
  let panel = await scope.openUser('zoe.muller@contoso.example');
  await expect(panel.getByTestId('user-preview-scope')).toHaveText('In scope');
  await expect(panel.getByTestId('user-preview-decided')).toContainText('assigned via Sales');
  const body = JSON.parse((await panel.getByTestId('user-preview-payload').textContent())!) as Record<
    string,
    unknown
  >;
  expect(body).toMatchObject({
    userName: 'zoe.muller@contoso.example',
    active: true,
    name: { givenName: 'Zoë', familyName: 'Müller' },
    emails: [
      { type: 'work', value: 'zoe.muller@contoso.example', primary: true },
      { type: 'personal', value: 'zoe@home.example' },
    ],
  });
  await keepScreenshot(assistant.page, testInfo, 'scope-user');
  await scope.closeUser();
  await scope.search('');

  // A broken file names its line and changes nothing.
  await scope.importUsers('entra-download-users-bad-boolean.csv');
  await expect(assistant.page.getByTestId('import-error')).toContainText(
    'entra-download-users-bad-boolean.csv, line 3: accountEnabled is "Maybe"',
  );
  await expect(assistant.page.getByTestId('import-users-status')).toContainText(
    '7 users from entra-download-users.csv',
  );
  await expect(scope.count('total')).toHaveText('7');
  await expect(scope.count('in-scope')).toHaveText('5');

  // A scoping filter: an attribute Entra refuses says why; department EQUALS "Sales" narrows the scope.
  await assistant.page.getByTestId('add-filter').click();
  const clause = scope.clause(0, 0);
  await clause.attribute.fill('manager');
  await expect(clause.problems).toContainText('Entra does not support scoping filters on this attribute');
  await clause.attribute.fill('department');
  await clause.operator.selectOption('IS NULL');
  await expect(clause.value).toHaveCount(0);
  await clause.operator.selectOption('EQUALS');
  await clause.value.fill('Sales');
  await expect(clause.problems).toHaveCount(0);
  await scope.saveScope();
  await expect(assistant.page.getByTestId('scope-save-result')).toContainText('Saved');
  await expect(scope.count('in-scope')).toHaveText('1');
  panel = await scope.openUser('jose.nunez@contoso.example');
  await expect(panel.getByTestId('user-preview-scope')).toHaveText('Out of scope');
  await expect(panel.getByTestId('user-preview-clauses')).toContainText('department EQUALS "Sales"');
  await scope.closeUser();
  await assistant.page.getByTestId('scope-heading').evaluate((heading) => heading.scrollIntoView());
  await keepScreenshot(assistant.page, testInfo, 'scope');

  // Mappings: a broken expression shows where it breaks, saving reports the error, fixing it saves clean.
  await wizard.open('mappings');
  const mappings = new MappingsPage(assistant.page);
  await expect(mappings.source('name.givenName')).toHaveText('givenName');
  const dialog = await mappings.edit('name.givenName');
  await mappings.setExpression('ToUpper([givenName]');
  await expect(dialog.getByTestId('expression-problem')).toContainText('column 20');
  await expect(dialog.getByTestId('expression-marked')).toBeVisible();
  await keepScreenshot(assistant.page, testInfo, 'mappings-edit');
  await mappings.applyEdit();
  await expect(mappings.problems('name.givenName')).toContainText('column 20');
  await expect(await mappings.save()).toContainText('Saved, with 1 error');
  await keepScreenshot(assistant.page, testInfo, 'mappings-error');

  await mappings.edit('name.givenName');
  await mappings.setExpression('ToUpper([givenName])');
  await expect(assistant.page.getByTestId('expression-check')).toContainText('reads correctly');
  await mappings.applyEdit();
  await expect(mappings.problems('name.givenName')).toHaveCount(0);
  await expect(assistant.page.getByTestId('mapping-row-name.givenName-difference')).toHaveText('Changed');
  // A newer Jostle attribute, with its suggested source.
  await assistant.page.getByTestId('add-mapping').click();
  await assistant.page.getByTestId('mapping-target').selectOption('title');
  await expect(assistant.page.getByTestId('mapping-source')).toHaveValue('jobTitle');
  await mappings.applyEdit();
  await expect(assistant.page.getByTestId('mapping-row-title-difference')).toHaveText('Added');
  await expect(await mappings.save()).toContainText('Saved. No errors.');

  panel = await mappings.previewUser('zoe', /zoe\.muller@contoso\.example/);
  await expect(panel.getByTestId('user-preview-payload')).toContainText('"givenName": "ZOË"');
  await expect(panel.getByTestId('user-preview-payload')).toContainText('"title": "Sales Manager"');
  await scope.closeUser();
  await assistant.page.getByTestId('panel-mappings').evaluate((panel) => panel.scrollIntoView());
  await keepScreenshot(assistant.page, testInfo, 'mappings');

  // Both survive a restart.
  await assistant.restart();
  wizard = new WizardPage(assistant.page);
  scope = new ScopePage(assistant.page);
  await wizard.open('mappings');
  await expect(new MappingsPage(assistant.page).source('name.givenName')).toHaveText('ToUpper([givenName])');
  await wizard.open('scope');
  await expect(scope.clause(0, 0).attribute).toHaveValue('department');
  await expect(scope.clause(0, 0).value).toHaveValue('Sales');
  await expect(scope.count('in-scope')).toHaveText('1');
});
