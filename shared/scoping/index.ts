export {
  DEFAULT_SCOPE_CONFIG,
  describeClause,
  SCOPING_OPERATORS,
  scopeConfigSchema,
  scopingClauseSchema,
  scopingFilterSchema,
  UNARY_OPERATORS,
} from './model';
export type { ScopeConfig, ScopingClause, ScopingFilter, ScopingOperator } from './model';
export { parseScopeConfig, validateScopeConfig } from './validate';
export type { ScopeConfigParseResult, ScopeProblem } from './validate';
export { compileScope } from './evaluate';
export type { ClauseOutcome, CompiledScope, ScopeDecision } from './evaluate';
export { buildAssignmentIndex } from './assignments';
export type { AssignmentIndex, UserAssignment } from './assignments';
