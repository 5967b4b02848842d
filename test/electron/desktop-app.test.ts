/**
 * The desktop start-up on the Electron STAND-IN (test/electron/stand-in, not Electron): the real
 * main/electron code, the real electron-store and the real handler host in a child process.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInApp } from './harness';

let started: Awaited<ReturnType<typeof startStandInApp>>;

beforeAll(async () => {
  started = await startStandInApp({ platform: 'win32' });
}, 30_000);
afterAll(() => started?.quit());

describe('the desktop app on the Electron stand-in', () => {
  it('opens one sandboxed, isolated window on our app:// page with the CommonJS preload', () => {
    const { window } = started;
    expect(window).not.toBeNull();
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(started.electron.app.getAppPath(), 'out', 'main', 'preload.cjs'),
    });
    expect(started.electron.app.sandboxEnabled).toBe(true);
    expect(window!.webContents.loadedUrls).toEqual(['app://jostle/index.html']);
    expect(started.electron.protocol.privileged.map((scheme) => scheme.scheme)).toEqual(['app']);
  });

  it('answers API calls from the handler host in another process', async () => {
    const answer = await started.invoke('getAppInfo');
    expect(answer).toMatchObject({ ok: true, value: { transport: 'electron', dataDir: started.dataDir } });
    const forked = started.electron.utilityProcess.forked;
    expect(forked).toHaveLength(1);
    expect(forked[0]!.pid).not.toBe(process.pid);
  });

  it('keeps the settings in settings.json, through electron-store', async () => {
    await started.invoke('setCurrentStep', { stepId: 'gallery' });
    expect(existsSync(join(started.dataDir, 'settings.json'))).toBe(true);
    expect(existsSync(join(started.dataDir, 'config.json'))).toBe(false);
  });

  it('refuses every permission, the clipboard included', async () => {
    const { session } = started.electron;
    const contents = started.window!.webContents;
    for (const permission of ['clipboard-sanitized-write', 'clipboard-read', 'media', 'notifications']) {
      expect(await session.defaultSession.requestPermission(contents, permission)).toBe(false);
      expect(session.defaultSession.checkPermission(contents, permission)).toBe(false);
    }
  });

  it('copies through main instead: plain text plain, the API key with Windows’ history opt-outs', async () => {
    const { clipboard } = started.electron;
    expect(await started.invoke('copyText', { text: 'https://portal.azure.com' })).toMatchObject({
      ok: true,
      value: { copied: true },
    });
    expect(await clipboard.readText()).toBe('https://portal.azure.com');
    expect(clipboard.writtenTypes()).toEqual(['text/plain']);

    const saved = await started.invoke('saveConnection', {
      baseUrl: 'https://example.jostle.us/scim2',
      apiKey: 'k'.repeat(40),
    });
    expect(saved.ok).toBe(true);
    expect(await started.invoke('copyApiKey')).toMatchObject({ ok: true, value: { copied: true } });
    expect(await clipboard.readText()).toBe('k'.repeat(40));
    const types = clipboard.writtenTypes();
    expect(types).toContain('electron application/osclipboard;format="CanIncludeInClipboardHistory"');
    expect(types).toContain('electron application/osclipboard;format="CanUploadToCloudClipboard"');
    expect(types).toContain(
      'electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"',
    );
    expect(
      await clipboard.bytesOf('electron application/osclipboard;format="CanIncludeInClipboardHistory"'),
    ).toEqual(new Uint8Array(4));
  });

  it('reveals the API key only after main’s own dialog is confirmed, every time', async () => {
    const { dialog } = started.electron;
    dialog.reset();
    dialog.nextResponse = 1; // Cancel
    const declined = await started.invoke('revealApiKey', { confirm: true });
    expect(declined).toMatchObject({ ok: false, error: { message: expect.stringMatching(/declined/) } });
    expect(JSON.stringify(declined)).not.toContain('k'.repeat(40));
    expect(dialog.messageBoxes.map((box) => box.title)).toEqual(['Show the Jostle API key?']);
    dialog.nextResponse = 0; // Show the key
    const shown = await started.invoke('revealApiKey', { confirm: true });
    expect(shown).toMatchObject({ ok: true, value: { apiKey: 'k'.repeat(40) } });
    expect(dialog.messageBoxes).toHaveLength(2);
    dialog.reset();
  });

  it('refuses IPC from a subframe of our own window and from a foreign web contents', async () => {
    const { window, electron } = started;
    const subframe = {
      contents: window!.webContents,
      frame: window!.webContents.addSubframe('app://jostle/x'),
    };
    expect(await started.invoke('getAppInfo', {}, subframe)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    const other = new electron.BrowserWindow({ show: false });
    other.webContents.mainFrame.url = 'app://jostle/index.html';
    const foreign = { contents: other.webContents, frame: other.webContents.mainFrame };
    expect((await started.invoke('getAppInfo', {}, foreign)).ok).toBe(false);
    const gone = { contents: window!.webContents, frame: null as never };
    expect((await started.invoke('getAppInfo', {}, gone)).ok).toBe(false);
    other.destroy();
  });

  it('denies navigation away from the app and new windows, in every web contents', async () => {
    const { window, electron } = started;
    expect(window!.webContents.simulateNavigation('https://evil.example/')).toBe(false);
    expect(window!.webContents.simulateNavigation('app://jostle/index.html#scope')).toBe(true);
    expect(window!.webContents.simulateWindowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    // An allow-listed link opens in the system browser, never in a window of ours.
    expect(window!.webContents.simulateWindowOpen('https://learn.microsoft.com/x')).toEqual({
      action: 'deny',
    });
    expect(electron.shell.opened).toEqual(['https://learn.microsoft.com/x']);

    const stray = new electron.BrowserWindow({ show: false });
    expect(stray.webContents.simulateNavigation('file:///etc/passwd')).toBe(false);
    expect(stray.webContents.simulateWindowOpen('app://jostle/index.html')).toEqual({ action: 'deny' });
    stray.destroy();
  });

  it('builds its own menu, with Reload and DevTools only outside release builds', () => {
    const roles = JSON.stringify(started.electron.Menu.getApplicationMenu()!.items);
    expect(roles).toContain('toggleDevTools'); // not packaged here: a development run
  });
});
