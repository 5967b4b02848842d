/**
 * The OS clipboard tools: which one is picked where (pure, every platform), and a round trip through the real
 * clipboard wherever a tool and a display exist. On Linux without a display, the test starts its own Xvfb
 * when one is installed (CI: the Debian packages xvfb and xclip); elsewhere it says why it skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { entraHandoffHandlers } from '../../main/api/entra-handoff-handlers';
import { detectClipboardTool, NodeSecretClipboard } from '../../main/clipboard';
import { pathFinder } from '../../main/clipboard/os-tools';
import { createTestContext } from '../support/context';
import { tempDir } from '../support/temp';

const tools =
  (...names: string[]) =>
  (name: string) =>
    names.includes(name) ? `/usr/bin/${name}` : null;

describe('detectClipboardTool', () => {
  it('uses pbcopy on macOS and clip.exe with PowerShell on Windows', () => {
    expect(detectClipboardTool({}, 'darwin', tools('pbcopy', 'pbpaste'))).toMatchObject({
      tool: { name: 'pbcopy', clear: null },
    });
    const windows = detectClipboardTool({}, 'win32', tools('clip.exe', 'powershell.exe'));
    expect(windows).toMatchObject({
      tool: { write: { file: '/usr/bin/clip.exe' }, trimTrailingNewline: true },
    });
    expect('tool' in windows && windows.tool.read.args.join(' ')).toMatch(/Get-Clipboard -Raw/);
    expect('tool' in windows && windows.tool.clear?.args.join(' ')).toMatch(/Set-Clipboard/);
  });

  it('prefers wl-clipboard on Wayland, then xclip, then xsel on X11', () => {
    const all = tools('wl-copy', 'wl-paste', 'xclip', 'xsel');
    expect(detectClipboardTool({ WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, 'linux', all)).toMatchObject({
      tool: { name: 'wl-copy' },
    });
    expect(detectClipboardTool({ DISPLAY: ':0' }, 'linux', all)).toMatchObject({ tool: { name: 'xclip' } });
    expect(detectClipboardTool({ DISPLAY: ':0' }, 'linux', tools('xsel'))).toMatchObject({
      tool: { name: 'xsel', clear: { args: ['--clipboard', '--clear'] } },
    });
    // XWayland: no wl-clipboard, but xclip works through DISPLAY.
    expect(
      detectClipboardTool({ WAYLAND_DISPLAY: 'w', DISPLAY: ':0' }, 'linux', tools('xclip')),
    ).toMatchObject({
      tool: { name: 'xclip' },
    });
  });

  it('says plainly what is missing', () => {
    expect(detectClipboardTool({}, 'linux', tools('xclip'))).toEqual({
      problem: expect.stringMatching(/no desktop session/),
    });
    expect(detectClipboardTool({ DISPLAY: ':0' }, 'linux', tools())).toEqual({
      problem: expect.stringMatching(/Install xclip or xsel/),
    });
    expect(detectClipboardTool({ WAYLAND_DISPLAY: 'w' }, 'linux', tools())).toEqual({
      problem: expect.stringMatching(/Install wl-clipboard/),
    });
  });

  it.skipIf(process.platform === 'win32')(
    'passes the text on standard input only, never as an argument',
    async () => {
      // A stand-in xclip that records its arguments and standard input.
      const dir = tempDir('jpa-fake-xclip-');
      try {
        const script = `#!/bin/sh\necho "$@" > "${dir.path}/args"\n/bin/cat > "${dir.path}/stdin"\n`;
        writeFileSync(join(dir.path, 'xclip'), script, { mode: 0o755 });
        const clipboard = new NodeSecretClipboard({
          env: { PATH: dir.path, DISPLAY: ':99' },
          platform: 'linux',
        });
        await clipboard.write('jpa-secret-on-stdin-7f3a');
        expect(readFileSync(join(dir.path, 'stdin'), 'utf8')).toBe('jpa-secret-on-stdin-7f3a');
        expect(readFileSync(join(dir.path, 'args'), 'utf8').trim()).toBe('-selection clipboard -in');
      } finally {
        dir.remove();
      }
    },
  );
});

// --- the real clipboard -------------------------------------------------------------------------------------

let xvfb: ChildProcess | null = null;
let env: NodeJS.ProcessEnv = process.env;
let skipReason: string | null = null;

/** Starts Xvfb on a free display number (it prints the number on fd 3). */
async function startXvfb(): Promise<string> {
  const child = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '640x480x24'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  xvfb = child;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    child.once('error', reject);
    (child.stdio[3] as NodeJS.ReadableStream).once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(`:${chunk.toString().trim()}`);
    });
  });
}

beforeAll(async () => {
  const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headlessLinux && pathFinder(process.env, 'linux')('Xvfb')) {
    env = { ...process.env, DISPLAY: await startXvfb() };
  }
  const problem = await new NodeSecretClipboard({ env }).problem();
  if (problem) {
    skipReason = `no clipboard here: ${problem}${headlessLinux ? ' (install xvfb and xclip to run this test)' : ''}`;
    console.log(`Real clipboard tests skipped: ${skipReason}`);
  }
});
afterAll(() => {
  xvfb?.kill();
});

describe('NodeSecretClipboard on the real clipboard', () => {
  const TEXT = 'jpa-clipboard-test-5c2e9a71d04b';

  it('writes, reads back and clears', async (context) => {
    if (skipReason) return context.skip(skipReason);
    const clipboard = new NodeSecretClipboard({ env });
    expect(await clipboard.available()).toBe(true);
    await clipboard.write(TEXT);
    expect(await clipboard.read()).toBe(TEXT);
    await clipboard.clear();
    expect(await clipboard.read()).toBeNull();
  });

  it('copyApiKey puts the saved key on the clipboard and clears it after 60 s', async (context) => {
    if (skipReason) return context.skip(skipReason);
    const test = await createTestContext();
    try {
      const clipboard = new NodeSecretClipboard({ env });
      await test.context.vault.save('https://acme.jostle.us/scim2', TEXT);
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const answer = await entraHandoffHandlers({ ...test.context, clipboard }).copyApiKey({});
      expect(answer).toMatchObject({ copied: true, problem: null });
      expect(JSON.stringify(answer)).not.toContain(TEXT);
      expect(await clipboard.read()).toBe(TEXT);
      vi.advanceTimersByTime(60_000);
      vi.useRealTimers();
      await vi.waitFor(async () => expect(await clipboard.read()).toBeNull(), { timeout: 5_000 });
    } finally {
      vi.useRealTimers();
      await test.cleanup();
    }
  });
});
