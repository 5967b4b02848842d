/**
 * Decides for each user whether Entra would consider them in scope, and says why: the assignment that let
 * them in or kept them out, and the scoping-filter clause that decided.
 */
import { compileDotNetRegex } from '../expressions/regex';
import { ORIGINAL_UPN } from '../source-data/guest-upn';
import { findSourceAttribute } from '../source-data/entra-attributes';
import type { SourceUser, SourceValue } from '../source-data/source-user';
import type { AssignmentIndex, UserAssignment } from './assignments';
import { describeClause, type ScopeConfig, type ScopingClause } from './model';

export interface ClauseOutcome {
  filterIndex: number;
  clauseIndex: number;
  /** `department EQUALS "Sales"`. */
  clause: string;
  result: boolean;
  /** The source attribute the clause reads and this user's value of it (null when empty). */
  attribute: string;
  value: string | null;
}

export interface ScopeDecision {
  inScope: boolean;
  /** One sentence for the preview table's "decided by" column. */
  decidedBy: string;
  assignment: 'direct' | 'group' | 'direct-and-group' | 'not-assigned' | 'sync-all';
  viaGroups: readonly string[];
  appRoles: readonly string[];
  /**
   * For a filter pass: the first filter whose clauses were all true. For a filter fail: the first false
   * clause of every filter. Empty when no filters ran.
   */
  clauses: readonly ClauseOutcome[];
}

type ClauseTest = (value: string) => boolean;

// Shared empty lists: most decisions have no groups or clauses, and previews hold 100,000 decisions.
const NONE: readonly string[] = Object.freeze([]);
const NO_CLAUSES: readonly ClauseOutcome[] = Object.freeze([]);

const isInteger = (text: string) => /^-?\d+$/.test(text.trim());

/** Builds the test for one clause; null/empty values never reach it (they make the clause false). */
function clauseTest(clause: ScopingClause): ClauseTest {
  const expected = clause.value ?? '';
  switch (clause.operator) {
    case '&':
      // Microsoft: true "if the evaluated attribute exists in the input string value".
      return (value) => expected.includes(value);
    case '!&':
      return (value) => !expected.includes(value);
    case 'ENDS_WITH':
      return (value) => value.endsWith(expected);
    case 'EQUALS':
      return (value) => value === expected;
    case 'NOT EQUALS':
      return (value) => value !== expected;
    case 'Includes':
      return (value) => value.includes(expected);
    case 'Greater_Than':
      return (value) => isInteger(value) && isInteger(expected) && Number(value) > Number(expected);
    case 'Greater_Than_OR_EQUALS':
      return (value) => isInteger(value) && isInteger(expected) && Number(value) >= Number(expected);
    case 'IS TRUE':
      return (value) => value.trim().toLowerCase() === 'true';
    case 'IS FALSE':
      return (value) => value.trim().toLowerCase() === 'false';
    case 'IS NOT NULL':
      return () => true;
    case 'IS NULL':
      return () => false;
    case 'REGEX MATCH': {
      const regex = compileDotNetRegex(expected);
      return (value) => regex.test(value);
    }
    case 'NOT REGEX MATCH': {
      const regex = compileDotNetRegex(expected);
      return (value) => !regex.test(value);
    }
  }
}

function scalar(value: SourceValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return null; // Entra does not filter on multi-valued attributes.
  return value === '' ? null : (value as string);
}

interface CompiledClause {
  attribute: string;
  text: string;
  isNull: boolean;
  test: ClauseTest;
}

export interface CompiledScope {
  evaluate(user: SourceUser, assignments?: AssignmentIndex): ScopeDecision;
  /** Every source attribute `evaluate` reads from `user.attributes`. */
  readonly attributes: readonly string[];
}

/**
 * Compiles a validated configuration once (regexes included) so evaluating 100,000 users stays cheap.
 * Throws on an invalid regex: run validateScopeConfig first to get the problem as data.
 */
