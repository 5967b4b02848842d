import { describe, expect, it } from 'vitest';
import { analyzeExpression } from '../../shared/expressions';
import { findSourceAttribute } from '../../shared/source-data';

const resolveAttribute = (name: string) => findSourceAttribute(name)?.name;

describe('analyzeExpression', () => {
  it('accepts the default active mapping and reads its attributes', () => {
    const analysis = analyzeExpression('Switch([IsSoftDeleted], , "False", "True", "True", "False")', {
      resolveAttribute,
    });
    expect(analysis.problems).toEqual([]);
    expect(analysis.attributes).toEqual(['IsSoftDeleted']);
    expect(analysis.resultKind).toBe('string');
  });

  it('reports a syntax error with its position', () => {
    const analysis = analyzeExpression('Append([givenName] ".x")');
    expect(analysis.node).toBeNull();
    expect(analysis.problems[0]).toMatchObject({ position: 19 });
  });

  it.each([
    ['Left([givenName])', 'Left takes 2 arguments but has 1'],
    ['Switch([a], "d", "k", "v", "k2")', 'even number of arguments'],
    ['Switch([a], "d", "k")', 'at least 4 arguments'],
    ['Coalesce()', 'at least 1 argument'],
    ['ToLower([givenName], "en-US", "x")', '1 to 2 arguments'],
    ['Now(1)', 'Now takes 0 arguments but has 1'],
    ['Append(SelectUniqueValue("a", "b"), "x")', 'SelectUniqueValue must be the whole expression'],
    [
      'SelectUniqueValue([mail], [userPrincipalName])',
      'Entra does not support it for a SCIM app such as Jostle',
    ],
    ['Frobnicate([givenName])', 'Unknown function "Frobnicate"'],
    ['pcase([givenName])', 'did you mean "PCase"'],
    ['Replace([mail], , "([a-z", , "", , )', 'invalid regular expression'],
    ['Append([givenname], "x")', 'write [givenName]'],
    ['Append([favouriteColour], "x")', 'Unknown source attribute [favouriteColour]'],
  ])('%s → %s', (source, message) => {
    const analysis = analyzeExpression(source, { resolveAttribute });
    expect(analysis.problems.map((problem) => problem.message).join(' | ')).toContain(message);
  });

  it('underlines the offending call', () => {
    const source = 'Join(".", Left([givenName]), [surname])';
    const [problem] = analyzeExpression(source, { resolveAttribute }).problems;
    expect(source.slice(problem!.position, problem!.position + problem!.length)).toBe('Left([givenName])');
  });

  it('infers result kinds for type checks', () => {
    expect(analyzeExpression('Split([a], ",")').resultKind).toBe('list');
    expect(analyzeExpression('IsPresent([a])').resultKind).toBe('boolean');
    expect(analyzeExpression('IIF([a] = "x", "1", "2")').resultKind).toBe('string');
    expect(analyzeExpression('IIF([a] = "x", "1", Split([a], ","))').resultKind).toBe('any');
    expect(analyzeExpression('[a] = "x"').resultKind).toBe('boolean');
  });

  it('accepts directory extension attributes', () => {
    const analysis = analyzeExpression('ToUpper([extension_0123456789abcdef0123456789abcdef_costCentre])', {
      resolveAttribute,
    });
    expect(analysis.problems).toEqual([]);
  });
});
