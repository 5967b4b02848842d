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
import { LogSummary } from './LogSummary';
import { useMonitorAnalysis } from './use-monitor-analysis';
import { when } from '../../text';

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
  kept: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalM,
  },
});

export function LogImport() {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const monitor = useMonitorAnalysis();
  const { analysis, failure } = monitor;
  const reading = monitor.busy !== null;

  async function load(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    await monitor.importFile(file);
    if (input.current) input.current.value = '';
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
          {monitor.busy === 'file' ? 'Reading…' : 'Choose file…'}
        </Button>
        <GraphLogsButton
          disabled={reading}
          reading={monitor.busy === 'graph'}
          onRead={() => void monitor.readFromGraph()}
        />
        <input
          ref={input}
          type="file"
          accept=".csv,.json,.jsonl,.ndjson,.txt"
          className={styles.hidden}
          data-testid="log-file-input"
          onChange={(event) => void load(event.currentTarget.files)}
        />
      </div>

      {failure && (
        <MessageBar intent="error" className={styles.message} data-testid="log-import-error">
          <MessageBarBody>
            <MessageBarTitle>Nothing imported from {failure.fileName}</MessageBarTitle>
            {failure.message}
            {analysis && ` The analysis of ${analysis.fileName} below is kept.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {analysis && (
        <>
          <div className={styles.kept} data-testid="log-kept">
            <Text size={200} className={styles.dropText}>
              {analysis.source === 'graph' ? 'Read from Microsoft Graph' : 'Imported'}{' '}
              {when(analysis.importedAt)}. Kept on this computer (the summary, not the file) and added to the
              support export.
            </Text>
            <Button
              size="small"
              appearance="subtle"
              disabled={reading}
              data-testid="log-forget"
              onClick={() => void monitor.clear()}
            >
              Forget this analysis
            </Button>
          </div>
          <LogSummary fileName={analysis.fileName} summary={analysis.summary} warnings={analysis.warnings} />
        </>
      )}
    </div>
  );
}
