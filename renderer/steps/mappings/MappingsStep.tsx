import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import {
  removedGalleryMappings,
  validateForPath,
  type AttributeMapping,
  type MappingConfig,
  defaultMappingFor,
} from '../../../shared/mapping';
import { useAppPath } from '../../state/app-path';
import { JostleVerdictPanel } from './JostleVerdictPanel';
import { useJostleSchemas } from './use-jostle-schemas';
import { api } from '../../api/client';
import { StepLayout } from '../../components/StepLayout';
import { useAssistant } from '../../state/assistant-state';
import { plural } from '../../text';
import { ProblemList } from '../scope/ProblemList';
import { MappingDialog } from './MappingDialog';
import { useDetailRows } from '../../components/detail-rows';
import { MappingTable } from './MappingTable';
import { SaveBar, useSavedConfig } from '../../components/saved-config';
import type { Confirmation } from '../../components/ConfirmButton';
import { UserPreviewPicker } from './UserPreviewPicker';
import { takePendingMappingRow } from './pending-row';
import { EntraSchemaPanel } from './EntraSchemaPanel';
import { useEntraSchema } from './use-entra-schema';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Where a problem sits inside an expression, for messages that do not say so already. */
const withPosition = <T extends { message: string; position?: number }>(problem: T): T =>
  problem.position === undefined || /column \d+/.test(problem.message)
    ? problem
    : { ...problem, message: `${problem.message} (at character ${problem.position + 1})` };

/**
 * What Reset loses, named: the targets that differ from the defaults, and unsaved edits. Nothing to lose
 * (already the defaults, nothing unsaved): no question.
 */
function resetConfirmation(
  mappings: readonly AttributeMapping[],
  defaults: readonly AttributeMapping[],
  custom: boolean,
  dirty: boolean,
): Confirmation | null {
  const key = (mapping: AttributeMapping) => JSON.stringify(mapping);
  const defaultKeys = new Set(defaults.map(key));
  const currentTargets = new Set(mappings.map((mapping) => mapping.target.toLowerCase()));
  const changed = mappings.filter((mapping) => !defaultKeys.has(key(mapping))).map((m) => m.target);
  const removed = defaults.filter((mapping) => !currentTargets.has(mapping.target.toLowerCase()));
  if (changed.length === 0 && removed.length === 0 && !dirty) return null;
  const name = custom ? 'custom app defaults' : 'gallery defaults';
  return {
    title: `Reset to the ${name}?`,
    confirmLabel: 'Reset and save',
    body: (
      <>
        The mappings are replaced by the {name} and saved at once.
        {changed.length > 0 && (
          <>
            {' '}
            Lost: your {changed.length === 1 ? 'mapping' : 'mappings'} for <b>{changed.join(', ')}</b>.
          </>
        )}
        {removed.length > 0 && <> Back: {removed.map((mapping) => mapping.target).join(', ')}.</>}
        {dirty && <> Unsaved edits are lost too.</>}
      </>
    ),
  };
}

