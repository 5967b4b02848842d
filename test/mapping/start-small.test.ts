import { describe, expect, it } from 'vitest';
import { isGuest, StartSmallPicker } from '../../shared/mapping/start-small-picks';

const pick = (users: Array<[string, unknown?]>) => {
  const picker = new StartSmallPicker();
  for (const [upn, userType] of users) picker.offer(upn, userType);
  return picker.picked();
};

describe('Start small', () => {
  it('recommends ordinary members before a guest, in import order', () => {
    expect(
      pick([
        ['partner_fabrikam.com#EXT#@contoso.onmicrosoft.com'],
        ['ada@contoso.com', 'Member'],
        ['vendor@contoso.com', 'Guest'],
        ['bob@contoso.com'],
        ['cy@contoso.com'],
      ]),
    ).toEqual(['ada@contoso.com', 'bob@contoso.com']);
  });

  it('falls back to a guest only when there are not two members', () => {
    expect(pick([['partner_fabrikam.com#EXT#@contoso.onmicrosoft.com'], ['ada@contoso.com']])).toEqual([
      'ada@contoso.com',
      'partner_fabrikam.com#EXT#@contoso.onmicrosoft.com',
    ]);
    expect(pick([])).toEqual([]);
  });

  it('knows a guest by #EXT# in the name or by userType Guest', () => {
    expect(isGuest('x_y.com#ext#@t.onmicrosoft.com', undefined)).toBe(true);
    expect(isGuest('v@contoso.com', 'guest')).toBe(true);
    expect(isGuest('ada@contoso.com', 'Member')).toBe(false);
  });
});
