/**
 * Issue 18 and walkthrough #7: importing and previewing a large tenant never blocks the window's main thread
 * for more than 100 ms at a time, and progress shows from the first moment. 100,000 users in CI (about a
 * minute); LONGTASK_USERS=500000 for the full size (`npm run bench:ui` prints the figures beside baselines).
 */
import { writeFileSync } from 'node:fs';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { ScopePage } from './pages/scope-mappings-page';
import { WizardPage } from './pages/wizard-page';
import { tempDir } from '../support/temp';
import {
  chooseUsersFile,
  readRecording,
  startRecording,
  summarize,
  writeTenantCsv,
} from './support/long-tasks';

// A trace snapshots the page's DOM at every step, on the very thread being measured.
test.use({ trace: 'off' });

const USERS = Number(process.env.LONGTASK_USERS ?? 100_000);
const MAX_TASK_MS = 100;
const folder = tempDir('jpa-longtask-');
let csv = '';

test.beforeAll(async () => {
  test.setTimeout(60_000 + USERS / 5);
  csv = await writeTenantCsv(USERS, folder.path);
});
test.afterAll(() => folder.remove());

test(`importing and previewing ${USERS.toLocaleString('en-US')} users never blocks the window for more than ${MAX_TASK_MS} ms`, async ({
  assistant,
}, testInfo) => {
  // Reading, parsing and previewing run in the handler host; this budget is for a loaded 2-core machine.
  test.setTimeout(90_000 + USERS / 2);
  const page = assistant.page;
  const scope = new ScopePage(page);
  const fileName = `tenant-${USERS}.csv`;
  await new WizardPage(page).open('scope');
  // Something to replace: the admin sees it is on its way out while the new list arrives.
  await page.getByTestId('try-synthetic').click();
  await expect(page.getByTestId('import-users-status')).toContainText('200 users from synthetic tenant');

  await startRecording(page, fileName);
  await chooseUsersFile(page, csv);
  await expect(page.getByTestId('import-progress-title')).toContainText(`Importing ${fileName} (`);
  await expect(page.getByTestId('import-replacing')).toContainText(
    'Replaces 200 users from synthetic tenant',
  );
  const done = { timeout: 60_000 + USERS / 4 };
  const finished = page
    .getByTestId('import-users-status')
    .filter({ hasText: `${USERS.toLocaleString('en-US')} users from ${fileName}` });
  // Done, or refused: a refusal fails here with its message rather than waiting out the timeout.
  await expect(finished.or(page.getByTestId('import-error'))).toBeVisible(done);
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);

  // Preview: the counts, a page of rows, another tab, the next page, a search, and a new scope evaluated.
  await expect(scope.count('total')).toHaveText(USERS.toLocaleString('en-US'), done);
  await expect(scope.rows()).toHaveCount(25);
  await scope.show('out-of-scope');
  await expect(page.getByTestId('preview-range')).toContainText('1–25 of');
  await page.getByTestId('preview-table').getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('preview-range')).toContainText('26–50 of');
  await scope.search('garcia');
  await expect(scope.rows().first()).toContainText('garcia', { ignoreCase: true });
  await page.getByTestId('scope-choice').getByLabel('Sync all users and groups').check();
  await scope.saveScope();
  await expect(scope.count('in-scope')).toHaveText(USERS.toLocaleString('en-US'), done);
  await scope.show('all');
  await expect(scope.rows().first()).toBeVisible();

  const recording = await readRecording(page);
  const summary = summarize(recording);
  const report = { users: USERS, ...summary, progressTexts: recording.progress.length };
  await testInfo.attach('long-tasks.json', { body: JSON.stringify({ ...report, recording }, null, 2) });
  if (process.env.LONGTASK_REPORT)
    writeFileSync(process.env.LONGTASK_REPORT, JSON.stringify({ ...report, recording }));
  console.log(`long tasks while importing ${USERS} users: ${JSON.stringify(report)}`);

  // Progress was on screen, with a count, well before the import finished.
  expect(recording.finishedAt).not.toBeNull();
  const counted = recording.progress.filter((sample) =>
    /Sending to the assistant: \d|Reading: [\d,]+ row|Checking and saving [\d,]+ row/.test(sample.text),
  );
  expect(counted.length).toBeGreaterThan(0);
  expect(recording.progress[0]!.at).toBeLessThan(recording.finishedAt!);
  expect(counted[0]!.at).toBeLessThan(recording.finishedAt!);
  expect(recording.progress[0]!.text).toContain(`Importing ${fileName}`);
  // And the window never froze.
  expect(summary.longestMs, JSON.stringify(recording.longTasks)).toBeLessThanOrEqual(MAX_TASK_MS);

  // Measured. Now the progress box itself: accessible, and Cancel keeps what was imported.
  const before = await page.getByTestId('import-users-status').textContent();
  await chooseUsersFile(page, csv);
  const box = page.getByTestId('import-progress');
  await expect(box).toBeVisible();
  expect(await seriousViolations(page, 'import progress', '[data-testid="import-progress"]')).toEqual([]);
  await page.getByTestId('import-cancel').click();
  await expect(box).toHaveCount(0);
  await expect(page.getByTestId('import-error')).toContainText(
    'You cancelled the import. Nothing was changed.',
  );
  await expect(page.getByTestId('import-users-status')).toHaveText(before!);
});
