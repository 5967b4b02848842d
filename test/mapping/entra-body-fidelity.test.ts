/**
 * The SCIM body as Entra builds it: MAP's "None" mapping, the omitted extension schema header, KNOWN's
 * source-attribute limits, HOW's B2B guest note, and values from Now/Guid/RandomString on a fixed clock.
 */
import { describe, expect, it } from 'vitest';
import { fixedEvaluationClock } from '../../shared/expressions';
import { CORE_USER_SCHEMA, JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import {
  compileMapping,
  GALLERY_DEFAULT_CONFIG,
  matchingAttributeOf,
  runPreview,
  validateMappingConfig,
  type MappingConfig,
} from '../../shared/mapping';
import type { SourceUser } from '../../shared/source-data';
import { guestExternalAddress } from '../../shared/source-data/guest-upn';

const user = (upn: string, extra: Record<string, string> = {}): SourceUser => ({
  objectId: `id-${upn}`,
  userPrincipalName: upn,
  attributes: {
    userPrincipalName: upn,
    givenName: 'Bob',
    surname: 'Partner',
    accountEnabled: true,
    ...extra,
  },
});

const base: MappingConfig['mappings'] = [
  { type: 'Direct', source: 'userPrincipalName', target: 'userName', apply: 'Always', matchingPrecedence: 1 },
  { type: 'Direct', source: 'givenName', target: 'name.givenName', apply: 'Always' },
  { type: 'Direct', source: 'surname', target: 'name.familyName', apply: 'Always' },
  { type: 'Constant', value: 'True', target: 'active', apply: 'Always' },
];
const config = (...more: MappingConfig['mappings']): MappingConfig => ({
  version: 1,
  mappings: [...base, ...more],
});

describe('MAP: mapping types and the SCIM body', () => {
  const none = config({ type: 'None', target: 'title', apply: 'Always', defaultValue: 'Staff' });
  const compiled = compileMapping(none);
  const bob = user('bob@contoso.example');

  it('MAP: a "None" mapping sends its default on create', () => {
    expect(compiled.build(bob, { operation: 'create', isSoftDeleted: false }).resource.title).toBe('Staff');
  });
  it('MAP: a "None" mapping back-fills the default when the target is empty on update, and leaves a value alone', () => {
    const empty = compiled.build(bob, {
      operation: 'update',
      isSoftDeleted: false,
      current: { userName: 'bob' },
    });
    expect(empty.resource.title).toBe('Staff');
    const held = compiled.build(bob, {
      operation: 'update',
      isSoftDeleted: false,
      current: { title: 'Chief' },
    });
    expect(held.resource.title).toBeUndefined();
  });
  it('MAP: "Default value if null" of other mappings applies only on create, even when the target is empty', () => {
    const mapping = compileMapping(
      config({ type: 'Direct', source: 'jobTitle', target: 'title', apply: 'Always', defaultValue: 'Staff' }),
    );
    const update = mapping.build(bob, { operation: 'update', isSoftDeleted: false, current: {} });
    expect(update.resource.title).toBeUndefined();
  });
  it('MAP: the custom extension schema header is not sent; the extension attributes are', () => {
    const mapping = compileMapping(
      config({
        type: 'Constant',
        value: 'he/him',
        target: `${JOSTLE_USER_EXTENSION}:personalPronouns`,
        apply: 'Always',
      }),
    );
    const { resource } = mapping.build(bob, { operation: 'create', isSoftDeleted: false });
    expect(resource.schemas).toEqual([CORE_USER_SCHEMA]);
    expect(resource[JOSTLE_USER_EXTENSION]).toEqual({ personalPronouns: 'he/him' });
  });
});

describe('KNOWN: source attributes Entra does not offer', () => {
  it('KNOWN: userType is not available as a mapping source, direct or in an expression', () => {
    const direct = validateMappingConfig(
      config({ type: 'Direct', source: 'userType', target: 'userType', apply: 'Always' }),
    );
    expect(direct.map((problem) => problem.message).join(' ')).toContain(
      "userType isn't available as a source attribute",
    );
    const expression = validateMappingConfig(
      config({ type: 'Expression', expression: 'ToLower([userType])', target: 'userType', apply: 'Always' }),
    );
    expect(
      expression.some((problem) => problem.severity === 'error' && problem.message.includes('userType')),
    ).toBe(true);
  });
});

describe('HOW: B2B guests', () => {
  it('HOW: #EXT# and the home domain are stripped, leaving alias@theirdomain', () => {
    expect(guestExternalAddress('bob_partner.example#EXT#@contoso.onmicrosoft.com')).toBe(
      'bob@partner.example',
    );
    expect(guestExternalAddress('john_smith_partner.co.uk#EXT#@contoso.onmicrosoft.com')).toBe(
      'john_smith@partner.co.uk',
    );
    expect(guestExternalAddress('bob@contoso.example')).toBeNull();
  });
  it('HOW: a guest is matched and provisioned as alias@theirdomain, and the preview says so', () => {
    const guest = user('bob_partner.example#EXT#@contoso.onmicrosoft.com');
    const { resource, notes } = compileMapping(GALLERY_DEFAULT_CONFIG).build(guest, {
      operation: 'create',
      isSoftDeleted: false,
    });
    expect(resource.userName).toBe('bob@partner.example');
    expect(notes.guest).toEqual({
      userPrincipalName: guest.userPrincipalName,
      sentAs: 'bob@partner.example',
    });
    const preview = runPreview({
      users: [guest],
      scope: { version: 1, scope: 'allUsers', filters: [] },
      mapping: GALLERY_DEFAULT_CONFIG,
    });
    expect(preview.rows[0]!.notes.join(' ')).toContain(
      'Entra reads [userPrincipalName] as bob@partner.example',
    );
  });
  it('HOW: originalUserPrincipalName as the source keeps the full guest UPN', () => {
    const guest = user('bob_partner.example#EXT#@contoso.onmicrosoft.com');
    const mapping = compileMapping({
      version: 1,
      mappings: [
        { ...base[0]!, type: 'Direct', source: 'originalUserPrincipalName' } as never,
        ...base.slice(1),
      ],
    });
    const built = mapping.build(guest, { operation: 'create', isSoftDeleted: false });
    expect(built.resource.userName).toBe('bob_partner.example#EXT#@contoso.onmicrosoft.com');
    expect(built.notes.guest).toBeUndefined();
  });
});

describe('FUNC: volatile functions in a body', () => {
  it('FUNC: Guid() in a mapping uses the run’s seed, repeats per user, and the preview marks it', () => {
    const clock = fixedEvaluationClock(new Date(Date.UTC(2026, 11, 1, 21, 0, 0)), 'seed-1');
    const mapping = compileMapping(
      config({ type: 'Expression', expression: 'Guid()', target: 'externalId', apply: 'Always' }),
      undefined,
      { clock },
    );
    const bob = user('bob@contoso.example');
    const first = mapping.build(bob, { operation: 'create', isSoftDeleted: false });
    expect(mapping.build(bob, { operation: 'create', isSoftDeleted: false }).resource.externalId).toBe(
      first.resource.externalId,
    );
    expect(first.notes.volatile).toMatchObject({
      functions: ['Guid'],
      targets: ['externalId'],
      seed: 'seed-1',
      now: '12/1/2026 9:00:00 PM',
    });
    const problems = validateMappingConfig(
      config({ type: 'Expression', expression: 'Guid()', target: 'externalId', apply: 'Always' }),
    );
    expect(
      problems.some(
        (problem) => problem.severity === 'warning' && problem.message.includes('fixed clock and seed'),
      ),
    ).toBe(true);
  });
});

describe('SCIM-DEV: the matching attribute Test Connection filters on', () => {
  it('SCIM-DEV: the mapping with matching precedence 1 (userName when none is marked)', () => {
    expect(matchingAttributeOf(GALLERY_DEFAULT_CONFIG)).toBe('userName');
    const byExternalId = config({
      type: 'Direct',
      source: 'objectId',
      target: 'externalId',
      apply: 'Always',
    });
    byExternalId.mappings[0] = { ...byExternalId.mappings[0]!, matchingPrecedence: 2 };
    byExternalId.mappings[4] = { ...byExternalId.mappings[4]!, matchingPrecedence: 1 };
    expect(matchingAttributeOf(byExternalId)).toBe('externalId');
    expect(matchingAttributeOf({ version: 1, mappings: [] })).toBe('userName');
  });
});

describe('FUNC: one clock per run', () => {
  it('FUNC: two compilations in one run (two dry-run cycles) give a user the same Guid(), so an unchanged user does not look changed', () => {
    const guid = config({ type: 'Expression', expression: 'Guid()', target: 'externalId', apply: 'Always' });
    const bob = user('bob@contoso.example');
    const first = compileMapping(guid).build(bob, { operation: 'update', isSoftDeleted: false });
    const second = compileMapping(guid).build(bob, { operation: 'update', isSoftDeleted: false });
    expect(second.resource.externalId).toBe(first.resource.externalId);
    expect(second.notes.volatile?.seed).toBe(first.notes.volatile?.seed);
  });
});

describe('MAP: the complex app-role functions against Jostle', () => {
  it('MAP: AssertiveAppRoleAssignmentsComplex needs a multi-valued roles attribute, which Jostle does not have', () => {
    const problems = validateMappingConfig(
      config({
        type: 'Expression',
        expression: 'AssertiveAppRoleAssignmentsComplex([appRoleAssignments])',
        target: 'userType',
        apply: 'Always',
      }),
    );
    expect(problems.map((problem) => problem.message).join(' ')).toContain(
      'use SingleAppRoleAssignment for one role',
    );
  });
});
