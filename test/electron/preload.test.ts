/**
 * The preload's exposed surface, on the Electron STAND-IN: exactly one function per contract channel, one
 * subscribe function per event channel, plus `pathForFile`; calls reaching the real handler host, an import
 * read from disk by path, and job events pushed from the host through main's webContents.send.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bridgeGlobalName, eventIpcChannel, subscribeFunctionName } from '../../shared/api/channels';
import { apiEventChannels } from '../../shared/api/events';
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
  (globalThis as { __API_EVENT_CHANNELS__?: readonly string[] }).__API_EVENT_CHANNELS__ = apiEventChannels;
  await import('../../main/electron/preload');
  bridge = rendererSide.exposed[bridgeGlobalName] as typeof bridge;
}, 30_000);
afterAll(() => started?.quit());

it('exposes one function per channel, one subscribe per event channel and pathForFile — no ipcRenderer', async () => {
  const { rendererSide } = await import('./stand-in/ipc');
  expect(Object.keys(rendererSide.exposed)).toEqual([bridgeGlobalName]);
  const subscribers = apiEventChannels.map(subscribeFunctionName);
  expect(subscribers).toContain('onDryRunJob');
  expect(Object.keys(bridge).sort()).toEqual([...apiChannels, ...subscribers, 'pathForFile'].sort());
  for (const name of subscribers) expect(apiChannels).not.toContain(name);
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

type Subscribe = (listener: (event: { type: string; jobId: string; outcome?: string }) => void) => () => void;

it('pushes a dry run’s started, progress and finished events to the window, and unsubscribes', async () => {
  const { ipcRenderer } = await import('./stand-in/ipc');
  const source = fileURLToPath(new URL('../fixtures/source-data/entra-download-users.csv', import.meta.url));
  const copy = join(started.dataDir, 'users for the dry run.csv');
  copyFileSync(source, copy);
  expect(await bridge.importUsers!({ files: [{ name: 'users.csv', path: copy }] })).toMatchObject({
    ok: true,
  });

  const events: { type: string; jobId: string; outcome?: string }[] = [];
  const finished = new Promise<void>((resolve) => {
    const unsubscribe = (bridge.onDryRunJob as unknown as Subscribe)((event) => {
      events.push(event);
      if (event.type === 'finished') {
        unsubscribe();
        resolve();
      }
    });
  });
  expect(ipcRenderer.listenerCount(eventIpcChannel('dryRunJob'))).toBe(1);
  const start = await bridge.startDryRun!({ target: 'mock', patchDialect: 'default', fresh: true });
  expect(start).toMatchObject({ ok: true });
  await finished;

  expect(events[0]?.type).toBe('started');
  expect(events.some((event) => event.type === 'progress')).toBe(true);
  expect(events.at(-1)).toMatchObject({ type: 'finished', outcome: 'succeeded' });
  expect(new Set(events.map((event) => event.jobId)).size).toBe(1);
  // The listener is gone from ipcRenderer once the page unsubscribed.
  expect(ipcRenderer.listenerCount(eventIpcChannel('dryRunJob'))).toBe(0);
  const status = await bridge.getDryRunStatus!({});
  expect(status).toMatchObject({ ok: true, value: { running: false, cyclesRun: 1 } });
});
