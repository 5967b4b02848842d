import { expect, test } from './fixtures';
import { ScopePage } from './pages/scope-mappings-page';
import { WizardPage } from './pages/wizard-page';

const HEADER = 'userPrincipalName,objectId,displayName,givenName,surname,department,country,accountEnabled';
const USERS = [
  HEADER,
  'ada@contoso.example,a1,Ada Lovelace,Ada,Lovelace,Sales,IE,True',
  'reception@contoso.example,r1,Reception Desk,Reception,,Facilities,IE,True',
  'bob@contoso.example,b1,Bob Byte,Bob,Byte,Sales,FR,True',
  'old@contoso.example,o1,Old Account,Old,Gone,Sales,IE,False',
].join('\n');

const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('the Scope preview counts what Jostle would refuse, agrees with its rows, and works from the keyboard', async ({
  assistant,
}) => {
  const page = assistant.page;
  const wizard = new WizardPage(page);
  const scope = new ScopePage(page);
  await wizard.open('scope');
  const input = page.getByTestId('users-file-input');

  // CSV errors name the actual problem, and change nothing.
  await input.setInputFiles(file('no-upn.csv', 'objectId,displayName,surname\n1,Ada,Lovelace\n'));
  await expect(page.getByTestId('import-error')).toContainText(
    'no-upn.csv, line 1: The column userPrincipalName is missing',
  );
  await input.setInputFiles(file('empty.csv', ''));
  await expect(page.getByTestId('import-error')).toContainText(
    'empty.csv: The file is empty. Nothing was changed.',
  );
  await input.setInputFiles({
    name: 'book.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
  });
  await expect(page.getByTestId('import-error')).toContainText('not a CSV file');

  // Sync all, so everyone is in scope: the room without a surname is a mapping failure before any dry run.
  await input.setInputFiles(file('small.csv', USERS));
  await expect(page.getByTestId('import-users-status')).toContainText('4 users');
  await page.getByTestId('scope-choice').getByLabel('Sync all users and groups').check();
  await expect(page.getByTestId('preview-unsaved')).toContainText('the preview shows the saved scope');
  await scope.saveScope();
  await expect(page.getByTestId('preview-unsaved')).toHaveCount(0);
  await expect(scope.count('in-scope')).toHaveText('4');
  await expect(scope.count('disabled')).toHaveText('1');
  await expect(scope.count('failures')).toHaveText('1');
  // The reason is on the row, readable without hovering.
  await expect(scope.row('reception@contoso.example').getByTestId('preview-failure')).toContainText(
    'Mapping fails: name.familyName',
  );
  await expect(page.getByTestId('would-create')).toContainText(
    '2 users would get a Jostle account; 1 is disabled and would be skipped; 1 would fail',
  );
  // Under Sync all, assignments decide nothing: no "assign these two first".
  await expect(page.getByTestId('start-small')).toHaveCount(0);

  // Keyboard: Enter opens a row, Escape returns focus to it; Space opens one too.
  await scope.row('reception@contoso.example').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('user-preview');
  await expect(panel).toContainText('name.familyName: comes out empty ([surname] is empty)');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(scope.row('reception@contoso.example')).toBeFocused();

  // A disabled user is skipped, so the drawer does not show a POST.
  await scope.row('old@contoso.example').focus();
  await page.keyboard.press(' ');
  await expect(panel.getByTestId('user-preview-disabled')).toContainText('Not created: disabled in Entra');
  await expect(panel).not.toContainText('POST /Users');
  await scope.closeUser();

  // A brand-new clause is not an error yet; a failed clause shows the user's value.
  await page.getByTestId('add-filter').click();
  await expect(scope.clause(0, 0).problems).toHaveCount(0);
  await scope.clause(0, 0).attribute.fill('country');
  await scope.clause(0, 0).value.fill('IE');
  await scope.saveScope();
  await expect(scope.count('in-scope')).toHaveText('3');
  await scope.openUser('bob@contoso.example');
  await expect(panel.getByTestId('user-preview-clause-value')).toHaveText('(country is "FR")');
  await scope.closeUser();
});
