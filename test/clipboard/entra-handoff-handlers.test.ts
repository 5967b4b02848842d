/**
 * The hand-off logic over an in-memory clipboard (the OS clipboard is a boundary, tested on its own in
 * node-clipboard.test.ts): the key goes keychain → clipboard without ever coming back in an answer, the
 * clipboard is cleared after 60 s only if it still holds the key, and a missing key is a clear error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entraHandoffHandlers } from '../../main/api/entra-handoff-handlers';
import { createHandlers } from '../../main/api/handlers';
import { MemorySecretClipboard, type SecretClipboard } from '../../main/clipboard';
import { ApiError } from '../../shared/api/errors';
import { entraHandoffContract } from '../../shared/api/contracts/entra-handoff';
import { createTestContext, type TestContext } from '../support/context';

const KEY = 'jpa-handoff-test-key-8d41c07b2e95f3';
const BASE_URL = 'https://acme.jostle.us/scim2';
let test: TestContext;

beforeEach(async () => {
  test = await createTestContext();
});
afterEach(async () => {
  vi.useRealTimers();
  await test.cleanup();
});

function table(clipboard: SecretClipboard, confirmReveal?: () => Promise<boolean>) {
  const context = { ...test.context, clipboard, ...(confirmReveal ? { confirmReveal } : {}) };
  return { ...createHandlers(context), ...entraHandoffHandlers(context) };
}

async function saveKey() {
  await test.context.vault.save(BASE_URL, KEY);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('copyApiKey', () => {
  it('copies the saved key to the clipboard and answers without it', async () => {
    await saveKey();
    const clipboard = new MemorySecretClipboard();
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      now: new Date('2026-03-02T10:00:00Z'),
    });
    const answer = await table(clipboard).copyApiKey({});
    expect(answer).toEqual({ copied: true, clearsAt: '2026-03-02T10:01:00.000Z', problem: null });
    expect(entraHandoffContract.copyApiKey.response.parse(answer)).toEqual(answer);
    expect(JSON.stringify(answer)).not.toContain(KEY);
    expect(clipboard.text).toBe(KEY);
  });

  it('clears the clipboard after 60 s when it still holds the key', async () => {
    await saveKey();
    const clipboard = new MemorySecretClipboard();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await table(clipboard).copyApiKey({});
    await vi.advanceTimersByTimeAsync(59_999);
    expect(clipboard.text).toBe(KEY);
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.text).toBeNull();
    expect(clipboard.clears).toBe(1);
  });

  it('leaves the clipboard alone when the admin copied something else since', async () => {
    await saveKey();
    const clipboard = new MemorySecretClipboard();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await table(clipboard).copyApiKey({});
    await vi.advanceTimersByTimeAsync(20_000);
    clipboard.text = 'the admin’s own text';
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard.text).toBe('the admin’s own text');
    expect(clipboard.clears).toBe(0);
  });

  it('restarts the 60 s when the key is copied again', async () => {
    await saveKey();
    const clipboard = new MemorySecretClipboard();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const handlers = table(clipboard);
    await handlers.copyApiKey({});
    await vi.advanceTimersByTimeAsync(30_000);
    await handlers.copyApiKey({});
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.text).toBe(KEY);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.text).toBeNull();
    expect(clipboard.clears).toBe(1);
  });

  it('says plainly when there is no clipboard, and writes nothing', async () => {
    await saveKey();
    const clipboard = new MemorySecretClipboard('No clipboard tool was found. Install xclip or xsel.');
    const answer = await table(clipboard).copyApiKey({});
    expect(answer).toEqual({
      copied: false,
      clearsAt: null,
      problem: 'No clipboard tool was found. Install xclip or xsel.',
    });
    expect(clipboard.writes).toBe(0);
  });

  it('reports a failing clipboard without echoing the key', async () => {
    await saveKey();
    const broken: SecretClipboard = {
      available: async () => true,
      write: async (text) => {
        throw new Error(`tool refused “${text}”`);
      },
      read: async () => null,
      clear: async () => undefined,
    };
    const answer = await table(broken).copyApiKey({});
    expect(answer.copied).toBe(false);
    expect(answer.problem).toMatch(/tool refused/);
    expect(JSON.stringify(answer)).not.toContain(KEY);
  });

  it('refuses with a clear error when no key is saved', async () => {
    const clipboard = new MemorySecretClipboard();
    const failure = await table(clipboard)
      .copyApiKey({})
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/No API key is saved/),
    });
    expect(clipboard.writes).toBe(0);
  });

  it('writes the key to no file and no log line', async () => {
    await saveKey();
    const clipboard = new MemorySecretClipboard();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await table(clipboard).copyApiKey({});
    await vi.advanceTimersByTimeAsync(60_000);
    vi.useRealTimers();
    const files = filesUnder(test.dataDir);
    expect(files.some((file) => file.endsWith('main.log'))).toBe(true);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(KEY);
    expect(
      readFileSync(
        files.find((file) => file.endsWith('main.log'))!,
        'utf8',
      ),
    ).toMatch(/copied to the clipboard[\s\S]*cleared from the clipboard/);
  });
});

describe('revealApiKey', () => {
  it('answers only a request that confirms the admin asked', () => {
    const request = entraHandoffContract.revealApiKey.request;
    expect(request.safeParse({}).success).toBe(false);
    expect(request.safeParse({ confirm: false }).success).toBe(false);
    expect(request.safeParse({ confirm: true }).success).toBe(true);
  });

  it('is refused without a confirmation dialog in main (browser mode, CLI), even with confirm: true', async () => {
    await saveKey();
    await expect(table(new MemorySecretClipboard()).revealApiKey({ confirm: true })).rejects.toMatchObject({
      code: 'not-available',
      message: expect.stringMatching(/only in the desktop app/),
    });
  });

  it('asks main’s dialog every time; a declined dialog shows nothing', async () => {
    await saveKey();
    let asked = 0;
    const declined = table(new MemorySecretClipboard(), async () => {
      asked += 1;
      return false;
    });
    await expect(declined.revealApiKey({ confirm: true })).rejects.toMatchObject({ code: 'not-available' });
    expect(asked).toBe(1);
  });

  it('returns the key with the seconds to show it, and logs that it did (without the key)', async () => {
    await saveKey();
    const answer = await table(new MemorySecretClipboard(), async () => true).revealApiKey({ confirm: true });
    expect(answer).toEqual({ apiKey: KEY, hideAfterSeconds: 30 });
    const log = readFileSync(join(test.dataDir, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/revealed in the window/);
    expect(log).not.toContain(KEY);
  });

  it('refuses with a clear error when no key is saved', async () => {
    await expect(
      table(new MemorySecretClipboard(), async () => true).revealApiKey({ confirm: true }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
