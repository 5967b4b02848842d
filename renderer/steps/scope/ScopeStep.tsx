import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Text,
  tokens,
} from '@fluentui/react-components';
import { LockClosed16Regular } from '@fluentui/react-icons';
import { startTransition, useCallback, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { StepLayout } from '../../components/StepLayout';
import { useAssistant } from '../../state/assistant-state';
import { ImportPanel } from './ImportPanel';
import { PreviewSummary } from './PreviewSummary';
import { PreviewTable } from './PreviewTable';
import { ScopeEditor, type ScopeEditorStatus } from './ScopeEditor';
import { EntraScopeComparison } from './EntraScopeComparison';
import { UserPreviewDrawer } from './UserPreviewDrawer';
import { useDetailRows } from '../../components/detail-rows';

type Summary = NonNullable<ApiResponse<'getPreview'>['summary']>;

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  ruled: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalL,
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  privacy: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
    color: tokens.colorNeutralForeground3,
  },
});

export function ScopeStep() {
  const styles = useStyles();
  const { setSettings } = useAssistant();
  const [version, setVersion] = useState(0);
  const [summary, setSummary] = useState<Summary | null>(null);
  // One row's drawer (why, and what Entra would send); closing it puts focus back on the row.
  const userRows = useDetailRows<string>();
  const [editor, setEditor] = useState<ScopeEditorStatus>({ dirty: false, savedScope: null });

  // Imports and saves change this step's status in main; show main's answer.
  // In transitions: after a large import the whole step re-renders, in slices that keep the window responsive.
  const changed = useCallback(() => {
    startTransition(() => setVersion((value) => value + 1));
    void api.getSettings({}).then((view) => startTransition(() => setSettings(view)));
  }, [setSettings]);

  return (
    <StepLayout stepId="scope" tutorialStep="Step 4, Define who will be in scope">
      <p>Decide who gets a Jostle account, then check it on your own user list before Entra does anything.</p>
      <section className={styles.section}>
        <h2 className={styles.heading}>1. Your users</h2>
        <ImportPanel onImported={changed} />
        <Text size={200} className={styles.privacy}>
          <LockClosed16Regular aria-hidden /> Imported lists stay on this computer. Support exports leave them
          out unless you include them.
        </Text>
      </section>
      <section className={mergeClasses(styles.section, styles.ruled)}>
        <h2 className={styles.heading} data-testid="scope-heading">
          2. Who is in scope
        </h2>
        <Text size={200}>
          In Entra: the Jostle app’s <b>Provisioning &gt; Settings &gt; Scope</b>.
        </Text>
        <ScopeEditor onSaved={changed} onStatus={setEditor} />
        <EntraScopeComparison version={version} />
      </section>
      <section className={mergeClasses(styles.section, styles.ruled)} data-testid="preview-section">
        <h2 className={styles.heading}>3. Preview</h2>
        {editor.dirty && (
          <MessageBar intent="warning" data-testid="preview-unsaved">
            <MessageBarBody>
              Scope not saved yet: the preview shows the saved scope. Select <b>Save scope</b> to see your
              changes here.
            </MessageBarBody>
          </MessageBar>
        )}
        {summary ? (
          <PreviewSummary summary={summary} syncAll={editor.savedScope === 'allUsers'} />
        ) : (
          <Text>Import your users, or try a made-up tenant, to see who Entra would provision.</Text>
        )}
        <PreviewTable version={version} onSummary={setSummary} rows={userRows} />
      </section>
      <UserPreviewDrawer objectId={userRows.openKey} onClose={userRows.close} />
    </StepLayout>
  );
}
