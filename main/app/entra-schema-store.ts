/**
 * The imported Entra synchronization schema on disk. Only the document itself is kept; everything derived
 * from it (mapping, filters, notes) is recomputed on read by the same pure importer, so a stored schema can
 * never disagree with what an import of it would give.
 */
import { readFile, rm } from 'node:fs/promises';
import { importSynchronizationSchema, type ImportedSchema } from '../../shared/entra-schema';
import { writeJsonFile } from './configuration';
import { dataFiles } from './data-files';

export interface StoredEntraSchema {
  fileName: string;
  importedAt: string;
  imported: ImportedSchema;
}

export class EntraSchemaStore {
  constructor(private readonly dataDir: string) {}

  async current(): Promise<StoredEntraSchema | null> {
    let json: { fileName?: unknown; importedAt?: unknown; schema?: unknown };
    try {
      json = JSON.parse(await readFile(dataFiles.entraSchema(this.dataDir), 'utf8')) as typeof json;
    } catch {
      return null;
    }
    const result = importSynchronizationSchema(json.schema);
    if (!result.ok) return null;
    return {
      fileName: typeof json.fileName === 'string' ? json.fileName : 'schema.json',
      importedAt: typeof json.importedAt === 'string' ? json.importedAt : '',
      imported: result.imported,
    };
  }

  async save(fileName: string, imported: ImportedSchema): Promise<StoredEntraSchema> {
    const importedAt = new Date().toISOString();
    await writeJsonFile(dataFiles.entraSchema(this.dataDir), {
      fileName,
      importedAt,
      schema: imported.schema,
    });
    return { fileName, importedAt, imported };
  }

  async clear(): Promise<void> {
    await rm(dataFiles.entraSchema(this.dataDir), { force: true });
  }
}
