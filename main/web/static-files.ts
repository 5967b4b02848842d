import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Reads a file of the built renderer; null for anything outside `root` or missing. */
export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string } | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null; // a malformed %-escape names no file of ours (and must not become a 500)
  }
  const resolved = normalize(join(root, relative));
  if (!(resolved + sep).startsWith(normalize(root) + sep) && resolved !== normalize(root)) return null;
  try {
    const body = await readFile(resolved);
    return { body, type: contentTypes[extname(resolved)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
