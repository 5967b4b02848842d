import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Eye20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { isLoopbackUrl } from '../../../shared/connection/validation';
import { api } from '../../api/client';
import { StepLayout } from '../../components/StepLayout';
import { useAssistant } from '../../state/assistant-state';
import { messageOf } from '../../text';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '760px',
    marginTop: tokens.spacingVerticalL,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
  preview: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalM,
    maxHeight: '420px',
    overflow: 'auto',
  },
});

type Format = 'markdown' | 'json' | 'html' | 'pdf';

/** Offers a file to the browser's downloads; only used in the browser mode, where main cannot show a dialog. */
function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportStep() {
  const styles = useStyles();
  const { appInfo, refresh, connection } = useAssistant();
  const desktop = appInfo?.transport === 'electron';
  const [format, setFormat] = useState<Format>('markdown');
  const [includeUserData, setIncludeUserData] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const fail = (failure: unknown) => setMessage({ intent: 'error', text: messageOf(failure) });

  async function save() {
    setMessage(null);
    try {
      if (desktop) {
        const result = await api.saveExport({ format, includeUserData });
        if (result.saved) setMessage({ intent: 'success', text: `Saved to ${result.path}.` });
      } else {
        const file = await api.exportSummary({ format: format === 'pdf' ? 'html' : format, includeUserData });
        download(file.fileName, file.mimeType, file.content);
        setMessage({ intent: 'success', text: `Downloaded ${file.fileName}.` });
      }
      await refresh();
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <StepLayout stepId="export" tutorialStep="Support">
      <p>
        A summary of your setup for Jostle support or your Microsoft partner: versions, the Base URL’s host,
        the key’s fingerprint and date (never the key), proxy and certificate settings, your mapping and
        scope, the latest diagnostics and dry run, and which steps are done. Anything that looks like a token
        is removed before the file is written.
      </p>
      {isLoopbackUrl(connection?.baseUrl) && (
        <MessageBar intent="warning" data-testid="export-mock-url">
          <MessageBarBody>
            The saved Base URL is Mock Jostle on this computer, not your tenant: the summary says so, and its
            results are the mock’s.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.form}>
        <Field label="Format">
          <RadioGroup
            layout="horizontal"
            value={format}
            onChange={(_event, data) => setFormat(data.value as Format)}
            data-testid="export-format"
          >
            <Radio value="markdown" label="Markdown" />
            <Radio value="html" label="Web page (HTML)" />
            <Radio value="json" label="JSON" />
            {desktop && <Radio value="pdf" label="PDF" />}
          </RadioGroup>
        </Field>
        <Checkbox
          checked={includeUserData}
          onChange={(_event, data) => setIncludeUserData(data.checked === true)}
          label="Include the imported user list and assignments (off: only their counts go in)"
          data-testid="export-include-users"
        />
        <div className={styles.row}>
          <Button
            appearance="primary"
            icon={<ArrowDownload20Regular />}
            onClick={() => void save()}
            data-testid="export-save"
          >
            {desktop ? 'Save summary…' : 'Download summary'}
          </Button>
          <Button
            icon={<Eye20Regular />}
            onClick={() =>
              void api
                .exportSummary({ format: 'markdown', includeUserData })
                .then((file) => setPreview(file.content), fail)
            }
            data-testid="export-preview"
          >
            Show what goes in
          </Button>
        </div>
        {message && (
          <MessageBar intent={message.intent} data-testid="export-message">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {preview && (
          <section>
            <Title3 as="h2">The summary</Title3>
            <Text block size={200}>
              Exactly the Markdown that would be saved.
            </Text>
            <div className={styles.preview} data-testid="export-preview-text">
              {preview}
            </div>
          </section>
        )}
      </div>
    </StepLayout>
  );
}
