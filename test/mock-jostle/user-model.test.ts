import { describe, expect, it } from 'vitest';
import { JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import { normalizeUserBody } from '../../main/mock-jostle/user-model';

/*
 * The messages a bad POST/PUT body gets name the value exactly (`emails[1].type`), as Entra's provisioning log
 * shows them to the admin. The names are built only when a message needs them, so these pin every shape.
 */
const base = { userName: 'ana@example.com', name: { givenName: 'Ana', familyName: 'Lee' } };

function detailFor(body: Record<string, unknown>): string {
  try {
    normalizeUserBody(body);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('normalizeUserBody accepted the body');
}

describe('normalizeUserBody error messages', () => {
  it('names a top-level value, a sub-attribute and an entry of a list', () => {
    expect(detailFor({ ...base, active: 'yes' })).toBe(
      `Attribute 'active' must be a boolean (true/false or "True"/"False").`,
    );
    expect(detailFor({ ...base, title: 7 })).toBe(`Attribute 'title' must be a string.`);
    expect(detailFor({ ...base, name: 'Ana Lee' })).toBe(`Attribute 'name' must be an object.`);
    expect(detailFor({ ...base, name: { givenName: 3, familyName: 'Lee' } })).toBe(
      `Attribute 'name.givenName' must be a string.`,
    );
    expect(detailFor({ ...base, emails: [{ value: 'a@example.com' }, 'b@example.com'] })).toBe(
      `Attribute 'emails[1]' must be an object.`,
    );
    expect(detailFor({ ...base, emails: [{ value: 'a@example.com', primary: 'maybe' }] })).toBe(
      `Attribute 'emails[0].primary' must be a boolean (true/false or "True"/"False").`,
    );
    expect(detailFor({ ...base, emails: { value: 'a@example.com', type: 'Home' } })).toMatch(
      /^Attribute 'emails\[0\]\.type' is "Home"; Jostle accepts only /,
    );
    expect(
      detailFor({
        ...base,
        emails: [
          { value: 'a@example.com', type: 'WORK' },
          { value: 'b', type: 'work' },
        ],
      }),
    ).toBe(`Attribute 'emails' has more than one entry of type "work".`);
  });

  it('names extension attributes under the extension URN and reports what is missing', () => {
    expect(detailFor({ ...base, [JOSTLE_USER_EXTENSION]: 'x' })).toBe(
      `Attribute '${JOSTLE_USER_EXTENSION}' must be an object.`,
    );
    expect(detailFor({ userName: 'ana@example.com', name: { givenName: 'Ana', familyName: ' ' } })).toBe(
      `Required attribute 'name.familyName' is missing or empty.`,
    );
    expect(detailFor({ ...base, nickname2: 'x' })).toMatch(
      /^Attribute 'nickname2' is not in Jostle's schema/,
    );
  });

  it('keeps what it accepts: canonical case-insensitive types, string booleans, unknown sub-attributes dropped', () => {
    const data = normalizeUserBody({
      ...base,
      USERNAME: 'ana@example.com',
      name: { givenName: 'Ana', familyName: 'Lee', formatted: 'Ana Lee' },
      active: 'False',
      emails: [{ value: 'a@example.com', type: 'WORK', display: 'x', primary: 'true' }, null],
      roles: [],
    });
    expect(data).toEqual({
      userName: 'ana@example.com',
      name: { givenName: 'Ana', familyName: 'Lee' },
      active: false,
      emails: [{ value: 'a@example.com', type: 'WORK', primary: true }],
    });
  });
});
