import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MappingState } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { isAssumedDefault, mappingBaseline, type MappingBaseline } from '../../../shared/mapping';
import { compareWithGallery, matchingAttributes, type MappingDifference } from './mapping-diff';
import { messageOf } from '../../text';

const useStyles = makeStyles({
  table: { marginTop: tokens.spacingVerticalS, tableLayout: 'fixed' },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  changed: { background: tokens.colorPaletteYellowBackground1 },
  added: { background: tokens.colorPaletteGreenBackground1 },
  removed: { background: tokens.colorPaletteRedBackground1, textDecorationLine: 'line-through' },
  was: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  note: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const badges: Record<
  MappingDifference,
  { label: string; color: 'informative' | 'warning' | 'success' | 'danger' }
> = {
  same: { label: 'Default', color: 'informative' },
  changed: { label: 'Change', color: 'warning' },
  added: { label: 'Add', color: 'success' },
  removed: { label: 'Delete', color: 'danger' },
};

/**
 * The assistant's mapping as Entra lists it, with what differs from the baseline highlighted: the imported
 * schema (what Entra has) when there is one, else the gallery defaults, some of which are assumed.
 */
export function MappingTable({ baseline = mappingBaseline(null) }: { baseline?: MappingBaseline }) {
  const styles = useStyles();
  const [state, setState] = useState<MappingState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.getMapping({}).then(
      (value) => current && setState(value),
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, []);

  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>The mapping could not be loaded: {error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!state) return <Spinner size="tiny" label="Loading the mapping…" />;

  const rows = compareWithGallery(state.config.mappings, baseline.mappings);
  const fromEntra = baseline.source === 'imported-schema';
  const assumed = rows.filter((row) => row.difference === 'same' && isAssumedDefault(row.target, baseline));
  const differences = rows.filter((row) => row.difference !== 'same').length;
  const matching = matchingAttributes(state.config.mappings);
  return (
    <div data-testid="mapping-table">
      <p>
        {!state.saved && 'You have not saved a mapping in the assistant, so this is the gallery default. '}
        {fromEntra
          ? differences === 0
            ? 'The imported schema already has exactly these mappings: nothing to change.'
            : `${differences} ${differences === 1 ? 'row differs' : 'rows differ'} from the schema you imported from Entra (highlighted): edit, add or delete those rows in Entra.`
          : differences === 0
            ? 'Entra’s defaults already match: check them and move on.'
            : `${differences} ${differences === 1 ? 'row differs' : 'rows differ'} from Entra’s defaults (highlighted): edit, add or delete those rows in Entra.`}{' '}
        {assumed.length > 0 &&
          `${assumed.length} “default” rows are our assumption, not a documented Entra default: check them against Entra, or import its schema on the Attribute mappings step. `}
        Match users on{' '}
        {matching.length === 0 ? (
          <b>no attribute (set one!)</b>
        ) : (
          matching.map((mapping, index) => (
            <span key={mapping.target}>
              {index > 0 && ', then '}
              <code data-testid="matching-attribute">{mapping.target}</code>
            </span>
          ))
        )}{' '}
        (<b>Match objects using this attribute: Yes</b>, precedence 1{matching.length > 1 ? ' and up' : ''}).
      </p>
      <Table size="small" className={styles.table} aria-label="Attribute mappings for Entra">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '34%' }}>Target attribute (Jostle)</TableHeaderCell>
            <TableHeaderCell>Source (Entra)</TableHeaderCell>
            <TableHeaderCell style={{ width: '96px' }}>Matching</TableHeaderCell>
            <TableHeaderCell style={{ width: '88px' }}>In Entra</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow
              key={`${row.difference}-${row.target}`}
              data-testid={`mapping-row-${row.difference}`}
              className={row.difference === 'same' ? undefined : styles[row.difference]}
            >
              <TableCell>
                <span className={styles.code}>{row.target}</span>
              </TableCell>
              <TableCell>
                <span className={styles.code}>{row.source}</span>
                {row.gallerySource !== undefined && row.gallerySource !== row.source && (
                  <span className={styles.was}>
                    Default: <span className={styles.code}>{row.gallerySource}</span>
                  </span>
                )}
                {(row.onlyOnCreate || row.defaultValue) && (
                  <span className={styles.note}>
                    {row.onlyOnCreate && 'Apply: only during object creation. '}
                    {row.defaultValue && `Default value if null: “${row.defaultValue}”.`}
                  </span>
                )}
              </TableCell>
              <TableCell>
                {row.matchingPrecedence !== undefined && <Text>Yes ({row.matchingPrecedence})</Text>}
              </TableCell>
              <TableCell>
                {row.difference === 'same' && isAssumedDefault(row.target, baseline) ? (
                  <Badge appearance="outline" color="subtle" data-testid="mapping-assumed">
                    Default (assumed)
                  </Badge>
                ) : (
                  <Badge appearance="tint" color={badges[row.difference].color}>
                    {badges[row.difference].label}
                  </Badge>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
