import { describe, expect, it } from 'vitest';
import { CORE_USER_SCHEMA, JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import {
  buildCreateRequest,
  compileMapping,
  diffScimResources,
  GALLERY_DEFAULT_CONFIG,
  PATCH_OP_SCHEMA,
  toPatchRequest,
  type MappingConfig,
} from '../../shared/mapping';
import type { SourceUser } from '../../shared/source-data';

const ada: SourceUser = {
  objectId: '2b1f3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7',
  userPrincipalName: 'ada.lovelace@contoso.example',
  attributes: {
    userPrincipalName: 'ada.lovelace@contoso.example',
    objectId: '2b1f3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7',
    givenName: 'Ada',
    surname: 'Lovelace',
    mail: 'ada.lovelace@contoso.example',
    otherMails: ['ada@home.example', 'countess@lovelace.example'],
    accountEnabled: true,
    jobTitle: null,
    department: 'Engineering',
  },
};

describe('the SCIM POST body for a user', () => {
  it('is exactly what the gallery defaults produce', () => {
    const { resource, failures, skipped } = buildCreateRequest(ada, GALLERY_DEFAULT_CONFIG);
    expect(failures).toEqual([]);
    expect(resource).toEqual({
      // MAP: the custom extension schema "isn't sent in requests from the Microsoft Entra SCIM client".
      schemas: [CORE_USER_SCHEMA],
      userName: 'ada.lovelace@contoso.example',
      active: true,
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [
        { primary: true, type: 'work', value: 'ada.lovelace@contoso.example' },
        { type: 'personal', value: 'ada@home.example' },
        { type: 'alternate1', value: 'countess@lovelace.example' },
      ],
      [JOSTLE_USER_EXTENSION]: { alternateEmail1Label: 'Other email' },
      meta: { resourceType: 'User' },
    });
    expect(skipped.map((entry) => [entry.target.split(':').pop(), entry.reason])).toEqual([
      ['emails[type eq "alternate2"].value', 'null or empty: not sent'],
      ['alternateEmail2Label', 'IgnoreFlowIfNullOrEmpty'],
    ]);
  });

  it('sends active false for a soft-deleted user and omits the extension when nothing uses it', () => {
    const bare: SourceUser = { ...ada, attributes: { ...ada.attributes, otherMails: null } };
    const { resource } = buildCreateRequest(bare, GALLERY_DEFAULT_CONFIG, { isSoftDeleted: true });
    expect(resource.active).toBe(false);
    expect(resource.schemas).toEqual([CORE_USER_SCHEMA]);
  });

  const config: MappingConfig = {
    version: 1,
    mappings: [
      {
        type: 'Direct',
        source: 'userPrincipalName',
        target: 'userName',
        apply: 'Always',
        matchingPrecedence: 1,
      },
      { type: 'Direct', source: 'jobTitle', target: 'title', apply: 'Always', defaultValue: 'Employee' },
      { type: 'None', target: 'userType', apply: 'Always', defaultValue: 'Employee' },
      {
        type: 'Constant',
        value: 'SSO',
        target: `${JOSTLE_USER_EXTENSION}:loginType`,
        apply: 'OnlyDuringCreation',
      },
      { type: 'Direct', source: 'accountEnabled', target: 'active', apply: 'Always' },
      { type: 'Direct', source: 'department', target: 'displayName', apply: 'Always' },
      { type: 'Direct', source: 'objectId', target: 'externalId', apply: 'Always' },
    ],
  };

  it('applies default values only on create', () => {
    const mapping = compileMapping(config);
    const created = mapping.build(ada, { operation: 'create', isSoftDeleted: false }).resource;
    expect(created).toMatchObject({ title: 'Employee', userType: 'Employee', active: true });
    expect(created[JOSTLE_USER_EXTENSION]).toEqual({ loginType: 'SSO' });
    const updated = mapping.build(ada, { operation: 'update', isSoftDeleted: false });
    expect(updated.resource).not.toHaveProperty('title');
    expect(updated.resource).not.toHaveProperty('userType');
    expect(updated.resource).not.toHaveProperty('meta');
    expect(updated.resource).not.toHaveProperty(JOSTLE_USER_EXTENSION);
    expect(updated.skipped.map((entry) => entry.reason)).toContain('applied only during creation');
  });

  it('reports a failing mapping for the user and still builds the rest', () => {
    const broken: MappingConfig = {
      version: 1,
      mappings: [
        ...config.mappings.slice(0, 1),
        {
          type: 'Expression',
          expression: 'IIF([jobTitle] = "CEO", "Boss", "Staff")',
          target: 'title',
          apply: 'Always',
        },
        {
          type: 'Expression',
          expression: 'Switch([department], "maybe", "Engineering", "yes")',
          target: 'active',
          apply: 'Always',
        },
      ],
    };
    const { resource, failures } = buildCreateRequest(ada, broken);
    expect(resource.userName).toBe(ada.userPrincipalName);
    expect(failures.map((failure) => [failure.target, failure.message])).toEqual([
      ['title', expect.stringContaining('[jobTitle] is null or empty')],
      ['active', 'active is a Boolean but the mapping gave "yes"'],
    ]);
    expect(failures[0]).toMatchObject({ position: 4, length: '[jobTitle]'.length });
  });
});

describe('diff of two SCIM resources into the PATCH Entra would send', () => {
  const current = {
    id: 'jostle-1',
    userName: 'Ada.Lovelace@contoso.example',
    active: 'True',
    externalId: 'abc',
    name: { givenName: 'Ada', familyName: 'Byron' },
    emails: [{ type: 'work', value: 'ada@old.example', primary: true }],
  };
  const desired = {
    schemas: [CORE_USER_SCHEMA],
    userName: 'ada.lovelace@contoso.example',
    active: false,
    externalId: 'ABC',
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [
      { primary: true, type: 'work', value: 'ada.lovelace@contoso.example' },
      { type: 'personal', value: 'ada@home.example' },
    ],
    [JOSTLE_USER_EXTENSION]: { locations: 'London' },
  };
  const changes = diffScimResources(current, desired);

  it('lists changed attributes only, case-insensitive unless caseExact', () => {
    expect(changes).toEqual([
      { path: 'active', op: 'Replace', from: 'True', to: false },
      { path: 'externalId', op: 'Replace', from: 'abc', to: 'ABC' },
      { path: 'name.familyName', op: 'Replace', from: 'Byron', to: 'Lovelace' },
      {
        path: 'emails[type eq "work"].value',
        op: 'Replace',
        from: 'ada@old.example',
        to: 'ada.lovelace@contoso.example',
      },
      { path: 'emails[type eq "personal"].value', op: 'Add', from: undefined, to: 'ada@home.example' },
      { path: `${JOSTLE_USER_EXTENSION}:locations`, op: 'Add', from: undefined, to: 'London' },
    ]);
  });

  it('never clears an attribute the desired resource lacks', () => {
    expect(diffScimResources({ ...current, title: 'Countess' }, { userName: current.userName })).toEqual([]);
  });

  it('writes the historical dialect: capitalised ops, one per attribute, Booleans as text', () => {
    expect(toPatchRequest(changes.slice(0, 2))).toEqual({
      schemas: [PATCH_OP_SCHEMA],
      Operations: [
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Replace', path: 'externalId', value: 'ABC' },
      ],
    });
  });

  it('COMPAT aadOptscim062020: lowercase, filtered paths alone, several attributes collapsed, a single one path-ful', () => {
    expect(toPatchRequest(changes, 'aadOptscim062020')).toEqual({
      schemas: [PATCH_OP_SCHEMA],
      Operations: [
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'ada.lovelace@contoso.example' },
        { op: 'add', path: 'emails[type eq "personal"].value', value: 'ada@home.example' },
        { op: 'replace', value: { active: false, externalId: 'ABC', 'name.familyName': 'Lovelace' } },
        { op: 'add', path: `${JOSTLE_USER_EXTENSION}:locations`, value: 'London' },
      ],
    });
  });

  it('returns null when nothing changed', () => {
    expect(toPatchRequest(diffScimResources(desired, desired))).toBeNull();
  });
});
