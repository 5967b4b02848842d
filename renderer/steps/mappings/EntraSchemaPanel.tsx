import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../api/client';
import { plural } from '../../text';
import { FileDrop } from '../scope/FileDrop';
import type { EntraSchemaState } from './use-entra-schema';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Import the Jostle app's schema from Entra: a file or pasted text. On success main has replaced the saved
 * mapping and scoping filters; `onImported` lets the step reload them.
 */
export function EntraSchemaPanel({
  state,
  onChange,
}: {
  state: EntraSchemaState | null;
  onChange(state: EntraSchemaState): void;
}) {
  const styles = useStyles();
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const importText = async (text: string, fileName?: string) => {
    setBusy(true);
    setRefused(null);
    try {
      const result = await api.importEntraSchema({ text, ...(fileName ? { fileName } : {}) });
      if (!result.ok) setRefused(result.message);
      else {
        setPasted('');
        onChange(result.state);
      }
    } finally {
      setBusy(false);
    }
  };
  const imported = state?.imported;
  return (
    <div className={styles.panel} data-testid="entra-schema-panel">
      <Text>
        Already set up in Entra? Import the Jostle app’s schema so what you test here starts from what Entra
        really has. In Entra:{' '}
        <b>
          Provisioning &gt; Mappings &gt; Provision Microsoft Entra ID Users &gt; Show advanced options &gt;
          Review your schema here
        </b>
        , select all and copy.
      </Text>
      <FileDrop
        label="Choose the schema file"
        hint="JSON, as the schema editor shows it or as Microsoft Graph returns it"
        accept=".json,application/json"
        testId="entra-schema-file"
        disabled={busy}
        readAsText
        onFiles={([file]) => file?.text !== undefined && void importText(file.text, file.name)}
      />
      <Field label="Or paste the schema JSON">
        <Textarea
          value={pasted}
          resize="vertical"
          data-testid="entra-schema-paste"
          onChange={(_event, data) => setPasted(data.value)}
        />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || pasted.trim() === ''}
          data-testid="entra-schema-import"
          onClick={() => void importText(pasted)}
        >
          Import pasted schema
        </Button>
        {imported && (
          <Button
            disabled={busy}
            data-testid="entra-schema-clear"
            onClick={() => void api.clearEntraSchema({}).then(onChange)}
          >
            Forget the imported schema
          </Button>
        )}
      </div>
      {refused && (
        <MessageBar intent="error" data-testid="entra-schema-error">
          <MessageBarBody>Not imported, nothing changed: {refused}</MessageBarBody>
        </MessageBar>
      )}
      {imported && (
        <MessageBar intent={imported.notes.length ? 'warning' : 'success'} data-testid="entra-schema-summary">
          <MessageBarBody>
            <div>
              From <b>{imported.fileName}</b>: {plural(imported.mappingCount, 'attribute mapping')} and{' '}
              {plural(imported.filterCount, 'scoping filter')} of “{imported.objectMappingName}” are now your
              mapping and scope. Settings &gt; Scope is not in the schema, so your choice there is kept.
            </div>
            {imported.notes.length > 0 && (
              <>
                <div>Not imported (kept in the schema when you export it):</div>
                <ul className={styles.notes} data-testid="entra-schema-notes">
                  {imported.notes.map((note, index) => (
                    <li key={index}>
                      {note.where}: {note.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
