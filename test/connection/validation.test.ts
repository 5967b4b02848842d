import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkApiKey, checkBaseUrl } from '../../shared/connection/validation';

describe('Base URL check', () => {
  it.each([
    ['https://acme.jostle.us/scim2', 'https://acme.jostle.us/scim2'],
    ['  https://acme.jostle.us/scim2/  ', 'https://acme.jostle.us/scim2'],
    ['http://127.0.0.1:8123/scim2', 'http://127.0.0.1:8123/scim2'],
    ['http://localhost:9000/scim2', 'http://localhost:9000/scim2'],
    ['https://acme.jostle.us/scim2\r\n', 'https://acme.jostle.us/scim2'],
  ])('accepts %s', (input, normalised) => {
    expect(checkBaseUrl(input)).toEqual({ ok: true, value: normalised });
  });

  it.each([
    ['', /Paste the Base URL/],
    ['acme.jostle.us/scim2', /not a URL/],
    ['http://acme.jostle.us/scim2', /https/],
    ['ftp://acme.jostle.us/scim2', /https/],
    ['https://acme.jostle.us/sc im2', /space/],
    ['https://user:pw@acme.jostle.us/scim2', /user name or password/],
    ['https://acme.jostle.us/scim2?x=1', /after \?/],
    ['https://acme.jostle.us/\nscim2', /line break/],
  ])('refuses %j with a specific message', (input, message) => {
    const result = checkBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('API key check', () => {
  it('accepts a long printable token', () => {
    expect(checkApiKey('a1B2c3D4e5F6g7H8i9J0-_.~')).toEqual({ ok: true, value: 'a1B2c3D4e5F6g7H8i9J0-_.~' });
  });

  it.each([
    ['', /Paste the API key/],
    ['abcdefgh\r\nijklmnopq', /line break/],
    ['   ', /Paste the API key/],
    ['abcdefgh ijklmnopq', /space/],
    ['Bearer abcdefghijklmnopqrstu', /Bearer/],
    ['short', /too short/],
    ['x'.repeat(3000), /too long/],
    ['abcdefghijklmnopqé', /characters/],
  ])('refuses %j', (input, message) => {
    const result = checkApiKey(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('never accepts a value with whitespace inside, whatever else it holds', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((text) => text.trim() === text && text !== ''),
        fc.constantFrom(' ', '\n', '\r', '\t'),
        fc.string({ minLength: 1 }).filter((text) => text.trim() === text && text !== ''),
        (before, blank, after) => {
          expect(checkApiKey(`${before}${blank}${after}`).ok).toBe(false);
        },
      ),
    );
  });

  it('removes blanks and line breaks around the key, as around the Base URL', () => {
    const key = 'a1B2c3D4e5F6g7H8i9J0';
    for (const pasted of [` ${key}`, `${key} `, `${key}\r\n`, `\t${key}\n`]) {
      expect(checkApiKey(pasted)).toEqual({ ok: true, value: key });
    }
  });
});