export function MappingsStep() {
  const styles = useStyles();
  const { setSettings } = useAssistant();
  const { appPath } = useAppPath();
  // The path decides which targets are allowed and whether Jostle's verdicts come back as warnings.
  const schemas = useJostleSchemas();
  const schemaOptions = schemas ? { schemas: schemas.schemas } : {};
  const validateMappingConfig = (config: MappingConfig) => validateForPath(config, appPath, schemaOptions);
  // The dialog for one row (or 'new'); closing it puts focus back on the row or button that opened it.
  const rows = useDetailRows<string>();
  const editing: number | 'new' | null =
    rows.openKey === null ? null : rows.openKey === 'new' ? 'new' : Number(rows.openKey);
  const [version, setVersion] = useState(0);
  const editor = useSavedConfig<MappingConfig>({
    load: () => api.getMapping({}),
    validate: validateMappingConfig,
    savedMessage: (errors) =>
      errors > 0
        ? {
            intent: 'warning',
            text: `Saved, with ${plural(errors, 'error')}: Entra would refuse or misapply these mappings. Fix them before you copy them into Entra.`,
          }
        : { intent: 'success', text: 'Saved. No errors.' },
    onSaved: () => {
      setVersion((value) => value + 1);
      void api.getSettings({}).then(setSettings);
    },
  });
  const { draft, dirty } = editor;
  const entra = useEntraSchema(version);
  const loaded = draft !== null;
  useEffect(() => {
    if (!loaded) return;
    const target = takePendingMappingRow();
    const button = target
      ? document.querySelector<HTMLElement>(`[data-mapping-target="${CSS.escape(target)}"]`)
      : null;
    button?.scrollIntoView({ block: 'center' });
    button?.focus();
  }, [loaded]);
  const problems = useMemo(
    () =>
      draft
        ? validateForPath(draft, appPath, schemas ? { schemas: schemas.schemas } : {}).map(withPosition)
        : [],
    [draft, appPath, schemas],
  );
  if (!draft) return null;

  const change = (mappings: AttributeMapping[]) => editor.edit({ ...draft, mappings });
  const replaced = (index: number | 'new', mapping: AttributeMapping): AttributeMapping[] =>
    index === 'new'
      ? [...draft.mappings, mapping]
      : draft.mappings.map((m, i) => (i === index ? mapping : m));

  const custom = appPath === 'custom';
  const fromEntra = entra.baseline.source === 'imported-schema';
  // On the custom path without Entra's schema, the flags panel lists what differs from the custom defaults.
  const removed =
    custom && !fromEntra
      ? []
      : removedGalleryMappings(draft.mappings, entra.baseline.mappings).map((mapping) => mapping.target);
  const errorCount = problems.filter((problem) => problem.severity === 'error').length;
  return (
    <StepLayout stepId="mappings" tutorialStep="Step 5, Attribute mapping">
      <p>
        What Entra sends to Jostle for each user. In Entra: the Jostle app’s{' '}
        <b>Provisioning &gt; Mappings &gt; Provision Microsoft Entra ID Users</b>. Start from the{' '}
        {custom ? 'defaults Entra gives a custom non-gallery app' : 'gallery defaults'} below; change only
        what you need, then make Entra match.
      </p>
      <MessageBar intent="info">
        <MessageBarBody>
          Jostle matches users on <b>userName</b> only. Keep it the one matching attribute; Entra cannot find
          users by anything else and would create duplicates.
        </MessageBarBody>
      </MessageBar>

      {custom && (
        <section className={styles.section}>
          <JostleVerdictPanel mappings={draft.mappings} schemas={schemas} onChange={change} />
        </section>
      )}

      <section className={styles.section}>
        <h2 className={styles.heading}>Start from Entra’s schema</h2>
        <EntraSchemaPanel
          state={entra.state}
          onChange={(state) => {
            entra.setState(state);
            // The import saved a new mapping in main: load it into the editor.
            void editor.save(() => api.getMapping({}));
          }}
        />
      </section>

      <section className={styles.section}>
        <MappingTable
          baseline={entra.baseline}
          mappings={draft.mappings}
          problems={problems}
          rows={rows}
          onDelete={(index) => change(draft.mappings.filter((_, i) => i !== index))}
        />
        <ProblemList
          problems={problems.filter((p) => p.mappingIndex === undefined)}
          testId="mapping-config-problems"
        />
        {removed.length > 0 && (
          <Text size={200} className={styles.muted} data-testid="removed-defaults">
            {fromEntra ? 'In Entra but not here' : 'Gallery defaults you removed'}: {removed.join(', ')}.
          </Text>
        )}
        <div className={styles.actions}>
          <Button
            icon={<Add16Regular />}
            data-testid="add-mapping"
            onClick={(event) => rows.open('new', event.currentTarget)}
          >
            Add a mapping
          </Button>
        </div>
        <SaveBar
          state={editor}
          resultTestId="mapping-save-result"
          save={{
            label: 'Save mappings',
            testId: 'save-mapping',
            onClick: () => void editor.save(() => api.saveMapping({ config: draft })),
          }}
          reset={{
            label: custom ? 'Reset to custom app defaults' : 'Reset to gallery defaults',
            testId: 'reset-mapping',
            onClick: () => void editor.save(() => api.resetMapping({})),
            confirm: resetConfirmation(draft.mappings, defaultMappingFor(appPath).mappings, custom, dirty),
          }}
          note={`${errorCount > 0 ? `${plural(errorCount, 'error')} to fix` : 'No errors'}${dirty ? ' · unsaved changes' : ''}`}
        />
      </section>

      <section className={styles.section}>
        <h2 className={styles.heading}>Preview for a user</h2>
        <UserPreviewPicker version={version} />
      </section>

      {editing !== null && (
        <MappingDialog
          mapping={editing === 'new' ? null : draft.mappings[editing]!}
          takenTargets={draft.mappings.map((mapping) => mapping.target.toLowerCase())}
          genericTargets={custom}
          problemsFor={(mapping) => {
            const mappings = replaced(editing, mapping);
            const index = editing === 'new' ? mappings.length - 1 : editing;
            return validateMappingConfig({ ...draft, mappings }).filter((p) => p.mappingIndex === index);
          }}
          onApply={(mapping) => {
            change(replaced(editing, mapping));
            rows.close();
          }}
          onClose={rows.close}
        />
      )}
    </StepLayout>
  );
}
