import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { normalizeUserBody, type StoredUser } from './user-model';
import type { UserStore } from './user-store';

export const SNAPSHOT_FORMAT = 'jostle-mock-snapshot';

const snapshotFile = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(1),
  savedAt: z.string(),
  users: z.array(
    z
      .object({
        id: z.string().min(1),
        meta: z.object({ created: z.string(), lastModified: z.string() }).partial().optional(),
      })
      .passthrough(),
  ),
});

/** Writes all users to `file` (via a temporary file and rename, so a crash never leaves half a snapshot). */
export async function saveSnapshot(store: UserStore, file: string): Promise<void> {
  const users = [...store.values()].map((user) => ({
    id: user.id,
    meta: { created: user.created, lastModified: user.lastModified },
    ...user.data,
  }));
  const content = JSON.stringify({
    format: SNAPSHOT_FORMAT,
    version: 1,
    savedAt: new Date().toISOString(),
    users,
  });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, file);
}

/**
 * Replaces all users with the snapshot's. Each user passes the same validation as a POST, and nothing
 * changes unless the whole file is valid.
 */
export async function loadSnapshot(store: UserStore, file: string): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read snapshot ${file}: ${(error as Error).message}`);
  }
  const parsed = snapshotFile.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a mock Jostle snapshot: ${parsed.error.message}`);
  const now = new Date().toISOString();
  const users: StoredUser[] = parsed.data.users.map((entry, index) => {
    try {
      return {
        id: entry.id,
        created: entry.meta?.created ?? now,
        lastModified: entry.meta?.lastModified ?? now,
        data: normalizeUserBody(entry),
      };
    } catch (error) {
      throw new Error(`Snapshot user ${index + 1} (${entry.id}) is invalid: ${(error as Error).message}`);
    }
  });
  store.replaceAll(users);
}
