/**
 * Plan: which Entra app the admin sets up. Both are in Jostle's help article; the choice changes the starting
 * mappings, the app step, the dry run's defaults and what Configure in Entra and the export list.
 */
import {
  Radio,
  RadioGroup,
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
import { APP_PATH_LABELS, PATH_DIFFERENCES, type AppPath } from '../../../shared/app-path/app-path';
import { ExternalLink } from '../../components/ExternalLink';
import { useAppPath } from '../../state/app-path';

const useStyles = makeStyles({
  box: {
    marginTop: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    background: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { marginTop: tokens.spacingVerticalS, tableLayout: 'fixed' },
});

const SOURCE_NAMES: Readonly<Record<string, string>> = {
  'JOSTLE-MS': 'Microsoft’s Jostle tutorial',
  'SCIM-DEV': 'Microsoft’s SCIM developer guide',
  COMPAT: 'Microsoft’s SCIM compliance page',
  '3P-PORTAL-DEFAULTS': 'vendor guides showing the portal defaults',
  '3P-MS-RATE': 'a Microsoft engineer on Q&A',
};

export function SetupPathChoice() {
  const styles = useStyles();
  const { appPath, setAppPath } = useAppPath();
  return (
    <section className={styles.box} aria-labelledby="setup-path-heading">
      <h2 id="setup-path-heading" className={styles.heading}>
        Which Entra app will you set up?
      </h2>
      <Text as="p" className={styles.muted}>
        Jostle’s{' '}
        <ExternalLink href="https://forum.jostle.us/hc/en-us/articles/360056368534">
          Entra ID provisioning article
        </ExternalLink>{' '}
        offers both. Pick the custom app only if you follow its alternate approach, the gallery app is not
        offered in your cloud, or you need mappings the gallery app lacks. You can change this later.
      </Text>
      <RadioGroup
        value={appPath}
        data-testid="app-path"
        onChange={(_event, data) => void setAppPath(data.value as AppPath)}
      >
        <Radio value="gallery" label={APP_PATH_LABELS.gallery} data-testid="app-path-gallery" />
        <Radio value="custom" label={APP_PATH_LABELS.custom} data-testid="app-path-custom" />
      </RadioGroup>
      <Table size="small" className={styles.table} aria-label="How the two apps differ">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>What</TableHeaderCell>
            <TableHeaderCell>Gallery app</TableHeaderCell>
            <TableHeaderCell>Custom app</TableHeaderCell>
            <TableHeaderCell style={{ width: '22%' }}>Source</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {PATH_DIFFERENCES.map((row) => (
            <TableRow key={row.behaviour}>
              <TableCell>{row.behaviour}</TableCell>
              <TableCell>{row.gallery}</TableCell>
              <TableCell>{row.custom}</TableCell>
              <TableCell>
                {row.sources.map((key) => SOURCE_NAMES[key] ?? key).join('; ')}
                {row.verdict === 'assumed' ? ' (assumed)' : ''}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
