/**
 * The Entra (Microsoft Graph) tool against the loopback Graph fake (test/fakes/graph), with a token handed
 * in through JPA_GRAPH_TOKEN_ENV the way `--graph-token-env` does in the CLI: find the app, pull, see the
 * job, apply a restart behind its typed confirmation, and read the job's logs into the Monitor step.
 */
import { generateSyntheticTenant } from '../../shared/source-data';
import { READ_SCOPES, WRITE_SCOPES } from '../../main/graph/permissions';
import { FakeGraph } from '../fakes/graph/server';
import { buildFakeTenant } from '../fakes/graph/tenant';
import { KeyringSecretStore } from '../../main/secrets/keyring-store';
import { tempDir, uniqueKeychainService } from '../support/temp';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { callApi } from './pages/api';
import { WizardPage } from './pages/wizard-page';

const synthetic = generateSyntheticTenant({ users: 600, seed: 8 });
let fake: FakeGraph;

test.beforeAll(async () => {
  const tenant = buildFakeTenant(synthetic.users, synthetic.assignments);
  const jobId = tenant.apps[0]!.jobs[0]!.id;
  tenant.provisioningLogs = Array.from({ length: 40 }, (_, index) => ({
    id: `event-${index}`,
    activityDateTime: new Date(Date.UTC(2026, 11, 1, 9, 0, index)).toISOString(),
    jobId,
    cycleId: 'cycle-1',
    changeId: `change-${index}`,
    provisioningAction: 'create',
    sourceIdentity: { id: synthetic.users[index]!.objectId, displayName: 'User', identityType: 'User' },
    provisioningStatusInfo: { status: 'success', errorInformation: null },
  }));
  fake = new FakeGraph(tenant);
  fake.pageSize = 200;
  await fake.start();
});
test.afterAll(() => fake.stop());

test.use({
  // eslint-disable-next-line no-empty-pattern
  driverOptions: async ({}, use) => {
    const dir = tempDir('jpa-e2e-');
    const service = uniqueKeychainService();
    const token = fake.issueToken({
      scopes: [...READ_SCOPES, ...WRITE_SCOPES],
      upn: 'admin@contoso.example',
    });
    await use({
      dataDir: dir.path,
      env: {
        ...process.env,
        JPA_KEYCHAIN_SERVICE: service,
        JPA_GRAPH_TOKEN_ENV: 'E2E_GRAPH_TOKEN',
        E2E_GRAPH_TOKEN: token,
        JPA_GRAPH_URL: fake.url,
      },
    });
    await new KeyringSecretStore(service).delete('jostle-api-key').catch(() => undefined);
    dir.remove();
  },
});

test('Entra tool: pull the tenant, apply a restart behind its confirmation, read the logs in Monitor', async ({
  assistant,
}, testInfo) => {
  const page = assistant.page;
  await page.getByTestId('tool-link-entra').click();
  await expect(page.getByTestId('tool-entra')).toBeVisible();
  await page.getByTestId('entra-sign-in').waitFor();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('entra-identity')).toContainText('admin@contoso.example');

  await page.getByRole('button', { name: 'Find the Jostle app' }).click();
  await page.getByTestId('entra-apps').getByText('Jostle (gallery, sp-jostle-1)').click();
  await page.getByRole('button', { name: 'Provisioning job status' }).click();
  await expect(page.getByTestId('entra-job')).toContainText('NotRun');
  await page.getByTestId('entra-pull').click();
  await expect(page.getByTestId('entra-pulled')).toContainText('Saved 600 users');
  expect(fake.log.filter((entry) => entry.path === '/v1.0/users')).toHaveLength(3);

  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Restart provisioning' }).click();
  await page.getByTestId('entra-plan').click();
  await expect(page.getByTestId('entra-planned-request')).toContainText('/restart');
  const send = page.getByRole('button', { name: 'Send to Entra' });
  await expect(send).toBeDisabled();
  await page.getByTestId('entra-confirm').fill('contoso.example/Jostle');
  await send.click();
  await expect(page.getByTestId('entra-outcome')).toContainText('HTTP 204');
  expect(fake.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/restart'))).toHaveLength(
    1,
  );

  const axe = await new AxeBuilder({ page }).include('[data-testid="tool-entra"]').analyze();
  expect(
    axe.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);

  const wizard = new WizardPage(page);
  // Browser mode, signed in with the app read: the key goes to Entra through Graph, the primary action.
  await callApi(page, 'saveConnection', {
    baseUrl: 'https://contoso-e2e.jostle.us/scim2',
    apiKey: 'e2eGraphKey-8Jd3Ks7Lw2Qp5Zn9',
  });
  await page.reload();
  await page.locator('[data-app-state="loaded"]').waitFor();
  await wizard.open('configure-entra');
  if (testInfo.project.name === 'browser') {
    await expect(page.getByTestId('secret-token-browser')).toContainText('signed in to Microsoft Graph');
    await page.getByTestId('secret-token-graph').click();
    await expect(page.getByTestId('tool-entra')).toBeVisible();
  }
  await wizard.open('monitor');
  await page.getByTestId('log-read-graph').click();
  await expect(page.getByTestId('log-summary')).toBeVisible();
  await expect(page.getByTestId('log-summary')).toContainText('Graph provisioning logs');
});
