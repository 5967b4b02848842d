import { describe, expect, it } from 'vitest';
import { mergeSchemaValue, withoutAnnotations, type Json } from '../../main/graph/schema-merge';
import { buildUserSelect } from '../../main/graph/user-select';
import { GALLERY_DEFAULT_CONFIG, type MappingConfig } from '../../shared/mapping';
import { DEFAULT_SCOPE_CONFIG, type ScopeConfig } from '../../shared/scoping';

describe('the users $select follows the mapping and the scope', () => {
  it('renames provisioning sources to Graph properties and expands the manager', () => {
    const mapping: MappingConfig = {
      version: 1,
      mappings: [
        { type: 'Direct', source: 'userPrincipalName', target: 'userName', apply: 'Always' },
        {
          type: 'Direct',
          source: 'physicalDeliveryOfficeName',
          target: 'addresses[type eq "work"].locality',
          apply: 'Always',
        },
        {
          type: 'Direct',
          source: 'manager',
          target: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
          apply: 'Always',
        },
        {
          type: 'Expression',
          expression: 'Join(" ", [extensionAttribute3], [mobile])',
          target: 'nickName',
          apply: 'Always',
        },
        {
          type: 'Direct',
          source: 'alternateEmailAddress',
          target: 'emails[type eq "other"].value',
          apply: 'Always',
        },
      ],
    };
    const scope: ScopeConfig = {
      version: 1,
      scope: 'allUsers',
      filters: [{ title: '', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] }],
    };
    const select = buildUserSelect(mapping, scope);
    expect(select.select).toEqual([
      'id',
      'userPrincipalName',
      'accountEnabled',
      'displayName',
      'officeLocation',
      'onPremisesExtensionAttributes',
      'mobilePhone',
      'department',
    ]);
    expect(select.expand).toBe('manager($select=id)');
    expect(select.unavailable).toEqual(['alternateEmailAddress']);
  });

  it('the gallery defaults read IsSoftDeleted, which needs no property (pulled users are not deleted)', () => {
    const select = buildUserSelect(GALLERY_DEFAULT_CONFIG, DEFAULT_SCOPE_CONFIG);
    expect(select.select).not.toContain('IsSoftDeleted');
    expect(select.unavailable).toEqual([]);
  });
});

describe('merging the verified schema into Entra’s', () => {
  const current = {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#schema',
    id: 'job',
    synchronizationRules: [
      {
        id: 'rule',
        objectMappings: [
          {
            name: 'Users',
            attributeMappings: [
              { targetAttributeName: 'userName', source: { expression: '[userPrincipalName]' } },
              { targetAttributeName: 'active', source: { expression: 'Not([IsSoftDeleted])' } },
            ],
          },
          { name: 'Groups', enabled: false },
        ],
      },
    ],
    directories: [{ id: 'aad', name: 'Azure Active Directory' }],
  };

  it('changes what the verified copy names, adds what is new, keeps what it does not mention', () => {
    const given = {
      synchronizationRules: [
        {
          id: 'rule',
          objectMappings: [
            {
              name: 'users',
              attributeMappings: [
                { targetAttributeName: 'userName', source: { expression: '[mail]' } },
                { targetAttributeName: 'title', source: { expression: '[jobTitle]' } },
              ],
            },
          ],
        },
      ],
    };
    const merged = mergeSchemaValue(
      withoutAnnotations(current as unknown as Json),
      given as unknown as Json,
    ) as unknown as typeof current;
    expect(merged).not.toHaveProperty('@odata.context');
    const users = merged.synchronizationRules[0]!.objectMappings[0]!;
    expect(users.attributeMappings).toEqual([
      { targetAttributeName: 'userName', source: { expression: '[mail]' } },
      { targetAttributeName: 'active', source: { expression: 'Not([IsSoftDeleted])' } },
      { targetAttributeName: 'title', source: { expression: '[jobTitle]' } },
    ]);
    expect(merged.synchronizationRules[0]!.objectMappings[1]).toEqual({ name: 'Groups', enabled: false });
    expect(merged.directories).toEqual(current.directories);
    // Merging the result again changes nothing: apply is idempotent.
    expect(mergeSchemaValue(merged as unknown as Json, given as unknown as Json)).toEqual(merged);
  });
});
