import { createServer } from 'node:net';
import { expect, test } from './fixtures';
import { callApi } from './pages/api';
import { WizardPage } from './pages/wizard-page';

/** A loopback port nothing listens on: bound, then closed, so a connection to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('a dry run against a stopped Mock Jostle or a dead host says so, sends nothing and keeps the cycles so far', async ({
  assistant,
}) => {
  const page = assistant.page;
  await callApi(page, 'generateSyntheticUsers', { count: 8, seed: 5 });
  await callApi(page, 'saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });
  const wizard = new WizardPage(page);
  await wizard.open('dry-run');
  // The initial cycle starts Mock Jostle itself.
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-cycle-1')).toBeVisible({ timeout: 30_000 });

  // Mock Jostle stopped: the next cycle is refused with what to do; cycle 1 stays.
  await callApi(page, 'stopMock', {});
  await page.getByTestId('dry-run-next').click();
  await expect(page.getByTestId('dry-run-error')).toContainText('Mock Jostle is not running');
  await expect(page.getByTestId('dry-run-error')).toContainText(
    'Nothing was sent; the cycle run so far is kept',
  );
  await expect(page.getByTestId('dry-run-cycle-1')).toBeVisible();
  await expect(page.getByTestId('dry-run-cycle-2')).toHaveCount(0);

  // A saved Base URL where nothing answers: refused before anything is replaced.
  const port = await closedPort();
  await wizard.open('connection');
  await wizard.fillConnection(`http://127.0.0.1:${port}/scim2`, 'e2eDeadHost-5Rk2Lm8Qz3Xv7Nb1Wc4');
  await expect(page.getByTestId('saved-message')).toBeVisible();
  await wizard.open('dry-run');
  await page
    .getByTestId('target-switch')
    .getByLabel(/The saved Base URL/)
    .check();
  await page.getByTestId('dry-run-start').click();
  await expect(page.getByTestId('dry-run-start-confirm-text')).toContainText('run against Mock Jostle');
  await page.getByTestId('dry-run-start-confirm').click();
  const error = page.getByTestId('dry-run-error');
  await expect(error).toContainText(`Cannot reach 127.0.0.1:${port} (the server refused the connection`);
  await expect(error).toContainText('Nothing was sent; the cycle run so far is kept');
  await expect(page.getByTestId('dry-run-cycle-1')).toBeVisible();
  const status = await callApi<{ target: string; cyclesRun: number }>(page, 'getDryRunStatus', {});
  expect(status).toMatchObject({ target: 'mock', cyclesRun: 1 });
});
