/**
 * SCOPE's REGEX MATCH / NOT REGEX MATCH run on .NET in Entra (audit D9): the same translation as Replace.
 */
import { describe, expect, it } from 'vitest';
import { compileScope, validateScopeConfig, type ScopeConfig } from '../../shared/scoping';
import type { SourceUser } from '../../shared/source-data';

const config = (
  operator: 'REGEX MATCH' | 'NOT REGEX MATCH',
  value: string,
  attribute = 'department',
): ScopeConfig => ({
  version: 1,
  scope: 'allUsers',
  filters: [{ title: 'by regex', clauses: [{ attribute, operator, value }] }],
});
const user = (attributes: Record<string, string>): SourceUser => ({
  objectId: 'id-1',
  userPrincipalName: 'u@contoso.example',
  attributes: { userPrincipalName: 'u@contoso.example', ...attributes },
});
const decide = (scope: ScopeConfig, attributes: Record<string, string>) =>
  compileScope(scope).evaluate(user(attributes));

describe('SCOPE: REGEX MATCH with .NET semantics', () => {
  it('SCOPE + .NET: (?i) makes REGEX MATCH case-insensitive instead of being refused', () => {
    expect(validateScopeConfig(config('REGEX MATCH', '(?i)^sales$'))).toEqual([]);
    expect(decide(config('REGEX MATCH', '(?i)^sales$'), { department: 'SALES' }).inScope).toBe(true);
  });
  it('SCOPE + .NET: \\p{Lu} is an upper-case letter, as .NET reads it', () => {
    expect(decide(config('REGEX MATCH', '^\\p{Lu}'), { department: 'Sales' }).inScope).toBe(true);
    expect(decide(config('NOT REGEX MATCH', '^\\p{Lu}'), { department: 'sales' }).inScope).toBe(true);
  });
  it('SCOPE + .NET: class subtraction and \\A…\\z', () => {
    expect(decide(config('REGEX MATCH', '\\A[a-z-[aeiou]]+\\z'), { department: 'hr' }).inScope).toBe(true);
    expect(decide(config('REGEX MATCH', '\\A[a-z-[aeiou]]+\\z'), { department: 'ops' }).inScope).toBe(false);
  });
  it('SCOPE: a construct the preview cannot translate is a validation error naming it', () => {
    const problems = validateScopeConfig(config('REGEX MATCH', '(?>sales)'));
    expect(problems[0]?.message).toContain('atomic groups');
  });
  it('SCOPE: a value .NET would count differently is not decided silently: the user is out with the reason', () => {
    const decision = decide(config('REGEX MATCH', '^.{2}$'), { department: 'a😀' });
    expect(decision.inScope).toBe(false);
    expect(decision.decidedBy).toContain('cannot be decided');
  });
  it('HOW: originalUserPrincipalName in a filter reads the full guest UPN', () => {
    const guest: SourceUser = {
      objectId: 'g',
      userPrincipalName: 'bob_partner.example#EXT#@contoso.onmicrosoft.com',
      attributes: { userPrincipalName: 'bob_partner.example#EXT#@contoso.onmicrosoft.com' },
    };
    const scope = compileScope(config('REGEX MATCH', '#EXT#', 'originalUserPrincipalName'));
    expect(scope.evaluate(guest).inScope).toBe(true);
  });
});
