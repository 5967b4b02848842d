import { describe, expect, it } from 'vitest';
import { failure, run } from './evaluate-helpers';

describe('Append', () => {
  it('appends a suffix (Microsoft’s example)', () => {
    expect(run('Append([userPrincipalName], ".test")', { userPrincipalName: 'John.Doe@contoso.com' })).toBe(
      'John.Doe@contoso.com.test',
    );
  });
  it('passes a null source through as null (nothing is sent)', () => {
    expect(run('Append([missing], ".test")')).toBeNull();
  });
});

describe('Left', () => {
  it.each([
    ['Left("John Doe", 3)', 'Joh'],
    ['Left("John Doe", 0)', ''],
    ['Left("John Doe", -1)', 'John Doe'],
    ['Left("Jo", 5)', 'Jo'],
    ['Left([missing], 3)', ''],
  ])('%s → %j', (source, expected) => {
    expect(run(source)).toBe(expected);
  });
});

describe('Mid', () => {
  it('is 1-based and stops at the end of the source', () => {
    expect(run('Mid("John Doe", 1, 3)')).toBe('Joh');
    expect(run('Mid("John Doe", 6, 10)')).toBe('Doe');
    expect(run('Mid("John", 9, 2)')).toBe('');
    expect(run('Mid([missing], 1, 2)')).toBeNull();
  });
  it('builds an alias from parts of names (Microsoft’s example)', () => {
    expect(
      run('Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))', { givenName: 'John', surname: 'Doe' }),
    ).toBe('JohDoe');
  });
  it('refuses start 0', () => {
    expect(failure('Mid("abc", 0, 1)').message).toContain('1-based');
  });
});

describe('NormalizeDiacritics', () => {
  it.each([
    ['Zoë', 'Zoe'],
    ['Ærøskøbing', 'AEroeskoebing'],
    ['Łódź', 'Lodz'],
    ['Straße', 'Strasse'],
    ['Ŝtefan Ñúñez', 'Stefan Nunez'],
    ['García-López', 'Garcia-Lopez'],
  ])('%s → %s', (input, expected) => {
    expect(run('NormalizeDiacritics([givenName])', { givenName: input })).toBe(expected);
  });
  it('leaves non-Latin scripts intact (dakuten are not accents)', () => {
    expect(run('NormalizeDiacritics("がぎ 山田 Ελένη")')).toBe('がぎ 山田 Ελένη'.replace('έ', 'έ'));
  });
});

describe('PCase', () => {
  it('uses the default word separators (Microsoft’s example)', () => {
    expect(run('PCase([firstName])', { firstName: 'PABLO GONSALVES (SECOND)' })).toBe(
      'Pablo Gonsalves (Second)',
    );
  });
  it('uses only the given separators', () => {
    expect(run('PCase([lastName]," \'-")', { lastName: "PINTO-DE'SILVA" })).toBe("Pinto-De'Silva");
    expect(run('PCase([lastName]," ")', { lastName: "PINTO-DE'SILVA" })).toBe("Pinto-de'silva");
  });
  it('handles accented capitals', () => {
    expect(run('PCase("ÉLODIE ÅSTRÖM")')).toBe('Élodie Åström');
  });
});

