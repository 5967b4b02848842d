import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds, MAX_JSON_DEPTH, parseResponseBody } from '../../main/scim/parse-body';

const json = { 'content-type': 'application/scim+json' };

describe('the nesting check before parsing', () => {
  it('refuses a document nested past the limit, however the openers are mixed', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH) + '{"a":1}' + ']'.repeat(MAX_JSON_DEPTH);
    expect(jsonDepthExceeds(deep, MAX_JSON_DEPTH)).toBe(true);
    expect(parseResponseBody(Buffer.from(deep), json).problem?.kind).toBe('tooDeep');
  });

  it('accepts many shallow objects and brackets inside strings', () => {
    const wide = JSON.stringify({
      Resources: Array.from({ length: 500 }, (_, i) => ({ id: `${i}`, v: [i] })),
    });
    expect(jsonDepthExceeds(wide, MAX_JSON_DEPTH)).toBe(false);
    const quoted = JSON.stringify({ text: '{['.repeat(200) });
    expect(jsonDepthExceeds(quoted, MAX_JSON_DEPTH)).toBe(false);
    expect(parseResponseBody(Buffer.from(wide), json).body).toEqual(JSON.parse(wide));
  });

  it('parses the text the caller already decoded', () => {
    const text = '{"userName":"zoë 😀"}';
    expect(parseResponseBody(Buffer.from(text), json, false, text).body).toEqual({ userName: 'zoë 😀' });
  });
});
