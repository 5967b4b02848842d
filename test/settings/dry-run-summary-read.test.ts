/**
 * getSettings reads results/dry-run-summary.json to derive the step status. A damaged or foreign file must
 * read as "no dry run yet", not crash the call (it used to be trusted by a cast).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers } from '../../main/api/handlers';
import { dataFiles } from '../../main/app/data-files';
import { createTestContext, type TestContext } from '../support/context';

let test: TestContext | null = null;
afterEach(async () => {
  await test?.cleanup();
  test = null;
});

for (const [label, content] of <Array<[string, string]>>[
  ['the wrong shape', JSON.stringify({ cycles: 'none', quarantine: null })],
  ['a list', '[]'],
]) {
  it(`answers getSettings when the saved dry-run summary holds ${label}`, async () => {
    test = await createTestContext();
    const file = dataFiles.dryRunSummary(test.dataDir);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, content);
    const answer = await dispatch(createHandlers(test.context), 'getSettings', {});
    expect(answer).toMatchObject({ ok: true, value: { stepStatus: { 'dry-run': 'not-started' } } });
  });
}
