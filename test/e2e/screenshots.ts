import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

/**
 * Keeps a screenshot as a test artifact (test-results/screenshots). With UPDATE_SCREENSHOTS=1 it also
 * refreshes the copy under docs/screenshots that the README shows. Browser project only, so both drivers
 * do not overwrite each other.
 */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  if (testInfo.project.name !== 'browser') return;
  const artifact = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path: artifact });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync(artifact, `docs/screenshots/${name}.png`);
  }
}
