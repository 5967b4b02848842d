/**
 * Checks a scope configuration the way Entra's editor would refuse it, before any user is evaluated:
 * unknown or unscopable attributes, missing values, non-integer Greater_Than values, invalid regexes.
 */
import { compileDotNetRegex } from '../expressions/regex';
import { findSourceAttribute } from '../source-data/entra-attributes';
import { scopeConfigSchema, UNARY_OPERATORS, type ScopeConfig, type ScopingClause } from './model';

export interface ScopeProblem {
  severity: 'error' | 'warning';
  message: string;
  /** Position of the clause in the configuration; absent for problems with the file as a whole. */
  filterIndex?: number;
  clauseIndex?: number;
}

function clauseProblems(clause: ScopingClause): Array<Omit<ScopeProblem, 'filterIndex' | 'clauseIndex'>> {
  const attribute = findSourceAttribute(clause.attribute);
  if (!attribute) return [{ severity: 'error', message: `Unknown source attribute "${clause.attribute}"` }];
  if (attribute.name === 'IsSoftDeleted') {
    return [
      {
        severity: 'error',
        message: 'IsSoftDeleted is computed by the provisioning service and cannot be scoped on',
      },
    ];
  }
  if (attribute.notScopable)
    return [{ severity: 'error', message: `${attribute.name}: ${attribute.notScopable}` }];
  const problems: Array<Omit<ScopeProblem, 'filterIndex' | 'clauseIndex'>> = [];
  const unary = UNARY_OPERATORS.includes(clause.operator);
  const value = clause.value ?? '';
  if (unary && value !== '') {
    problems.push({
      severity: 'warning',
      message: `${clause.operator} takes no value; "${value}" is ignored`,
    });
  }
  if (!unary && value === '') {
    problems.push({ severity: 'error', message: `${clause.operator} needs a value to compare with` });
  }
  if ((clause.operator === 'IS TRUE' || clause.operator === 'IS FALSE') && attribute.type !== 'Boolean') {
    problems.push({
      severity: 'warning',
      message: `${attribute.name} is a ${attribute.type}; ${clause.operator} is only true for the text "True"/"False"`,
    });
  }
  if (clause.operator.startsWith('Greater_Than') && value !== '' && !/^-?\d+$/.test(value.trim())) {
    problems.push({ severity: 'error', message: `${clause.operator} needs a whole number, not "${value}"` });
  }
  if (clause.operator.endsWith('REGEX MATCH') && value !== '') {
    try {
      compileDotNetRegex(value);
    } catch (error) {
      problems.push({ severity: 'error', message: (error as Error).message });
    }
  }
  return problems;
}

/** Problems of an already-parsed configuration, each tied to its clause. */
export function validateScopeConfig(config: ScopeConfig): ScopeProblem[] {
  const problems: ScopeProblem[] = [];
  config.filters.forEach((filter, filterIndex) => {
    filter.clauses.forEach((clause, clauseIndex) => {
      for (const problem of clauseProblems(clause)) problems.push({ ...problem, filterIndex, clauseIndex });
    });
  });
  return problems;
}

export type ScopeConfigParseResult =
  { ok: true; config: ScopeConfig; problems: ScopeProblem[] } | { ok: false; problems: ScopeProblem[] };

/** Reads untrusted JSON (a saved file): shape errors from zod, then the semantic checks above. */
export function parseScopeConfig(json: unknown): ScopeConfigParseResult {
  const parsed = scopeConfigSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        severity: 'error',
        message: `${issue.path.length ? issue.path.join('.') : 'scope'}: ${issue.message}`,
        ...(issue.path[0] === 'filters' && typeof issue.path[1] === 'number'
          ? { filterIndex: issue.path[1] }
          : {}),
        ...(issue.path[2] === 'clauses' && typeof issue.path[3] === 'number'
          ? { clauseIndex: issue.path[3] }
          : {}),
      })),
    };
  }
  const problems = validateScopeConfig(parsed.data);
  return problems.some((problem) => problem.severity === 'error')
    ? { ok: false, problems }
    : { ok: true, config: parsed.data, problems };
}