describe('Replace', () => {
  const phone = '\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})';
  it('replaces an old value, case-sensitively', () => {
    expect(run('Replace([mail], "@contoso.com", , ,"", ,)', { mail: 'john.doe@contoso.com' })).toBe(
      'john.doe',
    );
    expect(run('Replace([mail], "@CONTOSO.COM", , ,"", ,)', { mail: 'john.doe@contoso.com' })).toBe(
      'john.doe@contoso.com',
    );
  });
  it('fills a template', () => {
    expect(
      run('Replace([UserID],"<username>", , , , , "<username>@contoso.com")', { UserID: 'jsmith' }),
    ).toBe('jsmith@contoso.com');
  });
  it('rebuilds a value from named regex groups', () => {
    expect(
      run(`Replace([telephoneNumber], , "${phone}", , "\${phoneNumber}", , )`, {
        telephoneNumber: '+91 9998887777',
      }),
    ).toBe('9998887777');
    expect(run('Replace([mobile], , "[()\\\\s-]+", , "", , )', { mobile: '+1 (999) 888-7777' })).toBe(
      '+19998887777',
    );
    expect(run('Replace([mailNickname], , "[a-zA-Z_]*", , "", , )', { mailNickname: 'john_doe72' })).toBe(
      '72',
    );
  });
  it('replaces only the named group', () => {
    expect(
      run('Replace([AddressLineData], ,"(?<streetNumber>^\\\\d*)","streetNumber", "888", , )', {
        AddressLineData: '545 Tremont Street',
      }),
    ).toBe('888 Tremont Street');
    expect(
      run('Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )', {
        userPrincipalName: 'jsmith@contoso.com',
      }),
    ).toBe('jsmith');
  });
  it('falls back to another attribute when the source is empty', () => {
    const source = `Replace([telephoneNumber], , "${phone}", "phoneNumber" , , [mobile], )`;
    expect(run(source, { telephoneNumber: '', mobile: '+91 8887779999' })).toBe('8887779999');
    expect(run(source, { telephoneNumber: '+1 555', mobile: '+91 8887779999' })).toBe('+1 555');
  });
  it('passes null through and reports an invalid regex', () => {
    expect(run('Replace([missing], "a", , , "b", , )')).toBeNull();
    expect(failure('Replace([a], , "(unclosed", , "", , )', { a: 'x' }).message).toContain(
      'invalid regular expression',
    );
  });
});

describe('Split, StripSpaces, ToLower, ToUpper, Word', () => {
  it('Split makes a list (Microsoft’s example keeps the spaces)', () => {
    expect(
      run('Split([extensionAttribute5], ",")', { extensionAttribute5: 'PermissionSetOne, PermissionSetTwo' }),
    ).toEqual(['PermissionSetOne', ' PermissionSetTwo']);
    expect(run('Item(Split("a,b,c", ","), 2)')).toBe('b');
    expect(run('Split([missing], ",")')).toBeNull();
  });
  it('StripSpaces removes only spaces', () => {
    expect(run('StripSpaces(" a b\tc ")')).toBe('ab\tc');
    expect(run('StripSpaces([missing])')).toBeNull();
  });
  it('ToLower builds a UPN (Microsoft’s example)', () => {
    expect(
      run(
        'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName]))), "contoso.com"))',
        {
          PreferredFirstName: 'John',
          PreferredLastName: 'Smith',
        },
      ),
    ).toBe('john.smith@contoso.com');
  });
  it('ToLower and ToUpper follow the culture when one is given', () => {
    expect(run('ToUpper("istanbul")')).toBe('ISTANBUL');
    expect(run('ToUpper("istanbul", "tr-TR")')).toBe('İSTANBUL');
    expect(run('ToLower("ÉCOLE")')).toBe('école');
    expect(run('ToLower([missing])')).toBeNull();
    expect(failure('ToLower("a", "not a culture!")').message).toContain('culture name');
  });
  it.each([
    ['Word("The quick brown fox",3," ")', 'brown'],
    ['Word("This,string!has&many separators",3,",!&#")', 'has'],
    ['Word("a,,b", 2, ",")', 'b'],
    ['Word("a b", 3, " ")', ''],
    ['Word("a b", 0, " ")', ''],
    ['Word([missing], 1, " ")', ''],
  ])('%s → %j', (source, expected) => {
    expect(run(source)).toBe(expected);
  });
});

describe('evaluation errors', () => {
  it('names the unknown function and hints at the case', () => {
    const error = failure('toLower("A")');
    expect(error.message).toContain('did you mean "ToLower"');
    expect([error.start, error.end]).toEqual([0, 12]);
  });
});
