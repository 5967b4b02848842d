import {
  Badge,
  Button,
  makeStyles,
  SearchBox,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { startTransition, useEffect, useState } from 'react';
import type { ApiRequest, ApiResponse } from '../../../shared/api/contract';
import type { DetailRows } from '../../components/detail-rows';
import { api } from '../../api/client';
import { messageOf } from '../../text';

const PAGE = 25;
type Show = ApiRequest<'getPreview'>['show'];
type Summary = NonNullable<ApiResponse<'getPreview'>['summary']>;

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  search: { marginLeft: 'auto', width: '200px' },
  table: { tableLayout: 'fixed', background: tokens.colorNeutralBackground1 },
  row: { cursor: 'pointer' },
  cellText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
  muted: { color: tokens.colorNeutralForeground3 },
  failure: { display: 'block', color: tokens.colorPaletteRedForeground1 },
  decided: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, display: 'block' },
  pager: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    justifyContent: 'flex-end',
  },
});

const count = (summary: Summary | null, show: Show): string => {
  if (!summary) return '';
  const value = {
    all: summary.total,
    'in-scope': summary.inScope,
    'out-of-scope': summary.outOfScope,
    failures: summary.withMappingFailures,
  }[show];
  return ` (${value.toLocaleString()})`;
};

/** The imported users a page at a time, with in or out and what decided it; a row opens the user. */
export function PreviewTable({
  version,
  onSummary,
  rows,
}: {
  version: number;
  onSummary(summary: Summary | null): void;
  /** Opens a user's drawer (ScopeStep); keys and focus as on every step's rows. */
  rows: DetailRows<string>;
}) {
  const styles = useStyles();
  const [show, setShow] = useState<Show>('all');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<ApiResponse<'getPreview'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.getPreview({ show, offset, limit: PAGE, ...(search.trim() ? { search: search.trim() } : {}) }).then(
        (answer) => {
          if (!current) return;
          // A page of rows and the counts: rendered in a transition, in slices.
          startTransition(() => {
            setPage(answer);
            setError(null);
            onSummary(answer.summary);
          });
        },
        (failure: unknown) => current && setError(messageOf(failure)),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [show, search, offset, version, onSummary]);

  if (error) return <Text className={styles.muted}>The preview failed: {error}</Text>;
  if (!page?.summary) return null;
  const last = Math.min(offset + PAGE, page.matching);

  return (
    <div data-testid="preview-table">
      <div className={styles.bar}>
        <TabList
          size="small"
          selectedValue={show}
          onTabSelect={(_event, data) => (setShow(data.value as Show), setOffset(0))}
        >
          {(['all', 'in-scope', 'out-of-scope', 'failures'] as const).map((value) => (
            <Tab key={value} value={value} data-testid={`preview-show-${value}`}>
              {
                {
                  all: 'All',
                  'in-scope': 'In scope',
                  'out-of-scope': 'Out of scope',
                  failures: 'Mapping failures',
                }[value]
              }
              {count(page.summary, value)}
            </Tab>
          ))}
        </TabList>
        <SearchBox
          className={styles.search}
          size="small"
          placeholder="Name or UPN"
          aria-label="Search by name or user principal name"
          data-testid="preview-search"
          value={search}
          onChange={(_event, data) => (setSearch(data.value), setOffset(0))}
        />
      </div>
      <Table size="small" className={styles.table} aria-label="Who Entra would provision">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '34%' }}>User</TableHeaderCell>
            <TableHeaderCell style={{ width: '84px' }}>In scope</TableHeaderCell>
            <TableHeaderCell>Decided by</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.rows.map((row) => (
            <TableRow
              key={row.objectId}
              className={styles.row}
              data-testid="preview-row"
              data-upn={row.userPrincipalName}
              {...rows.rowProps(
                row.objectId,
                `${row.displayName ?? row.userPrincipalName}: show why and what Entra would send`,
                { opens: 'overlay' },
              )}
            >
              <TableCell>
                <span className={styles.cellText} title={row.userPrincipalName}>
                  {row.displayName ?? row.userPrincipalName}
                </span>
                <Text size={100} className={`${styles.cellText} ${styles.muted}`}>
                  {row.userPrincipalName}
                </Text>
                {row.failures.length > 0 && (
                  // The reason is on the row itself, not only in a hover title: keyboard and screen-reader
                  // users read it too.
                  <Text size={100} className={styles.failure} data-testid="preview-failure">
                    Mapping fails: {row.failures.join('; ')}
                  </Text>
                )}
              </TableCell>
              <TableCell>
                <Badge
                  appearance="tint"
                  color={row.inScope ? (row.activeInSource ? 'success' : 'warning') : 'subtle'}
                  data-testid="preview-in-scope"
                >
                  {row.inScope ? 'Yes' : 'No'}
                </Badge>
              </TableCell>
              <TableCell>
                <span className={styles.decided} title={row.decidedBy}>
                  {row.decidedBy}
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {page.matching === 0 ? (
        <Text className={styles.muted}>No user matches.</Text>
      ) : (
        <div className={styles.pager}>
          <Text size={200} data-testid="preview-range">
            {offset + 1}–{last} of {page.matching.toLocaleString()}
          </Text>
          <Button size="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </Button>
          <Button size="small" disabled={last >= page.matching} onClick={() => setOffset(offset + PAGE)}>
            Next
          </Button>
        </div>
      )}
    </div>
  );
}
