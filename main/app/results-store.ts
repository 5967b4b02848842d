import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redactor } from '../logging/redactor';
import { writeJsonAtomic } from './atomic-files';

/**
 * The latest probe report, dry-run summary and similar results, kept as JSON files under `<data>/results`
 * so they survive a restart and can go into the support export. Everything passes the redactor first.
 */
export class ResultsStore {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly redactor: Redactor,
  ) {
    this.dir = join(dataDir, 'results');
  }

  async save(name: string, value: unknown): Promise<void> {
    // Unique temporary file then rename, queued per file: a crash or a second save never leaves half a file.
    await writeJsonAtomic(join(this.dir, `${name}.json`), this.redactor.value(value));
  }

  async load<T>(name: string, parse: (value: unknown) => T): Promise<T | null> {
    try {
      return parse(JSON.parse(await readFile(join(this.dir, `${name}.json`), 'utf8')));
    } catch {
      // Missing, unreadable or from an older version: there is simply no result to show.
      return null;
    }
  }
}
