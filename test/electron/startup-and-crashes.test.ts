/**
 * Start-up paths and crash handling of the desktop app, on the Electron STAND-IN (not Electron). Each test
 * starts its own app with its own real handler host child.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp';
import { startStandInApp } from './harness';

const running: Array<{ quit(): Promise<void> }> = [];
const dirs: Array<{ path: string; remove(): void }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.quit()));
  dirs.splice(0).forEach((dir) => dir.remove());
});
const dataDir = () => {
  const dir = tempDir('jpa-electron-');
  dirs.push(dir);
  return dir.path;
};
const start = async (options: Parameters<typeof startStandInApp>[0]) => {
  const app = await startStandInApp(options);
  running.push(app);
  return app;
};

it('opens the window on unreadable settings, with the notice, in a packaged build without DevTools', async () => {
  const dir = dataDir();
  writeFileSync(join(dir, 'settings.json'), '{"wizard": ');
  const app = await start({ dataDir: dir, packaged: true });
  expect(app.window?.visible).toBe(true);
  const settings = await app.invoke('getSettings');
  const { notices } = settings.value as { notices: Array<{ id: string }> };
  expect(notices.map((notice) => notice.id)).toContain('settings-unreadable');
  const menu = JSON.stringify(app.electron.Menu.getApplicationMenu()!.items);
  expect(menu).not.toMatch(/toggleDevTools|"reload"|forceReload/);
  expect(menu).toContain('"copy"');
});

it('says why and exits, releasing the single-instance lock, when the handlers cannot start', async () => {
  const dir = dataDir();
  mkdirSync(join(dir, 'settings.json')); // a folder where the file should be
  const app = await start({ dataDir: dir, expect: 'quit' });
  const { electron } = app;
  expect(electron.BrowserWindow.getAllWindows()).toEqual([]);
  expect(electron.app.lockHeld).toBe(false);
  expect(electron.app.exitCode).toBe(1);
  expect(electron.dialog.errorBoxes).toHaveLength(1);
  expect(electron.dialog.errorBoxes[0]!.content).toContain(join(dir, 'settings.json'));
  expect(electron.dialog.errorBoxes[0]!.content).toContain('EISDIR');
});

it('quits at once when another instance holds the lock, starting nothing', async () => {
  const app = await start({ dataDir: dataDir(), lockTakenElsewhere: true, expect: 'quit' });
  expect(app.electron.utilityProcess.forked).toEqual([]);
  expect(app.electron.BrowserWindow.getAllWindows()).toEqual([]);
});

it('offers a relaunch when the window’s renderer crashes, and relaunches on Relaunch', async () => {
  const app = await start({ dataDir: dataDir() });
  const { electron } = app;
  electron.dialog.nextResponse = 0; // Relaunch
  app.window!.webContents.simulateRendererGone({ reason: 'crashed', exitCode: 139 });
  await vi.waitFor(() => expect(electron.app.hasQuit).toBe(true));
  expect(electron.dialog.messageBoxes[0]!.message).toMatch(/window stopped working/);
  expect(electron.dialog.messageBoxes[0]!.buttons).toEqual(['Relaunch', 'Quit']);
  expect(electron.app.relaunched).toHaveLength(1);
});

it('ignores a clean renderer exit, and asks before relaunching an unresponsive window', async () => {
  const app = await start({ dataDir: dataDir() });
  const { electron } = app;
  app.window!.webContents.simulateRendererGone({ reason: 'clean-exit', exitCode: 0 });
  electron.dialog.hold = true;
  app.window!.emit('unresponsive');
  app.window!.emit('unresponsive'); // Chromium may report it again while the question is open
  await vi.waitFor(() => expect(electron.dialog.messageBoxes).toHaveLength(1));
  electron.dialog.answer(0); // Wait
  expect(electron.dialog.messageBoxes[0]!.buttons).toEqual(['Wait', 'Relaunch']);
  expect(electron.app.hasQuit).toBe(false);
  expect(electron.app.relaunched).toEqual([]);
});

it('tells the admin and offers a relaunch when the handler host dies; calls then fail clearly', async () => {
  const app = await start({ dataDir: dataDir() });
  const { electron } = app;
  electron.dialog.hold = true;
  electron.utilityProcess.forked[0]!.kill();
  await vi.waitFor(() => expect(electron.dialog.messageBoxes).toHaveLength(1));
  expect(electron.dialog.messageBoxes[0]!.message).toMatch(/background process stopped/);
  // While the dialog is open, the window still gets a clear answer rather than a hang.
  expect(await app.invoke('getAppInfo')).toMatchObject({
    ok: false,
    error: { code: 'not-available', message: expect.stringMatching(/background process stopped/) },
  });
  electron.dialog.answer(1); // Quit
  await vi.waitFor(() => expect(electron.app.hasQuit).toBe(true));
  expect(electron.app.relaunched).toEqual([]);
});

it('logs an uncaught error in main and offers a relaunch instead of a raw error box', async () => {
  const app = await start({ dataDir: dataDir() });
  const { electron } = app;
  electron.dialog.nextResponse = 0;
  app.processEvents.emit('uncaughtException', new TypeError('boom'));
  await vi.waitFor(() => expect(electron.app.relaunched).toHaveLength(1));
  expect(electron.dialog.messageBoxes[0]!.detail).toContain('TypeError: boom');
  expect(electron.dialog.errorBoxes).toEqual([]);
});

it('saves the window’s size and position through the host when the admin quits', async () => {
  const dir = dataDir();
  const app = await start({ dataDir: dir });
  await app.quit();
  const saved = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { window: unknown };
  // The stand-in window's normal bounds.
  expect(saved.window).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
});

it('logs a crashed Chromium helper process without bothering the admin', async () => {
  const dir = dataDir();
  const app = await start({ dataDir: dir });
  app.electron.app.emit(
    'child-process-gone',
    {},
    { type: 'GPU', reason: 'crashed', exitCode: 11, name: 'GPU process' },
  );
  const log = readFileSync(join(dir, 'logs', 'main.log'), 'utf8');
  expect(log).toMatch(/"message":"a helper process stopped","type":"GPU","reason":"crashed"/);
  expect(app.electron.dialog.messageBoxes).toEqual([]);
});