export function compileScope(config: ScopeConfig): CompiledScope {
  const filters: CompiledClause[][] = config.filters.map((filter) =>
    filter.clauses.map((clause) => ({
      attribute: findSourceAttribute(clause.attribute)?.name ?? clause.attribute,
      text: describeClause(clause),
      isNull: clause.operator === 'IS NULL',
      test: clauseTest(clause),
    })),
  );
  const titles = config.filters.map((filter, index) => filter.title || `filter ${index + 1}`);
  const passSentences = titles.map((title) => `passes ${title}`);

  const runFilters = (
    user: SourceUser,
  ): { pass: boolean; clauses: readonly ClauseOutcome[]; sentence: string } => {
    if (filters.length === 0) return { pass: true, clauses: NO_CLAUSES, sentence: 'no scoping filters' };
    const failures: ClauseOutcome[] = [];
    for (let filterIndex = 0; filterIndex < filters.length; filterIndex += 1) {
      const clauses = filters[filterIndex]!;
      const outcomes: ClauseOutcome[] = [];
      let failed: ClauseOutcome | undefined;
      for (let clauseIndex = 0; clauseIndex < clauses.length; clauseIndex += 1) {
        const clause = clauses[clauseIndex]!;
        const value = scalar(
          clause.attribute === ORIGINAL_UPN
            ? (user.attributes.userPrincipalName ?? user.userPrincipalName)
            : user.attributes[clause.attribute],
        );
        // A null or empty value makes every clause false, except IS NULL which asks exactly that.
        let result: boolean;
        try {
          result = value === null ? clause.isNull : clause.test(value);
        } catch (error) {
          // A regex the preview cannot run as .NET would on this value: say so rather than guess.
          const reason = `${clause.text} cannot be decided: ${(error as Error).message}`;
          return {
            pass: false,
            clauses: [
              {
                filterIndex,
                clauseIndex,
                clause: clause.text,
                result: false,
                attribute: clause.attribute,
                value,
              },
            ],
            sentence: reason,
          };
        }
        const outcome = {
          filterIndex,
          clauseIndex,
          clause: clause.text,
          result,
          attribute: clause.attribute,
          value,
        };
        outcomes.push(outcome);
        if (!result) {
          failed = outcome;
          break; // Clauses are AND-ed: the first false one decides this filter.
        }
      }
      if (!failed) {
        return { pass: true, clauses: outcomes, sentence: passSentences[filterIndex]! };
      }
      failures.push(failed);
    }
    const first = failures[0]!;
    const sentence =
      failures.length === 1
        ? `fails ${titles[0]}: ${first.clause} is false`
        : `fails all ${failures.length} filters (first: ${first.clause} is false)`;
    return { pass: false, clauses: failures, sentence };
  };

  // Most users share one of a few sentences; keeping one copy of each saves memory on large previews, and
  // finding it by its two parts (each already one shared string) saves joining them for every user.
  const sentences = new Map<string, Map<string, string>>();
  let sentenceCount = 0;
  const decidedBy = (how: string, sentence: string): string => {
    let byFilter = sentences.get(how);
    const known = byFilter?.get(sentence);
    if (known !== undefined) return known;
    const joined = `${how}; ${sentence}`;
    if (sentenceCount < 10_000) {
      if (byFilter === undefined) sentences.set(how, (byFilter = new Map()));
      byFilter.set(sentence, joined);
      sentenceCount += 1;
    }
    return joined;
  };
  // Assignments share their group lists (assignments.ts), so the sentence naming the groups is made once each.
  const viaSentences = new WeakMap<readonly string[], { group: string; both: string }>();
  const assignedVia = (viaGroups: readonly string[]): { group: string; both: string } => {
    let known = viaSentences.get(viaGroups);
    if (known === undefined) {
      const names = viaGroups.join(', ');
      known = { group: `assigned via ${names}`, both: `assigned directly and via ${names}` };
      viaSentences.set(viaGroups, known);
    }
    return known;
  };

  const attributes = [
    ...new Set(
      filters
        .flat()
        .map((clause) => (clause.attribute === ORIGINAL_UPN ? 'userPrincipalName' : clause.attribute)),
    ),
  ];

  return {
    attributes,
    evaluate(user, assignments) {
      let assignment: UserAssignment | undefined;
      let kind: ScopeDecision['assignment'] = 'sync-all';
      if (config.scope === 'assignedOnly') {
        assignment = assignments?.lookup(user);
        kind = !assignment
          ? 'not-assigned'
          : assignment.direct && assignment.viaGroups.length > 0
            ? 'direct-and-group'
            : assignment.direct
              ? 'direct'
              : 'group';
      }
      const viaGroups = assignment?.viaGroups ?? NONE;
      const appRoles = assignment?.appRoles ?? NONE;
      if (kind === 'not-assigned') {
        return {
          inScope: false,
          decidedBy: 'not assigned to the app (directly or through an assigned group)',
          assignment: kind,
          viaGroups,
          appRoles,
          clauses: NO_CLAUSES,
        };
      }
      const filterResult = runFilters(user);
      const how =
        kind === 'sync-all'
          ? 'sync all users'
          : kind === 'group'
            ? assignedVia(viaGroups).group
            : kind === 'direct'
              ? 'assigned directly'
              : assignedVia(viaGroups).both;
      return {
        inScope: filterResult.pass,
        decidedBy: filterResult.clauses.length === 0 ? how : decidedBy(how, filterResult.sentence),
        assignment: kind,
        viaGroups,
        appRoles,
        clauses: filterResult.clauses,
      };
    },
  };
}
