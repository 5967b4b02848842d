/**
 * Files the admin picked, given to an import by path (desktop app) or as text (browser mode). A path is
 * read here, in the handler host, so a 100,000-user file never crosses IPC as one string. Since a path comes
 * from the window, only what an import accepts is read: a regular file with an expected extension, within
 * the size limit.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { MAX_IMPORT_BYTES } from '../../shared/api/contracts/source-data';

export interface PickedFile {
  name: string;
  text?: string | undefined;
  path?: string | undefined;
}

/** Bytes read so far of `totalBytes`, and the line breaks seen in them (a CSV's rows, roughly). */
export type ReadProgress = (read: { bytesRead: number; totalBytes: number; lines: number }) => void;

const CHUNK_BYTES = 1024 * 1024;

export async function readPickedFile(
  file: PickedFile,
  extensions: readonly string[],
  onRead?: ReadProgress,
): Promise<{ name: string; text: string }> {
  const parts: string[] = [];
  await readPickedFileChunks(file, extensions, (part) => parts.push(part), onRead);
  return { name: file.name, text: parts.join('') };
}

/**
 * The same file, handed over as decoded pieces (a character split between reads is completed first), so a
 * streaming import (shared/source-data DownloadUsersImporter) never holds the whole text. An error thrown
 * by `onText` stops the reading and is passed on.
 */
export async function readPickedFileChunks(
  file: PickedFile,
  extensions: readonly string[],
  onText: (text: string) => void,
  onRead?: ReadProgress,
): Promise<void> {
  if (file.text !== undefined) {
    const bytes = Buffer.byteLength(file.text);
    onRead?.({ bytesRead: bytes, totalBytes: bytes, lines: countLines(file.text) });
    onText(file.text);
    return;
  }
  const path = file.path!;
  if (!extensions.includes(extname(path).toLowerCase())) {
    throw new ApiError(
      'invalid-request',
      `${file.name} was not read: pick a ${extensions.join(' or ')} file.`,
    );
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ApiError('invalid-request', `${file.name} could not be opened (${code}).`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ApiError('invalid-request', `${file.name} is not a file.`);
    if (stat.size > MAX_IMPORT_BYTES) {
      throw new ApiError(
        'invalid-request',
        `${file.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB and was not imported.`,
      );
    }
    // In chunks, so the window hears how far a 100 MB file is; the BOM is kept, as readFile('utf8') did.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let bytesRead = 0;
    let lines = 0;
    for (;;) {
      const { bytesRead: got } = await handle.read(buffer, 0, CHUNK_BYTES, bytesRead);
      if (got === 0) break;
      bytesRead += got;
      if (bytesRead > MAX_IMPORT_BYTES)
        throw new ApiError('invalid-request', `${file.name} grew past the size limit while it was read.`);
      const part = decoder.decode(buffer.subarray(0, got), { stream: true });
      lines += countLines(part);
      onText(part);
      onRead?.({ bytesRead, totalBytes: stat.size, lines });
    }
    const last = decoder.decode();
    if (last !== '') onText(last);
  } finally {
    await handle.close();
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
