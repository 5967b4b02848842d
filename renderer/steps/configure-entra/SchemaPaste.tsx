import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { messageOf } from '../../text';

const useStyles = makeStyles({
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  json: {
    maxHeight: '320px',
    overflow: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    background: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
  },
  // WCAG 2.2 target size: at least 24 px high, and not as wide as the page.
  summary: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    minHeight: '24px',
    cursor: 'pointer',
    marginTop: tokens.spacingVerticalS,
  },
});

/** The tested mapping and filters as schema JSON, the one-step alternative to clicking them in. */
export function SchemaPaste() {
  const styles = useStyles();
  const [schema, setSchema] = useState<ApiResponse<'exportEntraSchema'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.exportEntraSchema({}).then(setSchema, (failure: unknown) => setError(messageOf(failure)));
  }, []);
  if (error) return <Text>The schema JSON could not be built: {error}</Text>;
  if (!schema) return <Spinner size="tiny" label="Building the schema JSON…" />;
  const download = () => {
    const url = URL.createObjectURL(new Blob([schema.content], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: schema.fileName });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div data-testid="schema-paste" data-kind={schema.kind}>
      {schema.kind === 'merged' ? (
        <p>
          Instead of the clicks in step 4: open{' '}
          <b>
            Mappings &gt; Provision Microsoft Entra ID Users &gt; Show advanced options &gt; Review your
            schema here
          </b>
          , replace all of the text with this schema, and <b>Save</b>. It is the schema you imported with your
          tested mappings and scoping filters merged in; everything else is as it was.
        </p>
      ) : (
        <p>
          You have not imported your Entra schema, so this is only the user object mapping. In the schema
          editor, replace the object in <code>objectMappings</code> whose <code>sourceObjectName</code> is{' '}
          <code>User</code> with it. Safer: import your schema on the Attribute mappings step first, and this
          becomes the whole schema.
        </p>
      )}
      <div className={styles.actions}>
        <CopyButton value={schema.content} label="Copy schema JSON" testId="copy-schema-json" />
        <Button icon={<ArrowDownload20Regular />} data-testid="download-schema-json" onClick={download}>
          Download {schema.fileName}
        </Button>
      </div>
      <details>
        <summary className={styles.summary}>Show the JSON</summary>
        <pre className={styles.json} data-testid="schema-json">
          {schema.content}
        </pre>
      </details>
    </div>
  );
}
