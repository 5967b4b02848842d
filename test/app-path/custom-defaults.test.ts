import { describe, expect, it } from 'vitest';
import {
  defaultPatchDialectFor,
  hasComplianceFlag,
  parseAppPath,
  tenantUrlFor,
} from '../../shared/app-path/app-path';
import {
  applyAllFixes,
  defaultMappingFor,
  describeMappingSource,
  GALLERY_DEFAULT_MAPPINGS,
  jostleVerdictFor,
  mappingVerdicts,
  toGalleryEquivalent,
  validateForPath,
  validateMappingConfig,
} from '../../shared/mapping';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const JOSTLE = 'urn:ietf:params:scim:schemas:extension:jostle:2.0:User';

const row = (target: string) => {
  const found = defaultMappingFor('custom').mappings.find((mapping) => mapping.target === target);
  if (!found) throw new Error(`no default row for ${target}`);
  return { source: describeMappingSource(found), precedence: found.matchingPrecedence };
};

describe('custom app defaults (the scim job template as the portal shows it)', () => {
  it('has Microsoft’s documented rows', () => {
    expect(row('userName')).toEqual({ source: 'userPrincipalName', precedence: 1 });
    expect(row('active').source).toBe('Switch([IsSoftDeleted], , "False", "True", "True", "False")');
    expect(row('externalId').source).toBe('mailNickname');
    expect(row('title').source).toBe('jobTitle');
    expect(row('emails[type eq "work"].value').source).toBe('mail');
    expect(row('phoneNumbers[type eq "mobile"].value').source).toBe('mobile');
    expect(row(`${ENTERPRISE}:manager`).source).toBe('manager');
    expect(row('name.formatted').source).toBe('Join(" ", [givenName], [surname])');
  });

  it('returns a fresh copy each time, and the gallery template on the gallery path', () => {
    const first = defaultMappingFor('custom');
    first.mappings.pop();
    expect(defaultMappingFor('custom').mappings).toHaveLength(22);
    expect(defaultMappingFor('gallery').mappings).toEqual(GALLERY_DEFAULT_MAPPINGS);
  });
});

describe('Jostle’s verdict on each target', () => {
  it.each([
    ['userName', 'accepted'],
    ['emails[type eq "work"].value', 'accepted'],
    [`${JOSTLE}:locations`, 'accepted'],
    ['phoneNumbers[type eq "workofficephone"].value', 'accepted'],
    ['phoneNumbers[type eq "mobile"].value', 'rejected'],
    ['emails[type eq "other"].value', 'rejected'],
    ['addresses[type eq "work"].streetAddress', 'rejected'],
    ['preferredLanguage', 'rejected'],
    [`${ENTERPRISE}:department`, 'rejected'],
    ['name.formatted', 'droppedOnCreate'],
  ])('%s → %s', (target, kind) => {
    expect(jostleVerdictFor(target).kind).toBe(kind);
  });

  it('says why, marks it assumed, and offers Jostle’s attribute where there is one', () => {
    const mobile = jostleVerdictFor('phoneNumbers[type eq "mobile"].value');
    expect(mobile).toMatchObject({
      reason: 'typeValue',
      basis: 'assumed',
      fix: { kind: 'retarget', target: 'phoneNumbers[type eq "workmobilephone"].value' },
    });
    expect(mobile.jostle).toMatch(/not public — assumed/);
    expect(jostleVerdictFor(`${ENTERPRISE}:manager`).fix).toEqual({ kind: 'remove' });
    const userName = jostleVerdictFor('userName');
    expect(userName.basis).toBe('documented');
    expect(userName.fix).toBeUndefined();
  });

  it('uses the live /Schemas when given one', () => {
    const live = [
      {
        id: 'urn:ietf:params:scim:schemas:core:2.0:User',
        name: 'User',
        description: '',
        attributes: [
          {
            name: 'preferredLanguage',
            type: 'string' as const,
            multiValued: false,
            description: '',
            required: false,
            caseExact: false,
            mutability: 'readWrite' as const,
            returned: 'default' as const,
            uniqueness: 'none' as const,
          },
        ],
      },
    ];
    expect(jostleVerdictFor('preferredLanguage', { schemas: live }).kind).toBe('accepted');
    expect(jostleVerdictFor('title', { schemas: live }).kind).toBe('rejected');
  });

  it('offers removal instead of a retarget whose Jostle attribute is already mapped', () => {
    const mappings = [
      ...defaultMappingFor('custom').mappings,
      {
        type: 'Direct' as const,
        source: 'mobile',
        target: 'phoneNumbers[type eq "workmobilephone"].value',
        apply: 'Always' as const,
      },
    ];
    const mobile = mappingVerdicts(mappings).find((v) => v.target === 'phoneNumbers[type eq "mobile"].value');
    expect(mobile?.fix).toEqual({ kind: 'remove' });
  });
});

