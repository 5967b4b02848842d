/**
 * The Monitor step's provisioning-log analysis on disk, beside the other imports: it survives a restart, a
 * new import replaces it whole, and "Forget this analysis" removes it. Only the summary is kept (counts,
 * error groups with a few samples, cycles, quarantine signals), never the downloaded log, and the samples'
 * texts pass the redactor before they are written, so a key a server echoed into a log is not saved here.
 */
import { readFile, rm } from 'node:fs/promises';
import type { z } from 'zod';
import { monitorAnalysisSchema } from '../../shared/api/contracts/monitor';
import { writeJsonFile } from './configuration';
import { dataFiles } from './data-files';

export type MonitorAnalysis = z.output<typeof monitorAnalysisSchema>;

export class MonitorAnalysisStore {
  constructor(private readonly dataDir: string) {}

  /** Null when nothing was imported, and when the file is damaged or from an older format (re-import). */
  async current(): Promise<MonitorAnalysis | null> {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(dataFiles.monitorAnalysis(this.dataDir), 'utf8'));
    } catch {
      return null;
    }
    const parsed = monitorAnalysisSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  }

  async save(analysis: MonitorAnalysis): Promise<MonitorAnalysis> {
    await writeJsonFile(dataFiles.monitorAnalysis(this.dataDir), analysis);
    return analysis;
  }

  async clear(): Promise<void> {
    await rm(dataFiles.monitorAnalysis(this.dataDir), { force: true });
  }
}
