/** cancelJob on a large import read from disk: it stops between chunks, says `cancelled`, and changes nothing. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { generateSyntheticTenant, toDownloadUsersCsv } from '../../shared/source-data';
import { createTestContext, type TestContext } from '../support/context';

let test: TestContext;
let handlers: HandlerTable;
beforeEach(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
});
afterEach(() => test.cleanup());

it('a cancelled user import keeps the previous one and finishes as cancelled', async () => {
  expect((await dispatch(handlers, 'generateSyntheticUsers', { count: 20, seed: 1 })).ok).toBe(true);
  const path = join(test.dataDir, 'big users.csv');
  const csv = toDownloadUsersCsv(generateSyntheticTenant({ users: 12_000, seed: 5 }).users);
  expect(Buffer.byteLength(csv)).toBeGreaterThan(2 * 1024 * 1024); // more than two 1 MiB chunks
  writeFileSync(path, csv);

  const seen: { type: string; outcome?: string; progress?: { bytesRead: number; totalBytes: number } }[] = [];
  test.context.events.subscribe((channel, event) => {
    if (channel !== 'importJob') return;
    seen.push(event as (typeof seen)[number]);
    if ((event as { type: string }).type === 'progress' && seen.length === 2)
      void dispatch(handlers, 'cancelJob', { channel: 'importJob' });
  });
  const answer = await dispatch(handlers, 'importUsers', { files: [{ name: 'big users.csv', path }] });
  expect(answer.ok).toBe(false);
  expect(seen.at(-1)).toMatchObject({ type: 'finished', outcome: 'cancelled' });
  const progress = seen.filter((event) => event.type === 'progress');
  expect(progress[0]!.progress!.bytesRead).toBeLessThan(progress[0]!.progress!.totalBytes);

  const status = await dispatch(handlers, 'getImportStatus', {});
  expect(status).toMatchObject({ ok: true, value: { users: { count: 20 } } });
  expect(await dispatch(handlers, 'cancelJob', { channel: 'importJob' })).toMatchObject({
    ok: true,
    value: { cancelled: false },
  });
});
