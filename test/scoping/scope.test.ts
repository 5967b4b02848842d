import { describe, expect, it } from 'vitest';
import {
  buildAssignmentIndex,
  compileScope,
  parseScopeConfig,
  validateScopeConfig,
  type ScopeConfig,
  type ScopeDecision,
  type ScopingClause,
} from '../../shared/scoping';
import type { AssignmentList, SourceUser } from '../../shared/source-data';

const person = (
  objectId: string,
  userPrincipalName: string,
  attributes: Record<string, string | null>,
): SourceUser => ({
  objectId,
  userPrincipalName,
  attributes: { objectId, userPrincipalName, ...attributes },
});

const people: SourceUser[] = [
  person('1', 'ada@contoso.example', { department: 'Engineering', country: 'GB', employeeId: '1500000' }),
  person('2', 'zoe@contoso.example', { department: 'Sales', country: 'DE', employeeId: '900' }),
  person('3', 'jose@contoso.example', { department: 'Sales', country: 'US', employeeId: null }),
  person('4', 'nested@contoso.example', { department: 'Sales', country: 'US', employeeId: '1200000' }),
  person('5', 'nobody@contoso.example', { department: 'Legal', country: 'US', employeeId: '1100000' }),
];

const assignments: AssignmentList = {
  users: [{ id: 'ADA@contoso.example', appRole: 'User' }],
  groups: [
    {
      id: 'g-sales',
      displayName: 'Sales',
      memberUsers: ['2', 'jose@contoso.example', 'ghost@contoso.example'],
      memberGroups: ['g-nested'],
      appRole: 'Admin',
    },
    { id: 'g-nested', displayName: 'Nested', memberUsers: ['4'], memberGroups: [], appRole: null },
  ],
};
// g-nested is itself not assigned: only members of assigned groups count, and Entra does not expand nesting.
assignments.groups = assignments.groups.filter((group) => group.id !== 'g-nested');

function decide(config: ScopeConfig): Record<string, ScopeDecision> {
  const index = buildAssignmentIndex(assignments, people);
  const scope = compileScope(config);
  return Object.fromEntries(
    people.map((person) => [person.userPrincipalName.split('@')[0], scope.evaluate(person, index)]),
  );
}

describe('Sync only assigned users and groups', () => {
  const result = decide({ version: 1, scope: 'assignedOnly', filters: [] });

  it('includes direct assignees and immediate members of assigned groups', () => {
    expect(result.ada).toMatchObject({ inScope: true, assignment: 'direct', decidedBy: 'assigned directly' });
    expect(result.zoe).toMatchObject({
      inScope: true,
      assignment: 'group',
      viaGroups: ['Sales'],
      appRoles: ['Admin'],
    });
    expect(result.jose?.inScope).toBe(true);
  });

  it('leaves out members of nested groups and unassigned users', () => {
    expect(result.nested).toMatchObject({ inScope: false, assignment: 'not-assigned' });
    expect(result.nobody?.decidedBy).toContain('not assigned');
  });

  it('reports assignment references that match no user', () => {
    expect(buildAssignmentIndex(assignments, people).unresolved).toEqual(['ghost@contoso.example']);
  });
});

describe('scoping filters', () => {
  const config: ScopeConfig = {
    version: 1,
    scope: 'allUsers',
    filters: [
      {
        title: 'US sales',
        clauses: [
          { attribute: 'department', operator: 'EQUALS', value: 'Sales' },
          { attribute: 'country', operator: 'EQUALS', value: 'US' },
        ],
      },
      {
        title: 'Employee range',
        clauses: [{ attribute: 'employeeId', operator: 'Greater_Than_OR_EQUALS', value: '1000000' }],
      },
    ],
  };
  const result = decide(config);

  it('ANDs clauses within a filter and ORs filters', () => {
    expect(result.jose).toMatchObject({ inScope: true, decidedBy: 'sync all users; passes US sales' });
    expect(result.ada).toMatchObject({ inScope: true, decidedBy: 'sync all users; passes Employee range' });
    expect(result.nested?.inScope).toBe(true);
  });

  it('names the clause that decided when every filter fails', () => {
    expect(result.zoe?.inScope).toBe(false);
    expect(result.zoe?.decidedBy).toContain('fails all 2 filters (first: country EQUALS "US" is false)');
    expect(result.zoe?.clauses.map((clause) => [clause.filterIndex, clause.clauseIndex])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('combines with assignment: filters only narrow the assigned users', () => {
    const assigned = decide({ ...config, scope: 'assignedOnly' });
    expect(assigned.nested?.inScope).toBe(false);
    expect(assigned.jose).toMatchObject({ inScope: true, decidedBy: 'assigned via Sales; passes US sales' });
  });
});

describe('validation of scope files', () => {
  it('accepts the saved JSON and fills defaults', () => {
    const result = parseScopeConfig({ version: 1, scope: 'assignedOnly' });
    expect(result).toMatchObject({ ok: true, config: { filters: [] } });
  });

  it('reports shape errors with their path', () => {
    const result = parseScopeConfig({ version: 1, scope: 'everyone', filters: [{ clauses: [] }] });
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.message).join('\n')).toMatch(
      /scope: .*\n.*filters\.0\.clauses/,
    );
  });

  it.each([
    [
      { attribute: 'userType', operator: 'EQUALS', value: 'Member' },
      'userType: Entra does not support scoping',
    ],
    [{ attribute: 'manager', operator: 'IS NOT NULL' }, 'manager: Entra does not support scoping'],
    [
      { attribute: 'appRoleAssignments', operator: 'Includes', value: 'Admin' },
      'appRoleAssignments: Entra does not support',
    ],
    [{ attribute: 'proxyAddresses', operator: 'Includes', value: 'smtp' }, 'multi-valued'],
    [{ attribute: 'createdDateTime', operator: 'IS NOT NULL' }, 'date attributes'],
    [{ attribute: 'IsSoftDeleted', operator: 'IS TRUE' }, 'computed by the provisioning service'],
    [{ attribute: 'shoeSize', operator: 'EQUALS', value: '9' }, 'Unknown source attribute'],
    [{ attribute: 'employeeId', operator: 'Greater_Than', value: '1e6' }, 'needs a whole number'],
    [{ attribute: 'department', operator: 'REGEX MATCH', value: '([' }, 'invalid regular expression'],
    [{ attribute: 'department', operator: 'EQUALS' }, 'needs a value'],
  ] as Array<[ScopingClause, string]>)('refuses %j', (clause, message) => {
    const problems = validateScopeConfig({
      version: 1,
      scope: 'allUsers',
      filters: [{ title: '', clauses: [clause] }],
    });
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', filterIndex: 0, clauseIndex: 0 }),
    ]);
    expect(problems[0]?.message).toContain(message);
  });

  it('warns about a value given to a unary operator and IS TRUE on text', () => {
    const problems = validateScopeConfig({
      version: 1,
      scope: 'allUsers',
      filters: [{ title: '', clauses: [{ attribute: 'department', operator: 'IS TRUE', value: 'x' }] }],
    });
    expect(problems.map((problem) => problem.severity)).toEqual(['warning', 'warning']);
  });

  it('accepts attributes regardless of case, as the Entra drop-down does', () => {
    expect(
      validateScopeConfig({
        version: 1,
        scope: 'allUsers',
        filters: [{ title: '', clauses: [{ attribute: 'Department', operator: 'EQUALS', value: 'Sales' }] }],
      }),
    ).toEqual([]);
  });
});
