/**
 * The handler host in the Node modes (`npm run web`): a real child process serving the real handlers, as the
 * web server's handler table.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { forkNodeHost, startNodeHost } from '../../main/host/node-host';
import { createFileLogger } from '../../main/logging/logger';
import { Redactor } from '../../main/logging/redactor';
import { tempDir } from '../support/temp';
import { hostEntry } from './harness';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

it('serves the handler table from a child process, with the same envelopes, and stops cleanly', async () => {
  const dir = tempDir();
  dirs.push(dir);
  const exits: number[] = [];
  const host = await startNodeHost({
    dataDir: dir.path,
    logger: createFileLogger(dir.path, new Redactor()),
    host: forkNodeHost(hostEntry, ['--import', 'tsx']),
    onUnexpectedExit: (code) => exits.push(code),
  });
  const info = await dispatch(host.handlers, 'getAppInfo', {});
  expect(info).toMatchObject({ ok: true, value: { transport: 'browser', dataDir: dir.path } });
  expect(
    await dispatch(host.handlers, 'setChecklistItem', { stepId: 'plan', itemId: 'nope', checked: true }),
  ).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/nope/) } });
  expect((await dispatch(host.handlers, 'generateSyntheticUsers', { count: 2000, seed: 1 })).ok).toBe(true);
  expect(existsSync(join(dir.path, 'settings.json'))).toBe(true);
  await host.stop();
  expect(exits).toEqual([]);
});
