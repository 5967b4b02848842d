import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The assistant's version from package.json, read once. */
export function appVersion(): string {
  if (cached === undefined) {
    const url = new URL('../../package.json', import.meta.url);
    cached = (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  }
  return cached;
}
