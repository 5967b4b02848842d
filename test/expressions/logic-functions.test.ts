import { describe, expect, it } from 'vitest';
import { evaluateText } from '../../shared/expressions';
import { failure, run, type Attributes } from './evaluate-helpers';

describe('CBool', () => {
  it.each([
    ['CBool("True")', true],
    ['CBool("false")', false],
    ['CBool(1)', true],
    ['CBool(0)', false],
    ['CBool("-3")', true],
    ['CBool([a] = [b])', true],
    ['CBool([missing])', false],
  ])('%s → %s', (source, expected) => {
    expect(run(source, { a: 'x', b: 'x' })).toBe(expected);
  });
  it('fails on text that is not a Boolean', () => {
    expect(failure('CBool("yes")').message).toContain('cannot read "yes" as a Boolean');
  });
});

describe('Coalesce', () => {
  it('returns the first value that is not null (Microsoft’s example)', () => {
    expect(
      run('Coalesce([mail],[userPrincipalName])', { mail: null, userPrincipalName: 'John.Doe@contoso.com' }),
    ).toBe('John.Doe@contoso.com');
  });
  it('uses the trailing default, and returns null when everything is null', () => {
    expect(run('Coalesce([a], [b], "fallback")')).toBe('fallback');
    expect(run('Coalesce([a], [b])')).toBeNull();
  });
  it('keeps an empty string, which is not null', () => {
    expect(run('Coalesce([a], "x")', { a: '' })).toBe('');
  });
});

describe('CStr', () => {
  it('spells Booleans the .NET way and numbers as digits', () => {
    expect(run('CStr([accountEnabled])', { accountEnabled: false })).toBe('False');
    expect(run('CStr(42)')).toBe('42');
    expect(run('CStr([dn])', { dn: 'cn=Joe,dc=contoso,dc=com' })).toBe('cn=Joe,dc=contoso,dc=com');
    expect(run('CStr([missing])')).toBeNull();
  });
  it('refuses a multi-valued attribute', () => {
    expect(failure('CStr([otherMails])', { otherMails: ['a', 'b'] }).message).toContain('use Item or Join');
  });
});

describe('FormatDateTime', () => {
  it('converts Microsoft’s example', () => {
    expect(
      run('FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")', {
        extensionAttribute1: '20150123105347.1Z',
      }),
    ).toBe('2015-01-23');
  });
  it('normalises offsets to UTC and prints 12-hour times', () => {
    expect(
      run('FormatDateTime("2009-06-15T01:45:30-07:00", , "yyyy-MM-ddTHH:mm:sszzz", "M/d/yyyy h:mm:ss tt")'),
    ).toBe('6/15/2009 8:45:30 AM');
  });
  it('reads quoted literals and single-digit fields', () => {
    expect(run('FormatDateTime("3/7/2024", , "M/d/yyyy", "\'Day\' dd \'of\' MM")')).toBe('Day 07 of 03');
  });
  it('passes null through and fails on a value that does not fit the format', () => {
    expect(run('FormatDateTime([missing], , "yyyy", "yyyy")')).toBeNull();
    expect(failure('FormatDateTime("2024-13-01", , "yyyy-MM-dd", "yyyy")').message).toContain(
      'not a valid date',
    );
    expect(failure('FormatDateTime("2024/01/01", , "yyyy-MM-dd", "yyyy")').message).toContain(
      'does not match',
    );
    expect(failure('FormatDateTime("2024", , "yyy", "yyyy")').message).toContain('not supported');
  });
});

describe('IgnoreFlowIfNullOrEmpty', () => {
  it('drops the attribute for null and empty values, and keeps others', () => {
    expect(run('IgnoreFlowIfNullOrEmpty([department])')).toBe('IGNORED');
    expect(run('IgnoreFlowIfNullOrEmpty([department])', { department: '' })).toBe('IGNORED');
    expect(run('IgnoreFlowIfNullOrEmpty([department])', { department: 'Sales' })).toBe('Sales');
  });
  it('works around a Switch that falls to its "" default (Microsoft’s example)', () => {
    const source = 'IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr.", "3444", "Prof."))';
    expect(run(source, { prefix: '9999' })).toBe('IGNORED');
    expect(run(source, { prefix: '3444' })).toBe('Prof.');
  });
});

describe('IIF', () => {
  it('picks a branch with = and <> (case-sensitive)', () => {
    expect(run('IIF([country]="USA",[country],[department])', { country: 'USA', department: 'Sales' })).toBe(
      'USA',
    );
    expect(run('IIF([country]="USA",[country],[department])', { country: 'usa', department: 'Sales' })).toBe(
      'Sales',
    );
    expect(run('IIF([country]<>"USA","other","us")', { country: 'CA' })).toBe('other');
  });
  it('compares numbers numerically and text ordinally', () => {
    expect(run('IIF([level] > 9, "senior", "junior")', { level: '10' })).toBe('senior');
    expect(run('IIF([name] < "b", "a-side", "b-side")', { name: 'alpha' })).toBe('a-side');
  });
  it('nests for AND along the true path (Microsoft’s example)', () => {
    const source = 'IIF([country]="USA",IIF([state]="CA","True","False"),"False")';
    expect(run(source, { country: 'USA', state: 'CA' })).toBe('True');
    expect(run(source, { country: 'USA', state: 'WA' })).toBe('False');
  });
  it('fails on a null or empty attribute in the condition, as Entra does', () => {
    for (const source of [
      'IIF([country]="","Other",[country])',
      'IIF(IsPresent([country]),[country],"Other")',
    ]) {
      const error = failure(source, { country: '' });
      expect(error.message).toContain('[country] is null or empty');
      expect(source.slice(error.start, error.end)).toBe('[country]');
    }
  });
  it('does not evaluate the branch it does not take', () => {
    expect(run('IIF("True", "yes", CBool("not a boolean"))')).toBe('yes');
  });
});

