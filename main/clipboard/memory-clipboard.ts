import type { SecretClipboard } from './secret-clipboard';

/** A clipboard in memory: for tests of the hand-off logic, where the OS clipboard is the boundary. */
export class MemorySecretClipboard implements SecretClipboard {
  text: string | null = null;
  writes = 0;
  clears = 0;

  constructor(private readonly unavailableBecause: string | null = null) {}

  async available(): Promise<boolean> {
    return this.unavailableBecause === null;
  }

  async problem(): Promise<string | null> {
    return this.unavailableBecause;
  }

  async write(text: string): Promise<void> {
    if (this.unavailableBecause) throw new Error(this.unavailableBecause);
    this.writes += 1;
    this.text = text;
  }

  async read(): Promise<string | null> {
    return this.text === '' ? null : this.text;
  }

  async clear(): Promise<void> {
    this.clears += 1;
    this.text = null;
  }
}
