import { createHash } from 'node:crypto';

/**
 * A short, stable label for a key: 8 hex digits of its SHA-256. Enough to tell two keys apart in support
 * conversations; far too short to help anyone guess the key.
 */
export function keyFingerprint(apiKey: string): string {
  const hex = createHash('sha256').update(apiKey, 'utf8').digest('hex');
  return `sha256:${hex.slice(0, 8)}`;
}
