import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the rules the issue holds the assistant to. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Serious and critical findings on the page as it is now (or only inside `include`, a CSS selector), each
 * with the elements it was found on.
 */
export async function seriousViolations(page: Page, where: string, include?: string): Promise<string[]> {
  // Fluent UI's focus manager (tabster) puts aria-hidden, focusable <i data-tabster-dummy> guards around
  // drawers and dialogs: they pass focus on at once and are never announced, so axe's aria-hidden-focus
  // rule does not apply to them. Everything else on the page is scanned.
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude('[data-tabster-dummy]');
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(', ')}`,
    );
}
