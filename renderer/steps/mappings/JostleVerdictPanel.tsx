/**
 * The rows Jostle cannot take, each with what Jostle and Entra will do and a one-click fix; "Fix all" and
 * "Make it like the gallery app" for the whole mapping. Checked against our model of Jostle's schema.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  applyAllFixes,
  applyFix,
  describeMappingSource,
  mappingVerdicts,
  toGalleryEquivalent,
  type AttributeMapping,
} from '../../../shared/mapping';
import { shortTarget } from './mapping-text';
import { schemaLabel, type JostleSchemas } from './use-jostle-schemas';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: {
    listStyle: 'none',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function JostleVerdictPanel({
  mappings,
  schemas,
  onChange,
}: {
  mappings: readonly AttributeMapping[];
  schemas: JostleSchemas | null;
  onChange(mappings: AttributeMapping[]): void;
}) {
  const styles = useStyles();
  const options = schemas ? { schemas: schemas.schemas } : {};
  const checkedAgainst = schemaLabel(schemas);
  const flagged = mappingVerdicts(mappings, options).filter((row) => row.kind !== 'accepted');
  const galleryEquivalent = () =>
    onChange(toGalleryEquivalent({ version: 1, mappings: [...mappings] }, options).mappings);
  if (flagged.length === 0) {
    return (
      <Text size={200} className={styles.muted} data-testid="jostle-verdicts-clean">
        Every row targets an attribute Jostle lists (checked against {checkedAgainst}).
      </Text>
    );
  }
  return (
    <section aria-label="Rows Jostle cannot take" data-testid="jostle-verdicts">
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>
            {flagged.length} {flagged.length === 1 ? 'row' : 'rows'} Jostle cannot take
          </MessageBarTitle>
          Entra’s generic defaults send attributes Jostle’s schema does not list (checked against our model of
          it; what Jostle does with them is not public, so the outcomes below are assumed). Fix them before
          the dry run.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          data-testid="fix-all-mappings"
          onClick={() => onChange(applyAllFixes(mappings, options))}
        >
          Fix all
        </Button>
        <Button data-testid="gallery-equivalent" onClick={galleryEquivalent}>
          Make it like the gallery app
        </Button>
      </div>
      <ul className={styles.list}>
        {flagged.map((row) => {
          const mapping = mappings[row.mappingIndex]!;
          const fix = row.fix ?? { kind: 'remove' as const };
          return (
            <li
              key={`${row.mappingIndex}-${row.target}`}
              className={styles.item}
              data-testid="jostle-verdict"
            >
              <Text block weight="semibold" className={styles.code}>
                {describeMappingSource(mapping)} → {row.target}
              </Text>
              <Text block size={200}>
                {row.jostle} {row.entra}
              </Text>
              <div className={styles.actions}>
                <Button
                  size="small"
                  data-testid="fix-mapping"
                  onClick={() => onChange(applyFix(mappings, row.mappingIndex, fix))}
                >
                  {fix.kind === 'retarget' ? `Map to ${shortTarget(fix.target)}` : 'Remove the row'}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
