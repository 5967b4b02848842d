import { describe, expect, it } from 'vitest';
import {
  compileScope,
  SCOPING_OPERATORS,
  type ScopingClause,
  type ScopingOperator,
} from '../../shared/scoping';
import type { SourceUser, SourceValue } from '../../shared/source-data';

function user(attributes: Record<string, SourceValue>): SourceUser {
  return { objectId: 'id-1', userPrincipalName: 'u@contoso.example', attributes };
}

/** Whether one clause lets a user with `attribute: value` through, under "Sync all". */
function passes(
  operator: ScopingOperator,
  value: SourceValue,
  clauseValue?: string,
  attribute = 'department',
): boolean {
  const clause: ScopingClause = {
    attribute,
    operator,
    ...(clauseValue === undefined ? {} : { value: clauseValue }),
  };
  const scope = compileScope({ version: 1, scope: 'allUsers', filters: [{ title: 't', clauses: [clause] }] });
  return scope.evaluate(user({ [attribute]: value })).inScope;
}

describe('each scoping operator', () => {
  it.each<[ScopingOperator, SourceValue, string | undefined, boolean]>([
    // & : the attribute value occurs in the clause's input string.
    ['&', 'Sales', 'Sales,Marketing', true],
    ['&', 'Legal', 'Sales,Marketing', false],
    ['&', 'sales', 'Sales,Marketing', false],
    ['!&', 'Legal', 'Sales,Marketing', true],
    ['!&', 'Sales', 'Sales,Marketing', false],
    ['ENDS_WITH', 'Field Sales', 'Sales', true],
    ['ENDS_WITH', 'Field Sales', 'sales', false],
    ['EQUALS', 'Sales', 'Sales', true],
    ['EQUALS', 'sales', 'Sales', false],
    ['EQUALS', 'Sales ', 'Sales', false],
    ['NOT EQUALS', 'Marketing', 'Sales', true],
    ['NOT EQUALS', 'Sales', 'Sales', false],
    ['NOT EQUALS', 'sales', 'Sales', true],
    ['Includes', 'Inside Sales EMEA', 'Sales', true],
    ['Includes', 'Inside sales EMEA', 'Sales', false],
    ['Greater_Than', '1500000', '1000000', true],
    ['Greater_Than', '1000000', '1000000', false],
    ['Greater_Than', '12a', '10', false],
    ['Greater_Than', '9', '10', false],
    ['Greater_Than_OR_EQUALS', '1000000', '1000000', true],
    ['Greater_Than_OR_EQUALS', '-5', '-4', false],
    ['IS TRUE', true, undefined, true],
    ['IS TRUE', false, undefined, false],
    ['IS TRUE', 'TRUE', undefined, true],
    ['IS FALSE', false, undefined, true],
    ['IS FALSE', true, undefined, false],
    ['IS NOT NULL', 'x', undefined, true],
    ['IS NULL', 'x', undefined, false],
    ['REGEX MATCH', 'Team 42', '([1-9][0-9])', true],
    ['REGEX MATCH', 'Team 7', '([1-9][0-9])', false],
    ['REGEX MATCH', 'SALES', '^sales$', false],
    ['NOT REGEX MATCH', 'Team 7', '([1-9][0-9])', true],
    ['NOT REGEX MATCH', 'Team 42', '([1-9][0-9])', false],
  ])('%s on %j with %j → %s', (operator, value, clauseValue, expected) => {
    expect(passes(operator, value, clauseValue)).toBe(expected);
  });

  it.each(SCOPING_OPERATORS.filter((operator) => operator !== 'IS NULL'))(
    '%s is false for a null or empty value',
    (operator) => {
      const clauseValue = operator.startsWith('Greater') ? '1' : operator.startsWith('IS') ? undefined : 'x';
      expect(passes(operator, null, clauseValue)).toBe(false);
      expect(passes(operator, '', clauseValue)).toBe(false);
    },
  );

  it('IS NULL is true exactly for null and empty values', () => {
    expect(passes('IS NULL', null)).toBe(true);
    expect(passes('IS NULL', '')).toBe(true);
    expect(passes('IS NULL', ' ')).toBe(false);
  });

  it('matches Microsoft’s documented UPN-domain example', () => {
    const upn = (value: string) => passes('REGEX MATCH', value, '.*\\@domain.com', 'userPrincipalName');
    expect(upn('ada@domain.com')).toBe(true);
    expect(upn('ada@other.com')).toBe(false);
  });

  it('compares unicode text exactly (no normalisation or case folding)', () => {
    expect(passes('EQUALS', 'Zoë', 'Zoë')).toBe(true);
    expect(passes('EQUALS', 'Zoe\u0308', 'Zo\u00eb')).toBe(false);
    expect(passes('Includes', 'Müller GmbH', 'MÜLLER')).toBe(false);
  });
});
