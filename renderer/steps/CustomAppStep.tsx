/**
 * The app step on the custom path (Jostle's alternate approach): create a non-gallery app, set provisioning to
 * Automatic, enter the Tenant URL (with or without Microsoft's compliance flag) and the Secret Token, and run
 * Test Connection as Entra sends it.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { SCIM_COMPLIANCE_FLAG, tenantUrlFor } from '../../shared/app-path/app-path';
import { isLoopbackUrl } from '../../shared/connection/validation';
import { Checklist } from '../components/Checklist';
import { CopyButton } from '../components/CopyButton';
import { ExternalLink } from '../components/ExternalLink';
import { StepLayout } from '../components/StepLayout';
import { useAssistant } from '../state/assistant-state';
import { ConnectionTest } from './ConnectionTest';
import { SecretToken } from './configure-entra/SecretToken';

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  url: {
    fontFamily: tokens.fontFamilyMonospace,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    background: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  value: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

function TenantUrls({ baseUrl }: { baseUrl: string }) {
  const styles = useStyles();
  const plain = tenantUrlFor('custom', baseUrl, false);
  const flagged = tenantUrlFor('custom', baseUrl, true);
  return (
    <ul>
      <li>
        <span className={styles.value}>
          Without the flag:{' '}
          <code className={styles.url} data-testid="custom-tenant-url">
            {plain}
          </code>
          <CopyButton value={plain} label="Copy Tenant URL" testId="copy-custom-tenant-url" />
        </span>
      </li>
      <li>
        <span className={styles.value}>
          With the flag:{' '}
          <code className={styles.url} data-testid="custom-tenant-url-flag">
            {flagged}
          </code>
          <CopyButton
            value={flagged}
            label="Copy Tenant URL with the flag"
            testId="copy-custom-tenant-url-flag"
          />
        </span>
      </li>
    </ul>
  );
}

export function CustomAppStep() {
  const styles = useStyles();
  const { connection } = useAssistant();
  const baseUrl = connection?.baseUrl ?? null;
  return (
    <StepLayout
      stepId="gallery"
      title="Create a custom app in Entra"
      tutorialStep="Jostle’s alternate approach: a custom application"
    >
      <p data-testid="custom-app-intro">
        You chose a <b>custom non-gallery app</b>. Entra gives it generic SCIM settings instead of Jostle’s
        template, so the <b>Attribute mappings</b> step starts from Entra’s generic defaults and flags what
        Jostle cannot take.
      </p>
      <h2 className={styles.heading}>Create the app</h2>
      <ol>
        <li>
          Sign in to the{' '}
          <ExternalLink href="https://entra.microsoft.com">Microsoft Entra admin center</ExternalLink>.
        </li>
        <li>
          Go to <b>Entra ID &gt; Enterprise apps &gt; New application &gt; Create your own application</b>{' '}
          (older builds: Identity &gt; Applications &gt; Enterprise applications).
        </li>
        <li>
          Name it (for example “Jostle provisioning”), choose{' '}
          <b>Integrate any other application you don’t find in the gallery (Non-gallery)</b> and select{' '}
          <b>Create</b>.
        </li>
        <li>
          Open the app’s <b>Provisioning</b> page and set <b>Provisioning Mode</b> to <b>Automatic</b>.
        </li>
      </ol>
      <h2 className={styles.heading}>Admin Credentials</h2>
      <p>
        <b>Tenant URL</b> is your Jostle Base URL. Microsoft documents an optional{' '}
        <code>?{SCIM_COMPLIANCE_FLAG}</code> suffix for non-gallery apps: it switches Entra’s updates to the
        standard SCIM format (true/false instead of “True”/“False”, lower-case operations, several attributes
        in one operation). Jostle does not say which format it expects, so pick one and run the dry run with
        the same <b>PATCH dialect</b>. Microsoft notes the flag does not work with provision on demand.{' '}
        <ExternalLink href="https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility">
          Microsoft’s SCIM compliance page
        </ExternalLink>
      </p>
      {baseUrl ? (
        <TenantUrls baseUrl={baseUrl} />
      ) : (
        <Text className={styles.muted}>
          Save your Base URL on the Base URL step to see the Tenant URL here.
        </Text>
      )}
      <p>
        <b>Secret Token</b> is your Jostle API key:
      </p>
      <SecretToken />
      <h2 className={styles.heading}>Test Connection</h2>
      <p>
        Entra’s <b>Test Connection</b> looks up a user that cannot exist (a random GUID as userName) and
        expects 200 with an empty list. Microsoft says it may also fetch a random group; Jostle has no groups,
        so if the test fails on that, set <b>Mappings &gt; Provision Microsoft Entra ID Groups</b> to{' '}
        <b>Enabled: No</b> (assumed: not documented for Jostle). The same user lookup, from here:
      </p>
      {baseUrl && <ConnectionTest key={baseUrl} host={new URL(baseUrl).host} mock={isLoopbackUrl(baseUrl)} />}
      <Checklist
        stepId="gallery"
        entries={[
          { id: 'added-app', label: 'I created a non-gallery app (Create your own application)' },
          {
            id: 'separate-test-app',
            label: 'It is a separate app for testing, not the one used for sign-in',
          },
          {
            id: 'opened-provisioning',
            label: 'Provisioning Mode is Automatic and Test Connection succeeded',
          },
        ]}
      />
    </StepLayout>
  );
}
