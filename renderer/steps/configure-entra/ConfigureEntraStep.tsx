import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { isLoopbackHost } from '../../../shared/connection/validation';
import type { ScopeConfig } from '../../../shared/scoping';
import { api } from '../../api/client';
import { Checklist } from '../../components/Checklist';
import { CopyButton } from '../../components/CopyButton';
import { ExternalLink } from '../../components/ExternalLink';
import { StepLayout } from '../../components/StepLayout';
import { useAssistant } from '../../state/assistant-state';
import { useEntraSchema } from '../mappings/use-entra-schema';
import { MappingTable } from './MappingTable';
import { SchemaPaste } from './SchemaPaste';
import { ScopingFilters } from './ScopingFilters';
import { PathInstructions } from './PathInstructions';
import { SecretToken } from './SecretToken';

const SCOPE_LABEL = {
  assignedOnly: 'Sync only assigned users and groups',
  allUsers: 'Sync all users and groups',
} as const;

function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

const useStyles = makeStyles({
  section: {
    marginTop: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    background: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  number: {
    display: 'inline-grid',
    placeItems: 'center',
    width: '24px',
    height: '24px',
    marginRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    background: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase200,
  },
  field: { marginTop: tokens.spacingVerticalS },
  label: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  value: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  url: {
    fontFamily: tokens.fontFamilyMonospace,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    background: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  hint: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function Section({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Subtitle2 as="h2">
        <span className={styles.number} aria-hidden>
          {number}
        </span>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

function TenantUrl() {
  const styles = useStyles();
  const { connection, setSettings } = useAssistant();
  if (!connection?.baseUrl) {
    return (
      <Text>
        No Base URL is saved yet.{' '}
        <Button
          appearance="transparent"
          size="small"
          onClick={() => void api.setCurrentStep({ stepId: 'connection' }).then(setSettings)}
        >
          Add it on the Base URL step
        </Button>
      </Text>
    );
  }
  if (isLoopbackUrl(connection.baseUrl)) {
    // Entra runs in Microsoft's cloud: a URL on this computer (Mock Jostle) can never be its Tenant URL.
    return (
      <MessageBar intent="warning" data-testid="tenant-url-mock">
        <MessageBarBody>
          The saved Base URL, <code>{connection.baseUrl}</code>, is Mock Jostle (or another server) on this
          computer, not your Jostle tenant: Entra cannot reach it, and the saved key is the mock’s. Save your
          real Jostle Base URL and API key on the Base URL step, then come back here.{' '}
          <Button
            appearance="transparent"
            size="small"
            onClick={() => void api.setCurrentStep({ stepId: 'connection' }).then(setSettings)}
          >
            Go to the Base URL step
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <span className={styles.value}>
        <code className={styles.url} data-testid="tenant-url">
          {connection.baseUrl}
        </code>
        <CopyButton value={connection.baseUrl} label="Copy Tenant URL" testId="copy-tenant-url" />
      </span>
      <Text className={styles.hint}>
        Your Jostle Base URL, exactly as saved. Microsoft’s optional <code>?aadOptscim062020</code> suffix
        switches Entra to its newer update format; add it only if Jostle Support asks you to.
      </Text>
    </>
  );
}

export function ConfigureEntraStep() {
  const styles = useStyles();
  const entra = useEntraSchema();
  const [scope, setScope] = useState<ScopeConfig | null>(null);
  useEffect(() => {
    void api.getScope({}).then((state) => setScope(state.config));
  }, []);
  const actions = entra.state?.imported?.targetObjectActions;
  const allActions = !actions || (actions.create && actions.update && actions.delete);
  return (
    <StepLayout stepId="configure-entra" tutorialStep="Step 5, Configure automatic user provisioning">
      <p>
        Enter these values in Entra in the order its pages ask for them, and tick each part as you finish it.
        Open the <ExternalLink href="https://entra.microsoft.com">Microsoft Entra admin center</ExternalLink>,
        then <b>Entra ID &gt; Enterprise apps &gt; Jostle &gt; Provisioning</b> (older builds: Identity &gt;
        Applications &gt; Enterprise applications).
      </p>
      <PathInstructions />

      <Section number={1} title="Provisioning Mode">
        <p>
          Select <b>Get started</b> (or <b>Edit provisioning</b>) and set <b>Provisioning Mode</b> to{' '}
          <b>Automatic</b>.
        </p>
        <Checklist
          stepId="configure-entra"
          entries={[{ id: 'mode-automatic', label: 'Provisioning Mode is Automatic' }]}
        />
      </Section>

      <Section number={2} title="Admin Credentials">
        <div className={styles.field}>
          <span className={styles.label}>Tenant URL</span>
          <TenantUrl />
        </div>
        <div className={styles.field}>
          <span className={styles.label}>Secret Token</span>
          <Text className={styles.hint}>
            Your Jostle API key. Copying puts it on the clipboard straight from your keychain and clears it
            after 60 seconds.
          </Text>
          <SecretToken />
        </div>
        <p>
          Then select <b>Test Connection</b>. If it fails, check that the Automation user has signed in to
          Jostle once and that the key was not revoked.
        </p>
        <Checklist
          stepId="configure-entra"
          entries={[
            { id: 'admin-credentials', label: 'Tenant URL and Secret Token are entered' },
            { id: 'test-connection', label: 'Test Connection succeeded' },
          ]}
        />
      </Section>

      <Section number={3} title="Notification Email">
        <p>
          Enter a person or group mailbox and tick <b>Send an email notification when a failure occurs</b>.
          Jostle also reports failures, so this is optional. Then select <b>Save</b> at the top.
        </p>
        <Checklist
          stepId="configure-entra"
          entries={[
            { id: 'notification-email', label: 'Notification email set (or deliberately left empty)' },
            { id: 'saved-credentials', label: 'Saved' },
          ]}
        />
      </Section>

      <Section number={4} title="Mappings">
        <p>
          Open <b>Mappings &gt; Provision Microsoft Entra ID Users</b>. Set it up in the order the page shows,
          then <b>Save</b>.
        </p>
        <Subtitle2 as="h3">Source Object Scope</Subtitle2>
        {scope ? <ScopingFilters scope={scope} entra={entra.state} /> : null}
        <Subtitle2 as="h3">Target Object Actions</Subtitle2>
        <p data-testid="configure-target-actions">
          {allActions
            ? 'Keep Create, Update and Delete ticked: the dry run tested all three.'
            : `Your Entra schema has only ${[actions.create && 'Create', actions.update && 'Update', actions.delete && 'Delete'].filter(Boolean).join(' and ')} ticked; the dry run tested all three. Tick the others, or expect Entra to skip what the dry run did.`}
        </p>
        <Subtitle2 as="h3">Attribute Mappings</Subtitle2>
        <p>Make the list match this one.</p>
        <MappingTable baseline={entra.baseline} />
        <Checklist
          stepId="configure-entra"
          entries={[
            { id: 'mappings', label: 'Entra’s scoping filters and mappings match the tables and are saved' },
          ]}
        />
      </Section>

      <Section number={5} title="Settings and Provisioning Status">
        <p data-testid="configure-scope-mode">
          Back on the provisioning page, under <b>Settings</b>, set <b>Scope</b> to{' '}
          <b>{SCOPE_LABEL[scope?.scope ?? 'assignedOnly']}</b>, as you tested it. Set{' '}
          <b>Provisioning Status</b> to <b>On</b>, then select <b>Save</b>. Saving starts the first cycle.
        </p>
        <p data-testid="configure-accidental-deletions">
          Also under <b>Settings</b>: <b>Prevent accidental deletions</b>. It is off unless you tick it; with
          it on, with the deletion threshold you give, a cycle that would disable or delete more users than
          that holds them back until you allow them. Jostle users removed from scope are deactivated, so a
          threshold protects against a scoping mistake. The dry run can try it (its{' '}
          <b>Prevent accidental deletions</b> setting).
        </p>
        {scope?.scope === 'allUsers' && (
          <MessageBar intent="warning" data-testid="configure-scope-all-warning">
            <MessageBarBody>
              You tested <b>Sync all users and groups</b>
              {scope.filters.length > 0
                ? ` with ${scope.filters.length} scoping ${scope.filters.length === 1 ? 'filter' : 'filters'}`
                : ''}
              . The Jostle tutorial recommends <b>Sync only assigned users and groups</b>: with Sync all,
              every user who passes the filters gets a Jostle account, assigned or not.
            </MessageBarBody>
          </MessageBar>
        )}
        <Checklist
          stepId="configure-entra"
          entries={[
            { id: 'scope-assigned', label: `Scope is “${SCOPE_LABEL[scope?.scope ?? 'assignedOnly']}”` },
            { id: 'status-on', label: 'Provisioning Status is On' },
            { id: 'saved-settings', label: 'Saved: the first cycle has started' },
          ]}
        />
      </Section>

      <Section number={6} title="One step instead: paste the schema">
        <SchemaPaste />
      </Section>
    </StepLayout>
  );
}
