/** Reading a provisioning-log download (or the logs read from Graph) into the Monitor step's analysis. */
import {
  parseProvisioningLogs,
  summariseProvisioningLogs,
  type ProvisioningLogImportError,
  type ProvisioningLogSummary,
} from '../../../shared/provisioning-logs';

const MAX_BYTES = 100 * 1024 * 1024;

export type Imported =
  | { fileName: string; summary: ProvisioningLogSummary; warnings: string[] }
  | { fileName: string; error: ProvisioningLogImportError };

/** Reads and summarises a download in the page. Nothing is saved or sent to the assistant's main process. */
export async function importLogFile(file: File): Promise<Imported> {
  if (file.size > MAX_BYTES) {
    return {
      fileName: file.name,
      error: {
        message: 'The file is larger than 100 MB. Narrow the date range in Entra and download again.',
      },
    };
  }
  return importLogText(await file.text(), file.name);
}

/** The same analysis for text from elsewhere: the logs read from Microsoft Graph (Entra tool). */
export function importLogText(text: string, fileName: string): Imported {
  const parsed = parseProvisioningLogs(text, { fileName });
  if (!parsed.ok) return { fileName, error: parsed.error };
  return { fileName, summary: summariseProvisioningLogs(parsed.rows), warnings: parsed.warnings };
}
