/**
 * What the window's main thread did during an import, measured in the page itself: every long task
 * (PerformanceObserver 'longtask': a task of more than 50 ms, the unit Chromium reports blocking in) and
 * each text the import progress showed, with the time it appeared, and when the new import's status
 * appeared. Shared by the long-task E2E spec and `npm run bench:ui`.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';

export interface LongTask {
  start: number;
  duration: number;
}

export interface Recording {
  longTasks: LongTask[];
  /** Each distinct text of the import progress box, in order. */
  progress: { at: number; text: string }[];
  /** When the users' status first named `finishedText`; null if it never did. */
  finishedAt: number | null;
  startedAt: number;
  now: number;
}

/** A synthetic tenant's Download users CSV of `users` users in `dir`, written by a child process. */
export async function writeTenantCsv(users: number, dir: string): Promise<string> {
  const file = join(dir, `tenant-${users}.csv`);
  await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    'test/e2e/support/write-tenant-csv.ts',
    String(users),
    file,
  ]);
  return file;
}

/**
 * Starts recording in the page. `finishedText` is what the users' status says once the import is done
 * (its file name is enough: the previous import has another).
 */
export async function startRecording(page: Page, finishedText: string): Promise<void> {
  await page.evaluate((finished) => {
    const state = {
      longTasks: [] as { start: number; duration: number }[],
      progress: [] as { at: number; text: string }[],
      finishedAt: null as number | null,
      startedAt: performance.now(),
    };
    (window as unknown as { __jpaRecording: typeof state }).__jpaRecording = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    new MutationObserver(() => {
      const progress = document.querySelector('[data-testid="import-progress"]')?.textContent ?? null;
      if (progress !== null && progress !== state.progress.at(-1)?.text)
        state.progress.push({ at: performance.now(), text: progress });
      const status = document.querySelector('[data-testid="import-users-status"]')?.textContent ?? '';
      if (state.finishedAt === null && status.includes(finished)) state.finishedAt = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, finishedText);
}

export async function readRecording(page: Page): Promise<Recording> {
  return page.evaluate(() => {
    const state = (window as unknown as { __jpaRecording: Omit<Recording, 'now'> }).__jpaRecording;
    return { ...state, now: performance.now() };
  });
}

export interface LongTaskSummary {
  longestMs: number;
  over50: number;
  over100: number;
  /** Sum of each long task's time past 50 ms (Lighthouse's "total blocking time"). */
  blockingMs: number;
  wallMs: number;
}

export function summarize(recording: Pick<Recording, 'longTasks' | 'startedAt' | 'now'>): LongTaskSummary {
  const durations = recording.longTasks.map((task) => task.duration);
  return {
    longestMs: Math.round(Math.max(0, ...durations)),
    over50: durations.filter((duration) => duration > 50).length,
    over100: durations.filter((duration) => duration > 100).length,
    blockingMs: Math.round(durations.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0)),
    wallMs: Math.round(recording.now - recording.startedAt),
  };
}

/** Picks `file` for the user import through the real file chooser, as the admin does. */
export async function chooseUsersFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('users-file-drop').getByRole('button', { name: 'Choose files' }).click();
  await (await chooser).setFiles(file);
}
