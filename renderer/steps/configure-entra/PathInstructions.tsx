/**
 * Configure in Entra, per setup path: which app these instructions are for and exactly which mapping rows to
 * delete, edit or add in the portal, against the defaults a new app on that path starts with.
 */
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { APP_PATH_LABELS } from '../../../shared/app-path/app-path';
import { portalChanges, type PortalChange } from '../../../shared/mapping';
import { api } from '../../api/client';
import { useAppPath } from '../../state/app-path';
import { messageOf } from '../../text';

const useStyles = makeStyles({
  box: { marginTop: tokens.spacingVerticalL },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

function ChangeLine({ change }: { change: PortalChange }) {
  const styles = useStyles();
  const precedence =
    change.matchingPrecedence === undefined ? '' : `, matching precedence ${change.matchingPrecedence}`;
  if (change.action === 'delete')
    return (
      <>
        <b>Delete</b> <span className={styles.code}>{change.target}</span> (source {change.from})
      </>
    );
  if (change.action === 'edit')
    return (
      <>
        <b>Edit</b> <span className={styles.code}>{change.target}</span>: source {change.from} → {change.to}
        {precedence}
      </>
    );
  return (
    <>
      <b>Add</b> <span className={styles.code}>{change.target}</span> ← {change.to}
      {precedence}
      {change.addToAttributeList && (
        <>
          {' '}
          (first add it under <b>Show advanced options &gt; Edit attribute list</b>)
        </>
      )}
    </>
  );
}

export function PathInstructions() {
  const styles = useStyles();
  const { appPath } = useAppPath();
  const [changes, setChanges] = useState<PortalChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api
      .getMapping({})
      .then((state) => current && setChanges(portalChanges(state.config.mappings, appPath)))
      .catch((failure: unknown) => current && setError(messageOf(failure)));
    return () => {
      current = false;
    };
  }, [appPath]);
  return (
    <section className={styles.box} aria-label="Setup path" data-testid="path-instructions">
      <MessageBar intent={appPath === 'custom' ? 'warning' : 'info'}>
        <MessageBarBody>
          <MessageBarTitle>For the {APP_PATH_LABELS[appPath]}</MessageBarTitle>
          {appPath === 'custom'
            ? 'Open your non-gallery app (not a Jostle gallery app). Its mappings start from Entra’s generic SCIM defaults; make the changes below. Under Mappings, also set Provision Microsoft Entra ID Groups to Enabled: No (Jostle has no groups).'
            : 'Open the Jostle app you added from the gallery. Its mappings start from Jostle’s template; make the changes below.'}
        </MessageBarBody>
      </MessageBar>
      {error && <Text>{error}</Text>}
      {changes && changes.length === 0 && (
        <Text as="p" className={styles.muted} data-testid="path-changes-none">
          No mapping changes: your mapping is the path’s defaults.
        </Text>
      )}
      {changes && changes.length > 0 && (
        <>
          <Text as="p">
            Mapping changes for this app ({changes.length}), in{' '}
            <b>Mappings &gt; Provision Microsoft Entra ID Users</b>:
          </Text>
          <ol data-testid="path-changes">
            {changes.map((change) => (
              <li key={`${change.action}-${change.target}`}>
                <ChangeLine change={change} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
