/** COMPAT "Use the flags in the tenant URL": a Tenant URL ending in ?aadOptscim062020 is accepted and selects that dialect. */
import { describe, expect, it } from 'vitest';
import { checkBaseUrl, dialectOfTenantUrl } from '../../shared/connection/validation';
import { buildRequestUrl, parseBaseUrl } from '../../main/scim/url';

describe('COMPAT: ?aadOptscim062020 in the Tenant URL', () => {
  it('is accepted as pasted, and selects the aadOptscim062020 PATCH format', () => {
    expect(checkBaseUrl('https://acme.jostle.us/scim2/?aadOptscim062020')).toEqual({
      ok: true,
      value: 'https://acme.jostle.us/scim2?aadOptscim062020',
    });
    expect(dialectOfTenantUrl('https://acme.jostle.us/scim2?aadOptscim062020')).toBe('aadOptscim062020');
    expect(dialectOfTenantUrl('https://acme.jostle.us/scim2')).toBe('default');
  });

  it('is not part of the address the requests go to', () => {
    const base = parseBaseUrl('https://acme.jostle.us/scim2?aadOptscim062020');
    expect(base.href).toBe('https://acme.jostle.us/scim2');
    expect(buildRequestUrl(base, '/Users', { filter: 'userName eq "a"' }).href).toBe(
      'https://acme.jostle.us/scim2/Users?filter=userName+eq+%22a%22',
    );
  });

  it('any other query or fragment is still refused, with a specific message', () => {
    const other = checkBaseUrl('https://acme.jostle.us/scim2?foo=1');
    expect(other).toMatchObject({
      ok: false,
      message: expect.stringMatching(/only \?aadOptscim062020 may stay/),
    });
    expect(checkBaseUrl('https://acme.jostle.us/scim2?aadOptscim062020#x').ok).toBe(false);
    expect(() => parseBaseUrl('https://acme.jostle.us/scim2?foo=1')).toThrow(/query/);
  });
});
