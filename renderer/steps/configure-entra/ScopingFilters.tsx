import {
  Badge,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ScopeConfig } from '../../../shared/scoping';
import { UNARY_OPERATORS } from '../../../shared/scoping';
import { STATUS } from '../scope/EntraScopeComparison';
import type { EntraSchemaState } from '../mappings/use-entra-schema';

const useStyles = makeStyles({
  filter: { marginTop: tokens.spacingVerticalS },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The tested scoping filters in the order the portal's Source Object Scope asks for them. */
export function ScopingFilters({ scope, entra }: { scope: ScopeConfig; entra: EntraSchemaState | null }) {
  const styles = useStyles();
  const imported = entra?.imported ? entra : null;
  const statusOf = (filterIndex: number, clauseIndex: number) =>
    imported?.clauses.find((row) => row.filterIndex === filterIndex && row.clauseIndex === clauseIndex)
      ?.status;
  const onlyInEntra = imported?.clauses.filter((row) => row.status === 'only-in-entra') ?? [];
  return (
    <div data-testid="configure-scoping-filters">
      {scope.filters.length === 0 ? (
        <p>
          Leave <b>Source Object Scope</b> at <b>All records</b>: you tested no scoping filters.
        </p>
      ) : (
        <p>
          Select <b>Source Object Scope</b>, then for each filter below <b>Add scoping filter</b>: type its{' '}
          <b>Scoping Filter Title</b>, add each clause (<b>Source Attribute</b>, <b>Operator</b>, <b>Value</b>
          ), and select <b>Ok</b>. All clauses of a filter must hold; a user is in scope when any filter
          holds.
        </p>
      )}
      {scope.filters.map((filter, filterIndex) => (
        <div key={filterIndex} className={styles.filter} data-testid={`configure-filter-${filterIndex + 1}`}>
          <Text weight="semibold">
            Filter {filterIndex + 1}: {filter.title || '(no title)'}
          </Text>
          <Table size="small" aria-label={`Scoping filter ${filterIndex + 1}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Source Attribute</TableHeaderCell>
                <TableHeaderCell>Operator</TableHeaderCell>
                <TableHeaderCell>Value</TableHeaderCell>
                {imported && <TableHeaderCell style={{ width: '150px' }}>In Entra</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {filter.clauses.map((clause, clauseIndex) => {
                const status = statusOf(filterIndex, clauseIndex);
                return (
                  <TableRow key={clauseIndex} data-testid="configure-clause">
                    <TableCell className={styles.code}>{clause.attribute}</TableCell>
                    <TableCell className={styles.code}>{clause.operator}</TableCell>
                    <TableCell>
                      {UNARY_OPERATORS.includes(clause.operator) ? (
                        <span className={styles.muted}>(no value)</span>
                      ) : (
                        <span className={styles.code}>{clause.value}</span>
                      )}
                    </TableCell>
                    {imported && (
                      <TableCell>
                        {status && (
                          <Badge appearance="tint" color={STATUS[status].color}>
                            {STATUS[status].label}
                          </Badge>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      ))}
      {onlyInEntra.length > 0 && (
        <p data-testid="configure-clauses-to-delete">
          Delete from Entra (not tested here):{' '}
          {onlyInEntra.map((row) => `filter ${row.filterIndex + 1}: ${row.entra}`).join('; ')}.
        </p>
      )}
    </div>
  );
}
