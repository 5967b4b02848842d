/**
 * The preload's exposed surface, on the Electron STAND-IN: exactly one function per contract channel plus
 * `pathForFile`, calls reaching the real handler host, and an import read from disk by path.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bridgeGlobalName } from '../../shared/api/channels';
import { apiChannels } from '../../shared/api/contract';
import { startStandInApp } from './harness';

let started: Awaited<ReturnType<typeof startStandInApp>>;
let bridge: Record<string, (argument: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>>;

beforeAll(async () => {
  started = await startStandInApp();
  const { rendererSide } = await import('./stand-in/ipc');
  const window = started.window!;
  rendererSide.sender = { contents: window.webContents, frame: window.webContents.mainFrame };
  // What scripts/build-main.mjs defines when it bundles the preload.
  (globalThis as { __API_CHANNELS__?: readonly string[] }).__API_CHANNELS__ = apiChannels;
  await import('../../main/electron/preload');
  bridge = rendererSide.exposed[bridgeGlobalName] as typeof bridge;
}, 30_000);
afterAll(() => started?.quit());

it('exposes one function per channel and pathForFile — no ipcRenderer, no events', async () => {
  const { rendererSide } = await import('./stand-in/ipc');
  expect(Object.keys(rendererSide.exposed)).toEqual([bridgeGlobalName]);
  expect(Object.keys(bridge).sort()).toEqual([...apiChannels, 'pathForFile'].sort());
  expect(apiChannels).not.toContain('pathForFile');
  for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  expect(Object.isFrozen(bridge)).toBe(true);
});

it('answers through IPC and the handler host with the contract’s envelopes', async () => {
  expect(await bridge.getAppInfo!({})).toMatchObject({ ok: true, value: { transport: 'electron' } });
  expect(await bridge.setCurrentStep!({ stepId: 'nowhere' })).toMatchObject({
    ok: false,
    error: { code: 'invalid-request' },
  });
});

it('imports a file main reads from disk, given only its path', async () => {
  const source = fileURLToPath(new URL('../fixtures/source-data/entra-download-users.csv', import.meta.url));
  const copy = join(started.dataDir, 'picked users.csv');
  copyFileSync(source, copy);
  const file = Object.assign(new File([], 'users.csv'), { standInPath: copy });
  const path = (bridge.pathForFile as unknown as (file: File) => string)(file);
  expect(path).toBe(copy);
  const imported = await bridge.importUsers!({ files: [{ name: 'users.csv', path }] });
  expect(imported).toMatchObject({ ok: true, value: { users: { fileName: 'users.csv' } } });
  expect((imported.value as { users: { count: number } }).users.count).toBeGreaterThan(0);
});

it('reads by path only what an import takes', async () => {
  const refused = await bridge.importUsers!({ files: [{ name: 'key', path: '/etc/passwd' }] });
  expect(refused).toMatchObject({
    ok: false,
    error: { message: expect.stringMatching(/pick a \.csv or \.json/) },
  });
  const both = await bridge.importUsers!({ files: [{ name: 'x.csv', path: '/tmp/x.csv', text: 'a' }] });
  expect(both).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
});