describe('IsNull, IsNullOrEmpty, IsPresent, IsString', () => {
  it.each([
    ['IsNull([a])', {}, true],
    ['IsNull([a])', { a: '' }, false],
    ['IsNull([a])', { a: [] }, true],
    ['IsNullOrEmpty([a])', { a: '' }, true],
    ['IsNullOrEmpty([a])', {}, true],
    ['IsNullOrEmpty([a])', { a: ' ' }, false],
    ['IsPresent([a])', { a: 'x' }, true],
    ['IsPresent([a])', { a: '' }, false],
    ['IsString([a])', { a: 'x' }, true],
    ['IsString([a])', { a: true }, false],
    ['IsString([a])', {}, false],
  ] as Array<[string, Attributes, boolean]>)('%s with %j → %s', (source, attributes, expected) => {
    expect(run(source, attributes)).toBe(expected);
  });
});

describe('Item', () => {
  it('is 1-based and returns null past the end', () => {
    const otherMails = ['a@x.example', 'b@x.example'];
    expect(run('Item([otherMails], 1)', { otherMails })).toBe('a@x.example');
    expect(run('Item([otherMails], 2)', { otherMails })).toBe('b@x.example');
    expect(run('Item([otherMails], 3)', { otherMails })).toBeNull();
    expect(run('Item([otherMails], 1)')).toBeNull();
  });
  it('refuses index 0', () => {
    expect(failure('Item([otherMails], 0)', { otherMails: ['a'] }).message).toContain('1-based');
  });
});

describe('Join', () => {
  it('skips null and empty sources (Microsoft’s example)', () => {
    expect(run('Join(", ", "", [surname], [givenName])', { surname: 'Doe', givenName: 'John' })).toBe(
      'Doe, John',
    );
    expect(run('Join(".", [a], [missing], [b])', { a: 'x', b: 'y' })).toBe('x.y');
  });
  it('joins every value of a multi-valued source', () => {
    expect(run('Join(";", [proxyAddresses])', { proxyAddresses: ['smtp:a', 'SMTP:b'] })).toBe(
      'smtp:a;SMTP:b',
    );
  });
});

describe('Not', () => {
  it.each([
    ['Not("True")', false],
    ['Not("true")', false],
    ['Not("False")', true],
    ['Not([IsSoftDeleted])', true],
    ['Not([missing])', true],
  ])('%s → %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });
});

describe('SingleAppRoleAssignment', () => {
  it('returns the only role, and null without one', () => {
    expect(run('SingleAppRoleAssignment([appRoleAssignments])', { appRoleAssignments: ['Admin'] })).toBe(
      'Admin',
    );
    expect(run('SingleAppRoleAssignment([appRoleAssignments])')).toBeNull();
  });
  it('MAP: with several roles "no guarantee which role is provisioned": one is picked in ordinal order, marked assumed, and the user does not fail', () => {
    const outcome = evaluateText('SingleAppRoleAssignment([appRoleAssignments])', {
      appRoleAssignments: ['User', 'Admin'],
    });
    expect(outcome).toMatchObject({ kind: 'value', value: 'Admin' });
    expect(outcome.kind === 'value' && outcome.assumptions?.[0]).toContain('(assumed)');
    const reversed = evaluateText('SingleAppRoleAssignment([appRoleAssignments])', {
      appRoleAssignments: ['Admin', 'User'],
    });
    expect(reversed).toMatchObject({ value: 'Admin' });
  });
});

describe('Switch and [IsSoftDeleted]', () => {
  const active = 'Switch([IsSoftDeleted], , "False", "True", "True", "False")';
  it('gives the default active mapping its meaning', () => {
    expect(run(active, {}, false)).toBe('True');
    expect(run(active, {}, true)).toBe('False');
  });
  it('compares keys case-sensitively', () => {
    const source =
      'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney", "QLD", "Australia/Brisbane")';
    expect(run(source, { state: 'QLD' })).toBe('Australia/Brisbane');
    expect(run(source, { state: 'qld' })).toBe('Australia/Sydney');
  });
  it('matches a null source against the "" key (Microsoft’s empty-value pattern)', () => {
    expect(run('Switch([country],[country],"","Other")')).toBe('Other');
    expect(run('Switch([country],[country],"","Other")', { country: 'NZ' })).toBe('NZ');
  });
  it('returns null when nothing matches and the default is omitted', () => {
    expect(run('Switch([a], , "x", "y")', { a: 'z' })).toBeNull();
  });
});
