import {
  Badge,
  Button,
  Dropdown,
  Input,
  makeStyles,
  Option,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { DryRunLogEntryView } from '../../../shared/api/contract';
import {
  provisioningActions,
  provisioningStatuses,
  type ProvisioningAction,
  type ProvisioningStatus,
} from '../../../shared/provisioning/summary';
import { api } from '../../api/client';
import { DryRunEntryDetails } from './DryRunEntryDetails';
import { useDetailRows } from '../../components/detail-rows';
import { VisuallyHidden } from '../../components/VisuallyHidden';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
    margin: `${tokens.spacingVerticalS} 0`,
  },
  list: {
    height: '360px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
  },
  row: {
    position: 'absolute',
    left: 0,
    width: '100%',
    display: 'grid',
    gridTemplateColumns: '60px 90px 90px 1fr 200px',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    cursor: 'pointer',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':hover': { background: tokens.colorNeutralBackground1Hover },
  },
  selected: { background: tokens.colorNeutralBackground1Selected },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

const PAGE = 500;
const ROW_HEIGHT = 34;
const statusColor = { Success: 'success', Failure: 'danger', Skipped: 'informative' } as const;

/**
 * The provisioning log, like Entra's: every entry with its action, status and error code, filterable.
 * `title` names a live run ("Provisioning log: Live run: writes to …"); a dry run keeps the plain title.
 */
export function DryRunLog({ title }: { title?: string } = {}) {
  const styles = useStyles();
  const [action, setAction] = useState<ProvisioningAction | undefined>();
  const [status, setStatus] = useState<ProvisioningStatus | undefined>();
  const [search, setSearch] = useState('');
  const [entries, setEntries] = useState<DryRunLogEntryView[]>([]);
  const [matching, setMatching] = useState(0);
  /** Set when the saved file holds only the newest part of a very large log. */
  const [savedPart, setSavedPart] = useState<string | null>(null);
  const details = useDetailRows<string>();
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    const query = {
      offset: 0,
      limit: PAGE,
      ...(action ? { action } : {}),
      ...(status ? { status } : {}),
      ...(search ? { search } : {}),
    };
    void api.getDryRunLog(query).then((page) => {
      if (!current) return;
      setEntries(page.entries);
      setMatching(page.matching);
    });
    return () => {
      current = false;
    };
  }, [action, status, search]);

  // The log as Entra's provisioning-logs JSON (Graph provisioningObjectSummary), to import in the Monitor step.
  const saveGraphLog = async () => {
    const { fileName, text, events, totalEvents } = await api.getDryRunGraphLog({});
    setSavedPart(
      events < totalEvents
        ? `Saved the newest ${events.toLocaleString()} of ${totalEvents.toLocaleString()} entries: one file holds at most ${events.toLocaleString()}.`
        : null,
    );
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const loadMore = () =>
    void api
      .getDryRunLog({
        offset: entries.length,
        limit: PAGE,
        ...(action ? { action } : {}),
        ...(status ? { status } : {}),
        ...(search ? { search } : {}),
      })
      .then((page) => setEntries((loaded) => [...loaded, ...page.entries]));

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's API is what it is; the list re-renders on scroll by design.
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <div data-testid="dry-run-log">
      <Title3 as="h2">{title ?? 'Provisioning log'}</Title3>
      <div className={styles.filters}>
        <Dropdown
          placeholder="Any action"
          value={action ?? 'Any action'}
          onOptionSelect={(_event, data) =>
            setAction(data.optionValue === 'any' ? undefined : (data.optionValue as ProvisioningAction))
          }
          aria-label="Action"
        >
          <Option value="any">Any action</Option>
          {provisioningActions.map((value) => (
            <Option key={value} value={value}>
              {value}
            </Option>
          ))}
        </Dropdown>
        <Dropdown
          placeholder="Any status"
          value={status ?? 'Any status'}
          onOptionSelect={(_event, data) =>
            setStatus(data.optionValue === 'any' ? undefined : (data.optionValue as ProvisioningStatus))
          }
          aria-label="Status"
          data-testid="dry-run-status-filter"
        >
          <Option value="any">Any status</Option>
          {provisioningStatuses.map((value) => (
            <Option key={value} value={value}>
              {value}
            </Option>
          ))}
        </Dropdown>
        <Input
          placeholder="Search user or error code"
          value={search}
          onChange={(_event, data) => setSearch(data.value)}
          aria-label="Search"
        />
        <Text>
          {matching.toLocaleString()} entries
          {entries.length < matching ? `, ${entries.length.toLocaleString()} loaded` : ''}
        </Text>
        {entries.length < matching && <Button onClick={loadMore}>Load more</Button>}
        <Button onClick={() => void saveGraphLog()} data-testid="dry-run-save-log">
          Save for the Monitor step
        </Button>
        {savedPart && <Text role="status">{savedPart}</Text>}
      </div>
      <div ref={scroller} className={styles.list}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = entries[item.index]!;
            return (
              <div
                key={entry.id}
                data-testid="dry-run-log-row"
                className={`${styles.row} ${details.openKey === String(entry.id) ? styles.selected : ''}`}
                style={{ top: item.start, height: ROW_HEIGHT }}
                {...details.rowProps(String(entry.id), null, { opens: 'overlay', button: true })}
              >
                <Text>#{entry.cycle}</Text>
                <Text>{entry.action}</Text>
                <Badge appearance="tint" color={statusColor[entry.status]}>
                  {entry.status}
                </Badge>
                <Text className={styles.ellipsis}>{entry.userPrincipalName}</Text>
                <Text className={styles.ellipsis}>{entry.errorCode ?? ''}</Text>
                <VisuallyHidden>: show details</VisuallyHidden>
              </div>
            );
          })}
        </div>
      </div>
      <DryRunEntryDetails
        entry={entries.find((entry) => String(entry.id) === details.openKey) ?? null}
        onClose={details.close}
      />
    </div>
  );
}
