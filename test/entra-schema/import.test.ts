import { describe, expect, it } from 'vitest';
import { importSynchronizationSchema, type ImportedSchema } from '../../shared/entra-schema';
import { JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import { fixture, fixtureText } from './helpers';

function imported(input: unknown): ImportedSchema {
  const result = importSynchronizationSchema(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.imported;
}

describe('importSynchronizationSchema', () => {
  it('imports every attribute mapping of the Jostle user mapping, with types, flow, defaults and matching', () => {
    const { mapping, ruleName, objectMappingName, location } = imported(
      fixtureText('jostle-gallery-custom.json'),
    );
    expect(ruleName).toBe('USER_OUTBOUND');
    expect(objectMappingName).toBe('Provision Microsoft Entra ID Users');
    expect(location).toEqual({ ruleIndex: 0, objectMappingIndex: 0 });
    expect(mapping.mappings).toHaveLength(12);
    const byTarget = (target: string) => mapping.mappings.find((m) => m.target === target);
    expect(byTarget('userName')).toEqual({
      type: 'Direct',
      source: 'userPrincipalName',
      target: 'userName',
      apply: 'Always',
      matchingPrecedence: 1,
    });
    expect(byTarget('externalId')).toEqual({
      type: 'Direct',
      source: 'objectId',
      target: 'externalId',
      apply: 'Always',
    });
    expect(byTarget('active')).toMatchObject({
      type: 'Expression',
      expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    });
    expect(byTarget('nickName')).toMatchObject({
      type: 'Expression',
      expression: 'ToLower(Join("", Mid([givenName], 1, 1), [surname]), )',
    });
    expect(byTarget(`${JOSTLE_USER_EXTENSION}:joinDate`)).toMatchObject({ apply: 'OnlyDuringCreation' });
    expect(byTarget('name.familyName')).toMatchObject({ type: 'Direct', defaultValue: '.' });
    expect(byTarget('userType')).toEqual({
      type: 'Constant',
      value: 'Employee',
      target: 'userType',
      apply: 'Always',
    });
    expect(byTarget(`${JOSTLE_USER_EXTENSION}:customBadge`)).toEqual({
      type: 'None',
      target: `${JOSTLE_USER_EXTENSION}:customBadge`,
      apply: 'Always',
      defaultValue: 'New starter',
    });
  });

  it('imports the scoping filter groups in order, with names, clauses, operators and values', () => {
    const { filters, notes } = imported(fixture('jostle-gallery-custom.json'));
    expect(filters.map((filter) => filter.title)).toEqual(['Sales', 'Engineers in Ireland', 'Staff at HQ']);
    expect(filters[1]?.clauses).toEqual([
      { attribute: 'jobTitle', operator: 'EQUALS', value: 'Engineer' },
      { attribute: 'country', operator: 'EQUALS', value: 'IE' },
    ]);
    expect(filters[2]?.clauses).toEqual([
      { attribute: 'userPrincipalName', operator: 'ENDS_WITH', value: '@contoso.com' },
      { attribute: 'employeeType', operator: 'NOT EQUALS', value: 'Contractor' },
      { attribute: 'accountEnabled', operator: 'IS TRUE' },
      { attribute: 'companyName', operator: 'REGEX MATCH', value: '^(HQ|Head office)$' },
    ]);
    // The group mapping is a different object type: not a user mapping, so nothing to report.
    expect(notes).toEqual([]);
  });

  it('unwraps a template or job response that nests the schema under "schema"', () => {
    const direct = imported(fixture('jostle-gallery-custom.json'));
    const wrapped = imported(fixture('jostle-template-response.json'));
    expect(wrapped.mapping).toEqual(direct.mapping);
    expect(wrapped.filters).toEqual(direct.filters);
  });

  it("reads Graph's documented tree shapes, rebuilding text from parameters when a node has none", () => {
    const { mapping, notes } = imported(fixture('graph-docs-shapes.json'));
    const byTarget = (target: string) => mapping.mappings.find((m) => m.target === target);
    expect(byTarget('active')).toMatchObject({ expression: 'Not([IsSoftDeleted])', defaultValue: 'True' });
    expect(byTarget(`${JOSTLE_USER_EXTENSION}:customProfile`)).toMatchObject({
      type: 'None',
      defaultValue: 'ISO-8859-1',
    });
    expect(byTarget(`${JOSTLE_USER_EXTENSION}:personalPronouns`)).toMatchObject({
      expression: 'Replace([preferredLanguage], "-", , , "_", , )',
    });
    expect(byTarget('displayName')).toMatchObject({ expression: 'Mid([userPrincipalName], "1", "8")' });
    expect(notes).toEqual([expect.objectContaining({ where: 'mapping "displayName"' })]);
  });

  it('lists everything it cannot represent instead of dropping it', () => {
    const { filters, notes, targetObjectActions } = imported(fixture('custom-scim-app.json'));
    const text = notes.map((note) => `${note.where}: ${note.message}`);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/department.*flow type ValueAddOnly/),
        expect.stringMatching(/department.*flow behaviour FlowAlways/),
        expect.stringMatching(/^scoping filter 1, clause 1: .*2 values \(Sales, Marketing\)/),
        expect.stringMatching(/^scoping filter 2, clause 1: operator CONTAINS_ANY/),
        expect.stringMatching(/^scope: 1 inputFilterGroups/),
        expect.stringMatching(/Target Object Actions are Add, Update/),
      ]),
    );
    expect(targetObjectActions).toEqual({ create: true, update: true, delete: false });
    expect(filters).toEqual([
      { title: 'Two values', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] },
      { title: 'Odd operator', clauses: [{ attribute: 'department', operator: 'IS NOT NULL' }] },
    ]);
  });

  it.each([
    ['workday-inbound.json', 'inbound', /provisions from Workday to Active Directory/],
    ['graph-docs-salesforce.json', 'foreign-app', /salesforce\.com attributes \(IsActive, Alias, Username/],
    ['other-scim-app.json', 'foreign-app', /extension:slack:profile:2\.0:User/],
  ])('refuses %s with a specific message', (name, code, message) => {
    const result = importSynchronizationSchema(fixtureText(name));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  });

  it('refuses truncated JSON, other JSON and non-JSON with their own messages', () => {
    const text = fixtureText('jostle-gallery-custom.json');
    const cut = importSynchronizationSchema(text.slice(0, Math.floor(text.length / 2)));
    expect(cut).toMatchObject({ ok: false, error: { code: 'truncated' } });
    expect(importSynchronizationSchema('hello')).toMatchObject({ ok: false, error: { code: 'not-json' } });
    expect(importSynchronizationSchema('')).toMatchObject({ ok: false, error: { code: 'not-json' } });
    const ours = importSynchronizationSchema({ version: 1, mappings: [] });
    expect(ours).toMatchObject({
      ok: false,
      error: { code: 'not-a-schema', message: expect.stringMatching(/own mapping file/) },
    });
    const damaged = fixture('jostle-gallery-custom.json') as {
      synchronizationRules: { objectMappings: unknown }[];
    };
    damaged.synchronizationRules[0]!.objectMappings = 'oops';
    expect(importSynchronizationSchema(damaged)).toMatchObject({
      ok: false,
      error: {
        code: 'not-a-schema',
        message: expect.stringMatching(/synchronizationRules\.0\.objectMappings/),
      },
    });
  });

  it('says so when no scoping filter survives, because then everyone passes here', () => {
    const schema = fixture('custom-scim-app.json') as {
      synchronizationRules: { objectMappings: { scope: { groups: unknown[] } }[] }[];
    };
    schema.synchronizationRules[0]!.objectMappings[0]!.scope.groups = [
      {
        name: 'Only an odd operator',
        clauses: [
          { operatorName: 'CONTAINS_ANY', sourceOperandName: 'country', targetOperand: { values: ['IE'] } },
        ],
      },
    ];
    const { filters, notes } = imported(schema);
    expect(filters).toEqual([]);
    expect(notes.map((note) => note.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/none could be imported: here every user passes/)]),
    );
  });

  it('refuses a schema without a user mapping', () => {
    const schema = fixture('jostle-gallery-custom.json') as {
      synchronizationRules: { objectMappings: unknown[] }[];
    };
    schema.synchronizationRules[0]!.objectMappings.splice(0, 1);
    expect(importSynchronizationSchema(schema)).toMatchObject({
      ok: false,
      error: { code: 'no-user-mapping' },
    });
  });
});
