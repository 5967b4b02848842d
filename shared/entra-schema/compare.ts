/**
 * "What you tested here" against "what Entra has" (the imported schema): one row per target attribute and
 * one per scoping clause, for the Mappings, Scope and Configure steps and the support export.
 */
import { describeMappingSource, sameMapping } from '../mapping/gallery-diff';
import type { AttributeMapping } from '../mapping/model';
import { describeClause, type ScopingFilter } from '../scoping/model';

export type ComparisonStatus = 'same' | 'changed' | 'only-here' | 'only-in-entra';

export interface MappingComparison {
  target: string;
  status: ComparisonStatus;
  /** The mapping as one line (source, apply, default, matching), or null when that side has none. */
  tested: string | null;
  entra: string | null;
}

export interface ClauseComparison {
  /** 0-based filter and clause positions, as the portal lists them. */
  filterIndex: number;
  clauseIndex: number;
  status: ComparisonStatus;
  tested: string | null;
  entra: string | null;
}

/** One line per mapping, with the fields of Entra's Edit Attribute dialog that differ from its defaults. */
export function describeMapping(mapping: AttributeMapping): string {
  const parts = [`${mapping.type}: ${describeMappingSource(mapping)}`];
  if (mapping.apply === 'OnlyDuringCreation') parts.push('only during creation');
  if (mapping.defaultValue !== undefined) parts.push(`default "${mapping.defaultValue}"`);
  if (mapping.matchingPrecedence !== undefined)
    parts.push(`matching precedence ${mapping.matchingPrecedence}`);
  return parts.join(' · ');
}

const key = (target: string) => target.trim().toLowerCase();

export function compareMappings(
  tested: readonly AttributeMapping[],
  entra: readonly AttributeMapping[],
): MappingComparison[] {
  const rows: MappingComparison[] = tested.map((mapping) => {
    const other = entra.find((candidate) => key(candidate.target) === key(mapping.target));
    return {
      target: mapping.target,
      status: !other ? 'only-here' : sameMapping(mapping, other) ? 'same' : 'changed',
      tested: describeMapping(mapping),
      entra: other ? describeMapping(other) : null,
    };
  });
  for (const mapping of entra) {
    if (!tested.some((candidate) => key(candidate.target) === key(mapping.target)))
      rows.push({
        target: mapping.target,
        status: 'only-in-entra',
        tested: null,
        entra: describeMapping(mapping),
      });
  }
  return rows;
}

/** Filters pair up by position (the portal numbers them), and clauses within a filter by position too. */
export function compareFilters(
  tested: readonly ScopingFilter[],
  entra: readonly ScopingFilter[],
): ClauseComparison[] {
  const rows: ClauseComparison[] = [];
  for (let filterIndex = 0; filterIndex < Math.max(tested.length, entra.length); filterIndex++) {
    const here = tested[filterIndex]?.clauses ?? [];
    const there = entra[filterIndex]?.clauses ?? [];
    for (let clauseIndex = 0; clauseIndex < Math.max(here.length, there.length); clauseIndex++) {
      const a = here[clauseIndex];
      const b = there[clauseIndex];
      const testedText = a ? describeClause(a) : null;
      const entraText = b ? describeClause(b) : null;
      rows.push({
        filterIndex,
        clauseIndex,
        status: !b ? 'only-here' : !a ? 'only-in-entra' : testedText === entraText ? 'same' : 'changed',
        tested: testedText,
        entra: entraText,
      });
    }
  }
  return rows;
}
