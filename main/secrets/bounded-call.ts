/**
 * Keychain calls go through native code that talks to the Secret Service over D-Bus (Linux), Keychain
 * Services (macOS) or the Credential Manager (Windows). When the OS refuses resources — no file descriptors
 * left, no D-Bus session — such a call can fail obscurely or never return. Every call here gets a deadline,
 * one at a time (a hung call must not pile up more native work behind it), and an error an admin can act on.
 */
export const KEYCHAIN_TIMEOUT_MS = 5000;

export class KeychainCallError extends Error {
  override name = 'KeychainCallError';
  constructor(
    message: string,
    readonly reason: 'timeout' | 'busy' | 'resources' | 'unavailable' | 'failed',
  ) {
    super(message);
  }
}

/** Names the cause in words an admin can act on; `detail` is the native library's own message. */
export function explainKeychainFailure(displayName: string, detail: string): KeychainCallError {
  if (/EMFILE|ENFILE|too many open files/i.test(detail)) {
    return new KeychainCallError(
      `The ${displayName} could not be reached: this computer has run out of open files (too many open files). ` +
        'Close other programs or connections, then try again.',
      'resources',
    );
  }
  if (
    /d-?bus|org\.freedesktop|no such interface|not provided by any \.service|ServiceUnknown/i.test(detail)
  ) {
    return new KeychainCallError(
      `The ${displayName} is not available (no D-Bus session or no keyring running): ${detail}`,
      'unavailable',
    );
  }
  return new KeychainCallError(`The ${displayName} did not answer: ${detail}`, 'failed');
}

export class BoundedCalls {
  private inFlight: Promise<unknown> | null = null;

  constructor(
    private readonly displayName: string,
    private readonly timeoutMs = KEYCHAIN_TIMEOUT_MS,
  ) {}

  async run<T>(operation: () => Promise<T>): Promise<T> {
    // Wait for the previous call, but never longer than our own deadline.
    const started = Date.now();
    while (this.inFlight) {
      const left = this.timeoutMs - (Date.now() - started);
      if (left <= 0) {
        throw new KeychainCallError(
          `The ${this.displayName} is still busy with an earlier request that did not finish; try again in a moment.`,
          'busy',
        );
      }
      await Promise.race([this.inFlight.catch(() => undefined), delay(left)]);
    }
    let call: Promise<T>;
    try {
      call = operation();
    } catch (error) {
      // The native module may fail before it returns a promise (no descriptor left to open D-Bus with).
      call = Promise.reject(error as Error);
    }
    this.inFlight = call;
    // Clear our slot when the native call really ends, even if we gave up waiting for it.
    void call.then(
      () => this.release(call),
      () => this.release(call),
    );
    const left = Math.max(1, this.timeoutMs - (Date.now() - started));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new KeychainCallError(
              `The ${this.displayName} did not answer within ${Math.round(this.timeoutMs / 1000)} s. ` +
                'It may be locked behind a prompt, or the system is short of resources (for example too many open connections).',
              'timeout',
            ),
          ),
        left,
      );
      timer.unref?.();
    });
    try {
      return await Promise.race([call, deadline]);
    } catch (error) {
      if (error instanceof KeychainCallError) throw error;
      throw explainKeychainFailure(this.displayName, error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  private release(call: Promise<unknown>): void {
    if (this.inFlight === call) this.inFlight = null;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
  });
}
