/** Keychain calls are bounded in time and name the cause when the OS refuses resources. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BoundedCalls, explainKeychainFailure } from '../../main/secrets/bounded-call';
import { KeyringSecretStore } from '../../main/secrets/keyring-store';
import { SecretStoreUnavailableError } from '../../main/secrets/secret-store';

describe('bounded keychain calls', () => {
  it('a call that never returns fails after the deadline with a clear message, and later calls are not stuck', async () => {
    const calls = new BoundedCalls('Secret Service keyring', 200);
    const started = Date.now();
    await expect(calls.run(() => new Promise(() => {}))).rejects.toThrow(/did not answer within/);
    expect(Date.now() - started).toBeLessThan(1000);
    // The hung call still holds the slot: the next one says so within the same bound instead of piling up.
    await expect(calls.run(async () => 'ok')).rejects.toThrow(/still busy/);
  });

  it('names "too many open files" and a missing D-Bus', () => {
    expect(explainKeychainFailure('X', 'Platform secure storage failure: EMFILE').message).toMatch(
      /run out of open files/,
    );
    expect(
      explainKeychainFailure(
        'X',
        'org.freedesktop.DBus.Error.ServiceUnknown: not provided by any .service files',
      ).reason,
    ).toBe('unavailable');
  });

  it('the real keyring store with no D-Bus session fails fast and clearly', async () => {
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/jpa-no-bus';
    try {
      const store = new KeyringSecretStore(`jpa-nobus-${process.pid}`, 3000);
      const started = Date.now();
      const error = await store.get('x').then(
        () => null,
        (failure: unknown) => failure,
      );
      if (process.platform === 'linux') {
        expect(error).toBeInstanceOf(SecretStoreUnavailableError);
        expect(Date.now() - started).toBeLessThan(3500);
      }
    } finally {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });

  it('a real process out of file descriptors gets "too many open files" from the real keychain, at once', () => {
    const child = fileURLToPath(new URL('./emfile-child.ts', import.meta.url));
    const output = execFileSync(
      'bash',
      ['-c', `ulimit -n 256 && exec "${process.execPath}" --import tsx "${child}"`],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    const result = JSON.parse(output.trim().split('\n').pop()!) as {
      ok: boolean;
      message?: string;
      elapsedMs: number;
    };
    if (process.platform === 'linux') {
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/run out of open files|did not answer within/);
      expect(result.elapsedMs).toBeLessThan(3500);
    }
  });
});
