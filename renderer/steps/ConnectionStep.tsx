import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { Key20Regular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api/errors';
import { checkApiKey, checkBaseUrl, isLoopbackUrl } from '../../shared/connection/validation';
import { api } from '../api/client';
import { StepLayout } from '../components/StepLayout';
import { useAssistant } from '../state/assistant-state';
import { ConnectionTest } from './ConnectionTest';
import { SavedKeyCard } from './SavedKeyCard';
import { messageOf } from '../text';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '560px',
    marginTop: tokens.spacingVerticalL,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function ConnectionStep() {
  const styles = useStyles();
  const { connection, setConnection, settings } = useAssistant();
  const [baseUrl, setBaseUrl] = useState<string | null>(null);
  const [apiKey, setApiKey] = useState('');
  const [replacingKey, setReplacingKey] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  if (!connection) return null;
  // A message about a value the admin has since changed would describe text that is no longer there.
  const clearError = (field: string) =>
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _changed, ...rest } = current;
      return rest;
    });
  const urlValue = baseUrl ?? connection.baseUrl ?? '';
  const askForKey = !connection.key.saved || replacingKey;
  // The URL in the field is not the saved one yet: Test connection still talks to the saved one.
  const checkedUrl = checkBaseUrl(urlValue);
  const urlChanged =
    connection.baseUrl !== null &&
    (checkedUrl.ok ? checkedUrl.value : urlValue.trim()) !== connection.baseUrl;
  const unsaved = urlChanged || replacingKey || !connection.key.saved || !connection.baseUrl;
  // One primary button a page: Save while there is something to save, otherwise Next.
  const savePrimary = unsaved || settings?.stepStatus.connection !== 'done';

  async function save(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const url = checkBaseUrl(urlValue);
    if (!url.ok) found.baseUrl = url.message;
    if (askForKey) {
      const key = checkApiKey(apiKey);
      if (!key.ok) found.apiKey = key.message;
    }
    setErrors(found);
    setSaved(false);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const status = await api.saveConnection(
        askForKey ? { baseUrl: urlValue, apiKey } : { baseUrl: urlValue },
      );
      setApiKey('');
      setBaseUrl(null);
      setReplacingKey(false);
      setConnection(status);
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.fields) {
        // "The saved API key is for another host": open the key field, so the message shows where it applies.
        if (error.fields.apiKey && !askForKey) setReplacingKey(true);
        setErrors(error.fields);
      } else setErrors({ form: messageOf(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <StepLayout
      stepId="connection"
      tutorialStep="Step 2, Manage user provisioning"
      nextPrimary={!savePrimary}
    >
      <p>Jostle gives you two values for Entra: a Base URL and an API key. Get them like this:</p>
      <ol>
        <li>
          In Jostle, open{' '}
          <b>Admin Settings &gt; User data to/from other systems &gt; Manage user provisioning</b>. If the
          page is missing although your subscription includes user provisioning, ask Jostle Support to enable
          it.
        </li>
        <li>
          Under <b>User Provisioning API details</b>, copy <b>Your Base URL</b> and paste it below.
        </li>
        <li>
          Select <b>Add a new key…</b>, pick your Automation user, name the key (for example “Entra”) and
          select <b>Add</b>.
        </li>
        <li>
          Copy the key <b>right away</b> and paste it below. Jostle shows it only this once; the assistant
          keeps it in your system keychain, not in a file.
        </li>
      </ol>

      {connection.key.storageProblem && (
        <MessageBar intent="warning" data-testid="keychain-problem">
          <MessageBarBody>
            <MessageBarTitle>No keychain available</MessageBarTitle>
            {connection.key.storageProblem} Keep Jostle’s key somewhere safe until you have entered it in
            Entra.
          </MessageBarBody>
        </MessageBar>
      )}

      {isLoopbackUrl(connection.baseUrl) && (
        <MessageBar intent="warning" layout="multiline" data-testid="mock-url-saved">
          <MessageBarBody>
            <MessageBarTitle>The saved Base URL is Mock Jostle, on this computer</MessageBarTitle>
            Good for trying things out; Entra cannot reach it. Before <b>Configure provisioning in Entra</b>,
            save your Jostle tenant’s Base URL and a key from it here.
          </MessageBarBody>
        </MessageBar>
      )}

      <form className={styles.form} onSubmit={(event) => void save(event)} noValidate>
        <Field
          label="Base URL"
          required
          validationMessage={errors.baseUrl}
          hint="Looks like https://…/scim2. Spaces and line breaks around it are removed."
        >
          <Input
            data-testid="base-url"
            value={urlValue}
            onChange={(_event, data) => {
              setBaseUrl(data.value);
              clearError('baseUrl');
            }}
            placeholder="https://"
            spellCheck={false}
            autoComplete="off"
          />
        </Field>

        {askForKey ? (
          <Field
            label="API key"
            required
            validationMessage={errors.apiKey}
            hint={
              connection.key.saved
                ? 'Paste the new key. Spaces and line breaks around it are removed.'
                : 'Paste the whole key. Spaces and line breaks around it are removed.'
            }
          >
            <Input
              data-testid="api-key"
              type="password"
              contentBefore={<Key20Regular aria-hidden />}
              value={apiKey}
              onChange={(_event, data) => {
                setApiKey(data.value);
                clearError('apiKey');
              }}
              spellCheck={false}
              autoComplete="off"
            />
          </Field>
        ) : (
          <SavedKeyCard
            status={connection.key}
            onReplace={() => setReplacingKey(true)}
            onForgotten={setConnection}
          />
        )}

        {errors.form && (
          <MessageBar intent="error">
            <MessageBarBody>{errors.form}</MessageBarBody>
          </MessageBar>
        )}
        {saved && (
          <MessageBar intent="success" data-testid="saved-message">
            <MessageBarBody>Saved. The key is in your {connection.key.storageName}.</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button
            appearance={savePrimary ? 'primary' : 'secondary'}
            data-appearance={savePrimary ? 'primary' : 'secondary'}
            type="submit"
            disabled={saving}
            data-testid="save-connection"
          >
            {askForKey ? 'Save URL and key' : 'Save URL'}
          </Button>
          {replacingKey && (
            <Button onClick={() => (setReplacingKey(false), setApiKey(''), setErrors({}))}>
              Keep the saved key
            </Button>
          )}
        </div>
      </form>
      {connection.key.saved && connection.baseUrl && (
        // Keyed by the saved URL: a result about an earlier URL is dropped when a new one is saved.
        <ConnectionTest
          key={connection.baseUrl}
          host={new URL(connection.baseUrl).host}
          mock={isLoopbackUrl(connection.baseUrl)}
          unsavedUrl={urlChanged}
        />
      )}
    </StepLayout>
  );
}
