import { describe, expect, it } from 'vitest';
import { CORE_USER_SCHEMA, jostleSchemas } from '../../shared/jostle/schema';
import { writeConfirmed } from '../../shared/connection/validation';
import { defaultTargetAttributes } from '../../main/probes';
import { withoutPersonalData } from '../../main/probes/outcome';
import { checkTargetPath, readListResponse, readSchemas } from '../../main/probes/scim-shapes';

const live = readSchemas({ Resources: jostleSchemas }) ?? [];

describe('checkTargetPath', () => {
  it('finds every gallery default in Jostle’s own schema', () => {
    expect(defaultTargetAttributes()).toHaveLength(10);
    for (const path of defaultTargetAttributes())
      expect(checkTargetPath(path, live, CORE_USER_SCHEMA)).toEqual({ ok: true });
  });
  it('compares names case-insensitively', () => {
    expect(checkTargetPath('NAME.GivenName', live, CORE_USER_SCHEMA).ok).toBe(true);
    expect(
      checkTargetPath(
        'urn:ietf:params:scim:schemas:extension:jostle:2.0:User:ALTERNATEEMAIL1LABEL',
        live,
        CORE_USER_SCHEMA,
      ).ok,
    ).toBe(true);
  });
  it('names what is missing', () => {
    expect(checkTargetPath('manager', live, CORE_USER_SCHEMA)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no attribute manager'),
    });
    expect(checkTargetPath('name.middleName', live, CORE_USER_SCHEMA)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('middleName'),
    });
    expect(
      checkTargetPath(
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
        live,
        CORE_USER_SCHEMA,
      ),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('enterprise:2.0:User is not in /Schemas'),
    });
  });
  it('warns about a type value outside the canonical values', () => {
    expect(checkTargetPath('emails[type eq "other"].value', live, CORE_USER_SCHEMA)).toMatchObject({
      ok: true,
      warning: expect.stringContaining('other'),
    });
  });
});

describe('helpers', () => {
  it('reads ListResponses and rejects other bodies', () => {
    expect(
      readListResponse({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: 0,
        Resources: [],
      }),
    ).toMatchObject({
      hasListSchema: true,
      totalResults: 0,
    });
    expect(readListResponse({ Resources: [] })).toBeUndefined();
    expect(readListResponse('x')).toBeUndefined();
  });
  it('keeps the probe user whole and strips other users', () => {
    const body = {
      totalResults: 2,
      Resources: [
        { id: '1', userName: 'jane@corp.com', name: { givenName: 'Jane' } },
        { id: '2', userName: 'jpa-probe-ab@example.invalid' },
      ],
    };
    expect(JSON.stringify(withoutPersonalData(body))).not.toContain('jane');
    expect(JSON.stringify(withoutPersonalData(body))).toContain('jpa-probe-ab@example.invalid');
  });
  it('allows writes on loopback, elsewhere only with the host typed back', () => {
    expect(writeConfirmed('http://127.0.0.1:3000/scim2', undefined)).toBe(true);
    expect(writeConfirmed('https://api-prod.jostle.us/scim2', undefined)).toBe(false);
    expect(writeConfirmed('https://api-prod.jostle.us/scim2', 'jostle.us')).toBe(false);
    expect(writeConfirmed('https://api-prod.jostle.us/scim2', ' API-PROD.jostle.us ')).toBe(true);
  });
});
