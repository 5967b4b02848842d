/**
 * Commits imported users and assignments as one unit: write the whole new generation folder, then switch
 * `imports/current.json` to it with one atomic rename. A kill at any moment leaves the old pair or the new
 * pair, never new users with old assignments. Commits are queued per data folder in this process; across
 * processes (app and CLI) the last pointer switch wins, and each side's pair is complete.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { saveFailure, serialised, writeChunksAtomic, writeFileAtomic } from './atomic-files';
import { currentImportGeneration, dataFiles, IMPORT_POINTER } from './data-files';

/**
 * What to do with one of the two files: write this value (as JSON), write these lines (the users' JSON
 * lines, produced as they are written), remove it, or carry the current one over.
 */
export type ImportPart = { write: unknown } | { lines: Iterable<string> } | 'remove' | 'keep';

/** Old generations younger than this are left alone: another process may be about to point at one. */
const STALE_GENERATION_MS = 60_000;

export function commitImport(dataDir: string, users: ImportPart, assignments: ImportPart): Promise<void> {
  return serialised(`imports:${dataDir}`, async () => {
    const importsDir = join(dataDir, 'imports');
    const previous = currentImportGeneration(dataDir);
    // Each part with the files it may be kept in: users in the current format or, not yet re-imported, the old.
    const before = {
      users: [dataFiles.importedUsers(dataDir), dataFiles.legacyImportedUsers(dataDir)],
      assignments: [dataFiles.importedAssignments(dataDir)],
    };
    const generation = `g-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const folder = join(importsDir, generation);
    await mkdir(folder, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
      throw saveFailure(folder, error);
    });
    const parts: Array<[keyof typeof before, ImportPart]> = [
      ['users', users],
      ['assignments', assignments],
    ];
    for (const [name, part] of parts) {
      if (part === 'remove') continue;
      if (part === 'keep') {
        for (const file of before[name]) {
          await copyFile(file, join(folder, basename(file))).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          });
        }
      } else if ('lines' in part)
        await writeChunksAtomic(join(folder, basename(before[name][0]!)), part.lines);
      else await writeFileAtomic(join(folder, `${name}.json`), JSON.stringify(part.write, null, 2));
    }
    // The one step that makes the new pair current.
    await writeFileAtomic(join(importsDir, IMPORT_POINTER), JSON.stringify({ generation }));
    await removeStale(importsDir, new Set([generation, previous ?? '']));
  });
}

/** Empties the imports: the pointer says "none"; old folders go at the next clean-up. */
export function clearImportsCommit(dataDir: string): Promise<void> {
  return serialised(`imports:${dataDir}`, async () => {
    const importsDir = join(dataDir, 'imports');
    const previous = currentImportGeneration(dataDir);
    await writeFileAtomic(join(importsDir, IMPORT_POINTER), JSON.stringify({ generation: null }));
    await removeStale(importsDir, new Set([previous ?? '']));
  });
}

async function removeStale(importsDir: string, keep: Set<string>): Promise<void> {
  // The layout from before generations: superseded once a pointer exists.
  await rm(join(importsDir, 'users.json'), { force: true });
  await rm(join(importsDir, 'users.ndjson'), { force: true });
  await rm(join(importsDir, 'assignments.json'), { force: true });
  const entries = await readdir(importsDir).catch(() => [] as string[]);
  const now = Date.now();
  for (const entry of entries) {
    if (!entry.startsWith('g-') || keep.has(entry)) continue;
    const folder = join(importsDir, entry);
    const info = await stat(folder).catch(() => null);
    if (info && now - info.mtimeMs > STALE_GENERATION_MS) await rm(folder, { recursive: true, force: true });
  }
}
