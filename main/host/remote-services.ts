/**
 * The host's side of the services main keeps: each call is a message to main and a promise for its answer.
 * A service that main does not answer within its time is reported as failed, never left hanging.
 */
import { ApiError } from '../../shared/api/errors';
import type { SecretClipboard } from '../clipboard/secret-clipboard';
import type { ExportSaver } from '../export/saver';
import type { MessageLink, ServiceName, ToHost } from './protocol';

type Pending = { resolve(value: unknown): void; reject(error: Error): void; timer: NodeJS.Timeout };

export class RemoteServices {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly link: MessageLink,
    private readonly timeoutMs = 10 * 60_000,
  ) {}

  call<T>(name: ServiceName, args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`The desktop window did not answer (${name}).`));
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.link.post({ kind: 'service', id, name, args });
    });
  }

  settle(message: Extract<ToHost, { kind: 'service-result' }>): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.value);
    // Main words its failures for the admin (a full disk, an oversized export): pass them on as such.
    else pending.reject(new ApiError('not-available', message.message));
  }

  clipboard(): SecretClipboard & { writePlain(text: string): Promise<void> } {
    return {
      available: () => this.call<boolean>('clipboard.available', []),
      problem: () => this.call<string | null>('clipboard.problem', []),
      write: (text) => this.call<void>('clipboard.write', [text]),
      writePlain: (text) => this.call<void>('clipboard.writePlain', [text]),
      read: () => this.call<string | null>('clipboard.read', []),
      clear: () => this.call<void>('clipboard.clear', []),
    };
  }

  resolveProxy = (url: string): Promise<string> => this.call<string>('resolveProxy', [url]);

  /** Microsoft's sign-in page in the system browser: only main can open it (main checks the host). */
  openSignInPage = (url: string): Promise<void> => this.call<void>('openSignInPage', [url]);

  /** Main asks the admin, in a native dialog, before each "Reveal" of the API key (true: confirmed). */
  confirmReveal = (): Promise<boolean> => this.call<boolean>('confirmReveal', []);

  exportSaver(): ExportSaver {
    return { save: (file) => this.call<string | null>('saveExport', [file]) };
  }
}
