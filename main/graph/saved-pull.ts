/**
 * What a pull leaves in the data folder besides the imported users and assignments (which go through the
 * same store as a CSV import): the synchronization schema exactly as Graph sent it, and which tenant, app
 * and job it came from, with a hash of the schema so "apply schema" can refuse when Entra's copy changed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeJsonFile } from '../app/configuration';

export const graphFiles = {
  /** The job's synchronization schema, raw. The schema importer (shared/entra-schema) reads this. */
  schema: (dataDir: string) => join(dataDir, 'entra', 'entra-schema.json'),
  /** `PullRecord`: where the last pull came from. */
  pull: (dataDir: string) => join(dataDir, 'entra', 'entra-pull.json'),
} as const;

export interface PullRecord {
  graphUrl: string;
  tenantId: string | null;
  tenantName: string | null;
  app: { id: string; displayName: string; applicationTemplateId: string | null };
  jobId: string | null;
  pulledAt: string;
  users: number;
  /** sha256 of the schema text as read: the changed-since-read guard compares against it. */
  schemaSha256: string | null;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function saveSchemaText(dataDir: string, text: string): Promise<void> {
  const file = graphFiles.schema(dataDir);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(`${file}.tmp`, text, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}

export async function readSchemaText(dataDir: string): Promise<string | null> {
  return readFile(graphFiles.schema(dataDir), 'utf8').catch(() => null);
}

export async function savePullRecord(dataDir: string, record: PullRecord): Promise<void> {
  await writeJsonFile(graphFiles.pull(dataDir), record);
}

export async function readPullRecord(dataDir: string): Promise<PullRecord | null> {
  const text = await readFile(graphFiles.pull(dataDir), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    return JSON.parse(text) as PullRecord;
  } catch {
    return null;
  }
}
