/**
 * Writes that can neither tear nor collide:
 * - every write goes to its own temporary file next to the target and is renamed over it (a rename within
 *   one folder is atomic on every OS we ship to), so a kill leaves the old file or the new one, never half;
 * - writes to one file are queued in this process, so two saves sent together both succeed, in order,
 *   instead of racing on one temporary file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../shared/api/errors';

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a file is in the way of a folder',
  EEXIST: 'a file is in the way of a folder',
  EISDIR: 'a folder is in the way of the file',
};

/** A failed save names the file and the cause in words, instead of surfacing as "Something went wrong". */
export function saveFailure(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code || error instanceof ApiError) return error instanceof Error ? error : new Error(String(error));
  const cause = CAUSES[code] ?? (error as Error).message;
  return new ApiError('not-available', `Could not save ${file}: ${cause} (${code}). Nothing was changed.`);
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier task queued under `key` has settled. */
export function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

/** Writes `content` to `file` via a unique temporary file, flushed to disk before the rename. */
export async function writeFileAtomic(
  file: string,
  content: string | Buffer,
  mode = 0o600,
  { createFolder = true }: { createFolder?: boolean } = {},
): Promise<void> {
  try {
    await writeThenRename(file, content, mode, createFolder);
  } catch (error) {
    throw saveFailure(file, error);
  }
}

/** {@link writeFileAtomic} for content produced piece by piece (a 500,000-user import), never one string. */
export async function writeChunksAtomic(file: string, chunks: Iterable<string>, mode = 0o600): Promise<void> {
  try {
    await writeThenRename(file, chunks, mode, true);
  } catch (error) {
    throw saveFailure(file, error);
  }
}

async function writeThenRename(
  file: string,
  content: string | Buffer | Iterable<string>,
  mode: number,
  createFolder: boolean,
): Promise<void> {
  if (createFolder) await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temporary, 'w', mode);
    try {
      if (typeof content === 'string' || Buffer.isBuffer(content)) await handle.writeFile(content);
      else for (const chunk of content) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The usual case: JSON, serialised per file. */
export function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  return serialised(file, () => writeFileAtomic(file, JSON.stringify(value, null, 2)));
}
