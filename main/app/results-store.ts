import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redactor } from '../logging/redactor';

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
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `${name}.json`);
    // Write then rename, so a crash mid-write never leaves a half file behind.
    await writeFile(`${file}.tmp`, JSON.stringify(this.redactor.value(value), null, 2), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
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
