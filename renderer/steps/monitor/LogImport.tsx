import {
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowUpload20Regular, DocumentTable24Regular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent } from 'react';
import { GraphLogsButton } from '../../tools/entra/GraphLogsButton';
import { importLogFile, type Imported } from './import-log';
import { LogSummary } from './LogSummary';
import { messageOf } from '../../text';

const useStyles = makeStyles({
  drop: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    background: tokens.colorNeutralBackground1,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, background: tokens.colorBrandBackground2 },
  dropText: { flexGrow: 1, color: tokens.colorNeutralForeground2 },
  hidden: { display: 'none' },
  message: { marginTop: tokens.spacingVerticalM },
});

export function LogImport() {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState(false);
  const [imported, setImported] = useState<Imported | null>(null);

  async function load(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setReading(true);
    // Replace the previous result whole: a failed import never leaves an older summary looking current.
    setImported(null);
    try {
      setImported(await importLogFile(file));
    } catch (error) {
      setImported({
        fileName: file.name,
        error: {
          message: `The file could not be read: ${messageOf(error)}`,
        },
      });
    } finally {
      setReading(false);
      if (input.current) input.current.value = '';
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files);
  };

  return (
    <div>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dragging)}
        data-testid="log-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <DocumentTable24Regular aria-hidden />
        <Text className={styles.dropText}>
          Drop the <b>ProvisioningLogs</b> CSV or the JSON download here, or
        </Text>
        <Button
          icon={<ArrowUpload20Regular />}
          disabled={reading}
          onClick={() => input.current?.click()}
          data-testid="log-choose-file"
        >
          Choose file…
        </Button>
        <GraphLogsButton disabled={reading} onRead={setImported} />
        <input
          ref={input}
          type="file"
          accept=".csv,.json,.jsonl,.ndjson,.txt"
          className={styles.hidden}
          data-testid="log-file-input"
          onChange={(event) => void load(event.currentTarget.files)}
        />
      </div>

      {imported && 'error' in imported && (
        <MessageBar intent="error" className={styles.message} data-testid="log-import-error">
          <MessageBarBody>
            <MessageBarTitle>Nothing imported from {imported.fileName}</MessageBarTitle>
            {imported.error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {imported && 'summary' in imported && (
        <LogSummary fileName={imported.fileName} summary={imported.summary} warnings={imported.warnings} />
      )}
    </div>
  );
}