describe('validation on each path', () => {
  it('custom: the defaults have no errors; each flagged row is a warning with its fix', () => {
    const config = defaultMappingFor('custom');
    const problems = validateForPath(config, 'custom');
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const flagged = new Set(problems.map((problem) => problem.mappingIndex));
    expect(flagged.size).toBe(14);
    const mobile = config.mappings.findIndex((m) => m.target === 'phoneNumbers[type eq "mobile"].value');
    expect(problems.find((problem) => problem.mappingIndex === mobile)?.message).toMatch(
      /Fix: map it to Jostle’s phoneNumbers\[type eq "workmobilephone"\]\.value/,
    );
  });

  it('gallery: a generic SCIM target is an error, as before', () => {
    const problems = validateForPath(defaultMappingFor('custom'), 'gallery');
    expect(
      problems.some(
        (p) => p.severity === 'error' && /no target attribute "preferredLanguage"/.test(p.message),
      ),
    ).toBe(true);
    expect(validateForPath(defaultMappingFor('gallery'), 'gallery')).toEqual(
      validateMappingConfig(defaultMappingFor('gallery')),
    );
  });

  it('Fix all leaves only rows Jostle accepts, mapped to Jostle’s own attributes', () => {
    const fixed = applyAllFixes(defaultMappingFor('custom').mappings);
    expect(mappingVerdicts(fixed).every((verdict) => verdict.kind === 'accepted')).toBe(true);
    expect(validateForPath({ version: 1, mappings: fixed }, 'custom')).toEqual([]);
    const targets = fixed.map((mapping) => mapping.target);
    expect(targets).toContain('phoneNumbers[type eq "workofficephone"].value');
    expect(targets).toContain(`${JOSTLE}:address1StreetAddress`);
    expect(targets).not.toContain(`${ENTERPRISE}:manager`);
  });

  it('the gallery equivalent is the template plus the other Jostle attributes the admin maps', () => {
    const equivalent = toGalleryEquivalent(defaultMappingFor('custom'));
    expect(equivalent.mappings.slice(0, GALLERY_DEFAULT_MAPPINGS.length)).toEqual(GALLERY_DEFAULT_MAPPINGS);
    expect(equivalent.mappings.slice(GALLERY_DEFAULT_MAPPINGS.length).map((m) => m.target)).toEqual([
      'displayName',
      'title',
      'externalId',
    ]);
    expect(validateForPath(equivalent, 'gallery')).toEqual([]);
  });
});

describe('per-path behaviour', () => {
  it('default PATCH dialect follows the Tenant URL only on the custom path', () => {
    expect(defaultPatchDialectFor('custom')).toBe('default');
    expect(defaultPatchDialectFor('custom', 'https://x.example/scim2?aadOptscim062020')).toBe(
      'aadOptscim062020',
    );
    expect(defaultPatchDialectFor('gallery', 'https://x.example/scim2?aadOptscim062020')).toBe('default');
    expect(hasComplianceFlag('https://x.example/scim2?foo=1&AADOPTSCIM062020')).toBe(true);
    expect(hasComplianceFlag('https://x.example/scim2')).toBe(false);
    expect(tenantUrlFor('custom', 'https://x.example/scim2/', true)).toBe(
      'https://x.example/scim2?aadOptscim062020',
    );
    expect(tenantUrlFor('gallery', 'https://x.example/scim2', true)).toBe('https://x.example/scim2');
  });

  it('parses --app values and refuses others', () => {
    expect(parseAppPath(' Custom ')).toBe('custom');
    expect(() => parseAppPath('nongallery')).toThrow(/gallery or custom/);
  });
});
