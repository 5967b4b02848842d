import { expect, test } from './fixtures';
import { callApi } from './pages/api';
import { ToolsPage, WizardPage } from './pages/wizard-page';
import { keepScreenshot } from './screenshots';

test('diagnostics against Mock Jostle pass, and a revoked key is diagnosed with the tutorial’s remedy', async ({
  assistant,
}, testInfo) => {
  const page = assistant.page;
  const tools = new ToolsPage(page);
  await tools.startMock();
  await expect(page.getByTestId('mock-state')).toContainText('Running');

  await tools.runDiagnostics();
  await expect(page.getByTestId('probe-report')).toContainText('No problems found');
  await expect(page.getByTestId('probe-test-connection')).toHaveAttribute('data-status', 'pass');
  await keepScreenshot(page, testInfo, 'diagnostics');

  await tools.openMock();
  await expect(page.getByTestId('mock-log')).toContainText('/Users?filter=');
  await tools.setFault('unauthorized', true);

  await tools.runDiagnostics();
  await expect(page.getByTestId('probe-report')).toContainText('Something needs fixing');
  await expect(page.getByTestId('probe-test-connection')).toHaveAttribute('data-status', 'fail');
  await expect(page.getByTestId('remedy-test-connection')).toContainText(/Automation user/i);
});

test('the Base URL step’s Test connection uses the saved URL and key', async ({ assistant }) => {
  const page = assistant.page;
  const tools = new ToolsPage(page);
  // Mock Jostle stands in for a live tenant here: its loopback URL and token are saved like a real pair.
  const mock = await tools.startMock();

  const wizard = new WizardPage(page);
  await wizard.open('connection');
  await wizard.fillConnection(mock.baseUrl, mock.token);
  await expect(page.getByTestId('saved-key')).toBeVisible();
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('connection-test-result')).toContainText('Jostle accepted the key', {
    timeout: 30_000,
  });

  await tools.openMock();
  await tools.setFault('unauthorized', true);
  await wizard.open('connection');
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('connection-test-result')).toContainText('Test Connection would fail', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('connection-test')).toContainText(/Automation user/i);
  // One verdict and one remedy: the checks that failed for the same 401 are named, not explained again.
  await expect(page.getByTestId('connection-test-remedy')).toHaveCount(1);
  await expect(page.getByTestId('connection-test-same-cause')).toContainText('for the same reason');
  await expect(page.locator('[data-testid^="remedy-"]:visible')).toHaveCount(0);
  await wizard.expectStatus('connection', 'needs-attention');

  await tools.openMock();
  await tools.setFault('unauthorized', false);
  await wizard.open('connection');
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('connection-test-result')).toContainText('Mock Jostle accepted the key', {
    timeout: 30_000,
  });
  // A passing test of Mock Jostle is no reason to call the step done: the tenant's URL is still to save.
  await wizard.expectStatus('connection', 'in-progress');
});

test('while diagnostics run, the probe in progress and how many finished are shown from the pushed events', async ({
  assistant,
}) => {
  const page = assistant.page;
  const tools = new ToolsPage(page);
  await tools.startMock();
  // A slow Mock Jostle: each answer takes 400 ms, so the run lasts long enough to watch.
  await callApi(page, 'setMockFaults', { faults: [{ kind: 'latency', endpoint: 'all', latencyMs: 400 }] });
  await page.getByTestId('tool-link-diagnostics').click();
  await page.getByTestId('run-probes').click();
  const progress = page.getByTestId('probe-progress');
  // A probe named with what it is doing or how it ended, and a count that grows.
  await expect(progress).toContainText(
    /(Running: .+|.+: (passed|warning|failed|skipped))\. [1-9]\d* finished/,
    {
      timeout: 30_000,
    },
  );
  await expect(page.getByTestId('probe-report')).toBeVisible({ timeout: 60_000 });
  // Gone once the run is over: the report says the rest.
  await expect(progress).toHaveCount(0);
});
