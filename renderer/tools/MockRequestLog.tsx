import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useEffect, useRef, useState } from 'react';
import { useDetailRows } from '../components/detail-rows';
import type { MockLogEntry } from '../../shared/api/contract';
import { formatTime } from '../../shared/format/date-time';
import { api } from '../api/client';

const useStyles = makeStyles({
  section: { maxWidth: '1100px' },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  body: {
    whiteSpace: 'pre-wrap',
    background: tokens.colorNeutralBackground3,
    padding: tokens.spacingVerticalS,
    maxHeight: '200px',
    overflow: 'auto',
  },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const KEEP = 300;
const POLL_MS = 1000;

/** The mock's request log, polled once a second (the browser mode has no push channel). */
export function MockRequestLog() {
  const styles = useStyles();
  const [entries, setEntries] = useState<MockLogEntry[]>([]);
  const details = useDetailRows<string>();
  const lastId = useRef(0);

  useEffect(() => {
    const timer = setInterval(() => {
      void api.getMockLog({ afterId: lastId.current }).then(({ entries: fresh }) => {
        if (fresh.length === 0) return;
        lastId.current = fresh[fresh.length - 1]!.id;
        setEntries((current) => [...fresh.reverse(), ...current].slice(0, KEEP));
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <div className={styles.section}>
      <div className={styles.header}>
        <Title3 as="h2">Requests</Title3>
        <Text>{entries.length === 0 ? 'None yet.' : `Latest ${entries.length}, newest first.`}</Text>
        <Button size="small" onClick={() => void api.clearMockLog({}).then(() => setEntries([]))}>
          Clear
        </Button>
      </div>
      <Table size="small" aria-label="Requests to Mock Jostle" data-testid="mock-log">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 90 }}>Time</TableHeaderCell>
            <TableHeaderCell style={{ width: 70 }}>Method</TableHeaderCell>
            <TableHeaderCell>Path</TableHeaderCell>
            <TableHeaderCell style={{ width: 70 }}>Status</TableHeaderCell>
            <TableHeaderCell style={{ width: 80 }}>Time taken</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <Fragment key={entry.id}>
              <TableRow
                style={{ cursor: 'pointer' }}
                data-testid="mock-log-row"
                {...details.rowProps(
                  String(entry.id),
                  `${entry.method} ${entry.path}, ${entry.status ?? 'no answer'}: show request and response`,
                  { opens: 'panel' },
                )}
              >
                <TableCell>{formatTime(entry.at)}</TableCell>
                <TableCell>{entry.method}</TableCell>
                <TableCell className={styles.mono}>{entry.path}</TableCell>
                <TableCell
                  className={entry.status === null || entry.status >= 400 ? styles.failed : undefined}
                >
                  {entry.status ?? 'none'}
                  {entry.fault ? ' ⚑' : ''}
                </TableCell>
                <TableCell>{Math.round(entry.durationMs)} ms</TableCell>
              </TableRow>
              {details.openKey === String(entry.id) && (
                <TableRow>
                  <TableCell colSpan={5} {...details.panelProps()} data-testid="mock-log-details">
                    <Button size="small" appearance="subtle" onClick={details.close}>
                      Close
                    </Button>
                    {/* Focusable, so a long body scrolls from the keyboard too. */}
                    <div
                      className={`${styles.mono} ${styles.body}`}
                      tabIndex={0}
                      role="region"
                      aria-label={`${entry.method} ${entry.path}: request and response`}
                    >
                      {entry.fault && `Fault: ${entry.fault}\n`}
                      {entry.requestBody !== undefined &&
                        `Request: ${JSON.stringify(entry.requestBody, null, 2)}\n`}
                      {entry.responseBody !== undefined &&
                        `Response: ${JSON.stringify(entry.responseBody, null, 2)}`}
                    </div>
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
