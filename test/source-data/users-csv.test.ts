import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDownloadUsersCsv, toDownloadUsersCsv } from '../../shared/source-data';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/source-data', name), 'utf8');

describe('Entra "Download users" CSV', () => {
  const result = parseDownloadUsersCsv(fixture('entra-download-users.csv'), 'users.csv');
  if (!result.ok) throw new Error(result.error.message);
  const users = result.value;
  const byUpn = (upn: string) => users.find((user) => user.userPrincipalName === upn)!;

  it('reads every user of a realistic export (BOM, CRLF, quoted cells, multi-line address)', () => {
    expect(users).toHaveLength(7);
    expect(result.warnings).toEqual([]);
    expect(byUpn('zoe.muller@contoso.example').attributes).toMatchObject({
      displayName: 'Zoë Müller',
      streetAddress: 'Leopoldstraße 1\r\nHinterhaus',
      alternateEmailAddress: 'zoe@home.example',
      otherMails: ['zoe@home.example'],
    });
    expect(byUpn('ada.lovelace@contoso.example').attributes.otherMails).toBeNull();
    expect(byUpn('jose.nunez@contoso.example').attributes).toMatchObject({
      displayName: 'Núñez, José',
      jobTitle: 'Analyst, "Senior"',
      mail: null,
    });
    expect(byUpn('yamada.ken@contoso.example').attributes.givenName).toBe('健');
  });

  it('reads accountEnabled as a Boolean whatever its case', () => {
    expect(byUpn('lukasz.kowalski@contoso.example').attributes.accountEnabled).toBe(false);
    expect(byUpn('soren.odegaard@contoso.example').attributes.accountEnabled).toBe(true);
  });

  it('keeps the guest UPN form', () => {
    expect(byUpn('partner_fabrikam.example#EXT#@contoso.example').attributes.userType).toBe('Guest');
  });

  it('round-trips through the writer', () => {
    const again = parseDownloadUsersCsv(toDownloadUsersCsv(users));
    expect(again.ok && again.value).toEqual(users);
  });

  it('accepts display labels, the newer "id" column, semicolons and a leading version line', () => {
    const text =
      'version:v1.0\nUser principal name;Id;First name;Last name;Account enabled;Favourite colour\nann@x.example;a1;Ann;Lee;No;blue\n';
    const parsed = parseDownloadUsersCsv(text);
    expect(parsed.ok && parsed.value[0]).toEqual({
      objectId: 'a1',
      userPrincipalName: 'ann@x.example',
      attributes: {
        userPrincipalName: 'ann@x.example',
        objectId: 'a1',
        givenName: 'Ann',
        surname: 'Lee',
        accountEnabled: false,
        'Favourite colour': 'blue',
      },
    });
    expect(parsed.ok && parsed.warnings[0]).toContain('Favourite colour');
  });
});

describe('broken exports fail whole, with the line', () => {
  it.each([
    ['entra-download-users-unclosed-quote.csv', 4, 'quoted cell is never closed'],
    ['entra-download-users-bad-boolean.csv', 3, 'accountEnabled is "Maybe"'],
    ['entra-download-users-duplicate.csv', 4, 'ada.lovelace@contoso.example already appears on line 2'],
    ['entra-download-users-short-row.csv', 3, 'Expected 25 cells like the header but found 3'],
  ])('%s → line %i', (file, line, message) => {
    const result = parseDownloadUsersCsv(fixture(file), file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ line, file });
    expect(result.error.message).toContain(message);
    expect(result.error.message).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}, line ${line}: `));
    expect('value' in result).toBe(false);
  });

  it('reports malformed quoting with its line and column, after a quoted line break', () => {
    const text =
      'userPrincipalName,objectId,streetAddress\r\n' +
      'ada@x.example,1,"Main St 1\r\nBack house"\r\n' +
      'bob@x.example,2,5 "B" Road\r\n';
    const result = parseDownloadUsersCsv(text, 'users.csv');
    expect(!result.ok && result.error).toMatchObject({
      file: 'users.csv',
      line: 4,
      column: 19,
      message: expect.stringMatching(/^users\.csv, line 4: A " inside an unquoted cell/),
    });
  });

  it('refuses a file that is not a users export', () => {
    const result = parseDownloadUsersCsv('name,colour\nada,blue\n');
    expect(!result.ok && result.error.message).toContain('No header row');
  });

  it('names a missing userPrincipalName column instead of "no header row"', () => {
    const result = parseDownloadUsersCsv('objectId,displayName,surname\n1,Ada,Lovelace\n', 'users.csv');
    expect(!result.ok && result.error.message).toBe(
      'users.csv, line 1: The column userPrincipalName is missing (the header has objectId, displayName, surname)',
    );
  });

  it('names an empty file, a zip or workbook, and binary data', () => {
    const empty = parseDownloadUsersCsv('', 'users.csv');
    expect(!empty.ok && empty.error.message).toBe('users.csv: The file is empty');
    const bomOnly = parseDownloadUsersCsv('\uFEFF\r\n');
    expect(!bomOnly.ok && bomOnly.error.message).toBe('The file is empty');
    const xlsx = parseDownloadUsersCsv('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml');
    expect(!xlsx.ok && xlsx.error.message).toMatch(
      /^This is a zip or Excel workbook \(\.xlsx\), not a CSV file/,
    );
    const binary = parseDownloadUsersCsv('\u0089PNG\r\n\u001a\n\u0000\u0000');
    expect(!binary.ok && binary.error.message).toMatch(/^This is not a text file/);
  });

  it('reports an unclosed quote at the line where it opened', () => {
    const text =
      'userPrincipalName,objectId,displayName\n' +
      'a@x.example,1,Ada\n' +
      'b@x.example,2,"Bob\n' +
      'c@x.example,3,Cy\n' +
      'd@x.example,4,"Dee"\n';
    const result = parseDownloadUsersCsv(text);
    expect(!result.ok && result.error).toMatchObject({ line: 3, column: 15 });
    expect(!result.ok && result.error.message).toMatch(/not closed on its line/);
  });

  it('warns at import when the surname or givenName column is missing', () => {
    const result = parseDownloadUsersCsv('userPrincipalName,objectId,givenName\nada@x.example,1,Ada\n');
    expect(result.ok && result.warnings).toContainEqual(
      expect.stringMatching(/^The file has no surname column, so that value is empty for every user/),
    );
    const both = parseDownloadUsersCsv(
      'userPrincipalName,objectId,givenName,surname\nada@x.example,1,Ada,L\n',
    );
    expect(both.ok && both.warnings.some((warning) => warning.includes('no surname'))).toBe(false);
  });

  it('refuses a UPN without a domain and an empty objectId', () => {
    const noAt = parseDownloadUsersCsv('userPrincipalName,objectId\nada,1\n');
    expect(!noAt.ok && noAt.error).toMatchObject({ line: 2 });
    const noId = parseDownloadUsersCsv('userPrincipalName,objectId\nada@x.example,\n');
    expect(!noId.ok && noId.error.message).toContain('objectId is empty');
  });
});
