import fc from 'fast-check';
import SCIMMY from 'scimmy';
import { describe, expect, it } from 'vitest';
import { parseUserNameFilter } from '../../main/mock-jostle/filter';

/*
 * The userName filter's fast path (Entra's exact `userName eq "…"` shape) against the two references it
 * must agree with: JSON's reading of the quoted value (RFC 7644 §3.4.2.2: compValue is a JSON string) and
 * SCIMMY's parse of the same filter wherever SCIMMY reads the value right (no escapes).
 */
const outcome = (run: () => string): { value: string } | { error: string } => {
  try {
    return { value: run() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

function scimmyValue(filter: string): unknown {
  const [expression] = new SCIMMY.Types.Filter(filter) as unknown as Array<Record<string, unknown[]>>;
  const [comparison] = Object.values(expression!);
  return comparison![1];
}

describe('parseUserNameFilter', () => {
  it('reads a value as JSON does, escapes and control characters included', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }).filter((s) => !/["\\]/.test(s)),
      fc.constantFrom(
        '\\"',
        '\\\\',
        '\\/',
        '\\n',
        '\\u00e9',
        '\\ud83d\\ude00',
        '\\x',
        '\\',
        '\u0001',
        '\t',
        'é',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 5 }),
        fc.constantFrom('userName', 'USERNAME'),
        (parts, name) => {
          const literal = `"${parts.join('')}"`;
          const ours = outcome(() => parseUserNameFilter(`${name} eq ${literal}`));
          const json = outcome(() => {
            const value: unknown = JSON.parse(literal);
            if (typeof value !== 'string') throw new Error('not a string');
            return value;
          });
          if ('value' in json) expect(ours).toEqual(json);
          // A raw control character is no JSON string: refused, not read as its characters.
          else if (!literal.includes('\\')) expect(ours).toHaveProperty('error');
        },
      ),
      { numRuns: 400 },
    );
  });

  it("agrees with SCIMMY's value for plain values, as Entra sends them", () => {
    const plain = fc.stringMatching(/^[A-Za-z0-9._@+'#-]{1,40}$/);
    fc.assert(
      fc.property(plain, fc.constantFrom(' ', '  '), (value, gap) => {
        const filter = `userName${gap}eq${gap}"${value}"`;
        expect(parseUserNameFilter(filter)).toBe(scimmyValue(filter));
      }),
      { numRuns: 300 },
    );
    expect(parseUserNameFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.example"')).toBe(
      'a@b.example',
    );
  });

  it('refuses every other shape with invalidFilter', () => {
    for (const filter of [
      'userName eq a',
      'displayName eq "a"',
      'userName ne "a"',
      'userName eq "a" or userName eq "b"',
      'userName eq "a',
    ])
      expect(() => parseUserNameFilter(filter)).toThrow(
        expect.objectContaining({ status: 400, scimType: 'invalidFilter' }),
      );
  });
});
