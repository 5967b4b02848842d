/**
 * The scope configuration as the app saves it (JSON), with its zod schema so the app and the CLI can
 * validate a file before using it. Mirrors Entra's Settings > Scope plus Source object scope filters.
 */
import { z } from 'zod';

/** Every operator of Entra's scoping-filter editor (reference §10, SCOPE). */
export const SCOPING_OPERATORS = [
  '&',
  '!&',
  'ENDS_WITH',
  'EQUALS',
  'Greater_Than',
  'Greater_Than_OR_EQUALS',
  'Includes',
  'IS FALSE',
  'IS NOT NULL',
  'IS NULL',
  'IS TRUE',
  'NOT EQUALS',
  'NOT REGEX MATCH',
  'REGEX MATCH',
] as const;

export type ScopingOperator = (typeof SCOPING_OPERATORS)[number];

/** Operators that test the attribute alone and take no value. */
export const UNARY_OPERATORS: readonly ScopingOperator[] = ['IS FALSE', 'IS NOT NULL', 'IS NULL', 'IS TRUE'];

export const scopingClauseSchema = z.object({
  /** Entra source attribute name, e.g. "department". */
  attribute: z.string().min(1),
  operator: z.enum(SCOPING_OPERATORS),
  /** The "Attribute Value" box; omitted for IS TRUE / IS FALSE / IS NULL / IS NOT NULL. */
  value: z.string().optional(),
});

export const scopingFilterSchema = z.object({
  /** "Scoping Filter Title". */
  title: z.string().default(''),
  /** AND-ed. */
  clauses: z.array(scopingClauseSchema).min(1, 'A scoping filter needs at least one clause'),
});

export const scopeConfigSchema = z.object({
  version: z.literal(1),
  /**
   * Settings > Scope: "Sync only assigned users and groups" (the Jostle tutorial's choice) or
   * "Sync all users and groups".
   */
  scope: z.enum(['assignedOnly', 'allUsers']),
  /** OR-ed; an empty list lets everyone through. */
  filters: z.array(scopingFilterSchema).default([]),
});

export type ScopingClause = z.infer<typeof scopingClauseSchema>;
export type ScopingFilter = z.infer<typeof scopingFilterSchema>;
export type ScopeConfig = z.infer<typeof scopeConfigSchema>;

/** The tutorial's recommendation: assigned users and groups, no attribute filters. */
export const DEFAULT_SCOPE_CONFIG: ScopeConfig = { version: 1, scope: 'assignedOnly', filters: [] };

/** A clause as a sentence, for "decided by" columns: `department EQUALS "Sales"`. */
export function describeClause(clause: ScopingClause): string {
  return UNARY_OPERATORS.includes(clause.operator)
    ? `${clause.attribute} ${clause.operator}`
    : `${clause.attribute} ${clause.operator} ${JSON.stringify(clause.value ?? '')}`;
}
