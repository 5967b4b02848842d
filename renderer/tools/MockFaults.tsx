import {
  Dropdown,
  makeStyles,
  Option,
  Switch,
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
import type { MockFault } from '../../shared/api/contract';
import { faultKinds, mockEndpoints } from '../../shared/api/contracts/mock';
import { faultCatalog } from '../../shared/jostle/fault-catalog';

const useStyles = makeStyles({
  section: { maxWidth: '1100px', marginBottom: tokens.spacingVerticalXL },
  muted: { color: tokens.colorNeutralForeground3 },
  // Fluent's Dropdown has a 250 px minimum width, wider than its column at 1024 px; let it fit the column.
  dropdown: { minWidth: '0', width: '100%' },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'top' },
});

const endpointLabels: Record<MockFault['endpoint'], string> = {
  all: 'Every request',
  discovery: 'Discovery',
  filter: 'User lookup (filter)',
  get: 'Read a user',
  list: 'List users',
  create: 'Create',
  replace: 'Replace (PUT)',
  patch: 'Update (PATCH)',
  delete: 'Delete',
};

/** Lookups only make sense on the filter endpoint, so those faults are pinned there. */
const filterOnly: ReadonlySet<MockFault['kind']> = new Set(['filterNotFound', 'duplicateMatches']);

export function MockFaults({
  faults,
  onChange,
}: {
  faults: MockFault[];
  onChange(faults: MockFault[]): void;
}) {
  const styles = useStyles();
  const active = (kind: MockFault['kind']) => faults.find((fault) => fault.kind === kind);
  const replace = (kind: MockFault['kind'], next: MockFault | null) =>
    onChange([...faults.filter((fault) => fault.kind !== kind), ...(next ? [next] : [])]);

  return (
    <div className={styles.section}>
      <Title3 as="h2">Faults</Title3>
      <Text as="p" block className={styles.muted}>
        Switch a fault on to make Mock Jostle misbehave the way Jostle or the network sometimes does. Changes
        apply to the next request.
      </Text>
      <Table size="small" aria-label="Faults">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 210 }}>Fault</TableHeaderCell>
            <TableHeaderCell style={{ width: 190 }}>Applies to</TableHeaderCell>
            <TableHeaderCell>What Entra would show</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {faultKinds.map((kind) => {
            const fault = active(kind);
            return (
              <TableRow key={kind} data-testid={`fault-${kind}`}>
                <TableCell className={styles.cell}>
                  <Switch
                    checked={fault !== undefined}
                    label={faultCatalog[kind].label}
                    onChange={(_event, data) =>
                      replace(
                        kind,
                        data.checked ? { kind, endpoint: filterOnly.has(kind) ? 'filter' : 'all' } : null,
                      )
                    }
                  />
                </TableCell>
                <TableCell className={styles.cell}>
                  <Dropdown
                    className={styles.dropdown}
                    aria-label={`Where ${faultCatalog[kind].label} applies`}
                    disabled={!fault || filterOnly.has(kind)}
                    value={endpointLabels[fault?.endpoint ?? (filterOnly.has(kind) ? 'filter' : 'all')]}
                    selectedOptions={[fault?.endpoint ?? 'all']}
                    onOptionSelect={(_event, data) =>
                      fault &&
                      replace(kind, { ...fault, endpoint: data.optionValue as MockFault['endpoint'] })
                    }
                  >
                    {mockEndpoints.map((endpoint) => (
                      <Option key={endpoint} value={endpoint}>
                        {endpointLabels[endpoint]}
                      </Option>
                    ))}
                  </Dropdown>
                </TableCell>
                <TableCell className={styles.cell}>
                  <Text>{faultCatalog[kind].entraShows}</Text>
                  <Text block className={styles.muted}>
                    Imitates: {faultCatalog[kind].imitates}
                  </Text>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
