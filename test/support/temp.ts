import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

/** A fresh folder per test, removed afterwards, so no two tests (or runs) share state. */
export function tempDir(prefix = 'jpa-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A keychain service name of its own, so tests never see each other's items or an admin's real key. */
export function uniqueKeychainService(): string {
  return `jpa-test-${randomUUID()}`;
}
