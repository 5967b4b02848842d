import { parseCsvLogs } from './csv';
import { parseJsonLogs } from './json';
import { ProvisioningLogError, type ProvisioningLogParseResult } from './model';

export interface ParseProvisioningLogsOptions {
  /** Used only to pick the format when `format` is `auto`: .csv, .json, .jsonl/.ndjson. */
  fileName?: string;
  format?: 'csv' | 'json' | 'auto';
}

function chooseFormat(text: string, options: ParseProvisioningLogsOptions): 'csv' | 'json' {
  if (options.format === 'csv' || options.format === 'json') return options.format;
  const extension = /\.([a-z0-9]+)$/i.exec(options.fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'json' || extension === 'jsonl' || extension === 'ndjson') return 'json';
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}

/**
 * Reads a provisioning-logs download from Entra (**Enterprise applications > Jostle > Provisioning logs >
 * Download**), CSV or JSON, from text. Either every event is returned or none: the first problem is reported
 * with its line (CSV, NDJSON), line and column (JSON syntax) or record number.
 */
export function parseProvisioningLogs(
  text: string,
  options: ParseProvisioningLogsOptions = {},
): ProvisioningLogParseResult {
  try {
    if (chooseFormat(text, options) === 'csv') {
      const { rows, warnings } = parseCsvLogs(text);
      return { ok: true, format: 'csv', rows, warnings };
    }
    const { format, rows, warnings } = parseJsonLogs(text);
    return { ok: true, format, rows, warnings };
  } catch (error) {
    if (error instanceof ProvisioningLogError)
      return { ok: false, error: { message: error.message, ...error.where } };
    throw error;
  }
}
