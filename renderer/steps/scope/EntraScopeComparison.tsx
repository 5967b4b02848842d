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
import type { ComparisonStatus } from '../../../shared/entra-schema';
import { useEntraSchema } from '../mappings/use-entra-schema';

const useStyles = makeStyles({
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export const STATUS: Record<
  ComparisonStatus,
  { label: string; color: 'success' | 'warning' | 'brand' | 'danger' }
> = {
  same: { label: 'Same as Entra', color: 'success' },
  changed: { label: 'Differs from Entra', color: 'warning' },
  'only-here': { label: 'Not in Entra', color: 'brand' },
  'only-in-entra': { label: 'Only in Entra', color: 'danger' },
};

/** The saved scoping filters next to the imported schema's, clause by clause; nothing without an import. */
export function EntraScopeComparison({ version }: { version: number }) {
  const styles = useStyles();
  const { state } = useEntraSchema(version);
  if (!state?.imported) return null;
  const differing = state.clauses.filter((row) => row.status !== 'same').length;
  return (
    <div data-testid="entra-scope-comparison">
      <Text>
        Compared with the scoping filters in the imported schema ({state.imported.fileName}):{' '}
        {state.clauses.length === 0
          ? 'neither has any.'
          : differing === 0
            ? 'every clause is the same.'
            : `${differing} of ${state.clauses.length} clauses differ. Unsaved edits are not compared.`}
      </Text>
      {state.clauses.length > 0 && (
        <Table size="small" aria-label="Scoping filters compared with Entra">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '120px' }}>Filter, clause</TableHeaderCell>
              <TableHeaderCell>Tested here</TableHeaderCell>
              <TableHeaderCell>In Entra</TableHeaderCell>
              <TableHeaderCell style={{ width: '150px' }}>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.clauses.map((row) => (
              <TableRow
                key={`${row.filterIndex}-${row.clauseIndex}`}
                data-testid={`entra-clause-${row.status}`}
              >
                <TableCell>
                  {row.filterIndex + 1}, {row.clauseIndex + 1}
                </TableCell>
                <TableCell>
                  <span className={row.tested ? styles.code : styles.muted}>{row.tested ?? '—'}</span>
                </TableCell>
                <TableCell>
                  <span className={row.entra ? styles.code : styles.muted}>{row.entra ?? '—'}</span>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={STATUS[row.status].color}>
                    {STATUS[row.status].label}
                  </Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
