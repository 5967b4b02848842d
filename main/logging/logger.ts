import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Redactor } from './redactor';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, details?: Record<string, unknown>): void;
  readonly file: string;
}

/**
 * JSON-lines log under `<data>/logs/main.log`. Every line passes through the redactor, so a secret that
 * slips into a message or an error is still never written.
 */
export function createFileLogger(dataDir: string, redactor: Redactor): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'main.log');
  return {
    file,
    log(level, message, details) {
      const json = JSON.stringify({ at: new Date().toISOString(), level, message, ...details });
      const line = `${redactor.text(json)}\n`;
      // A log line must never break what it describes: a deleted or full data folder loses the line, not the run.
      try {
        appendFileSync(file, line, { mode: 0o600 });
      } catch {
        try {
          mkdirSync(dir, { recursive: true });
          appendFileSync(file, line, { mode: 0o600 });
        } catch {
          // Nowhere to write it; the operation goes on.
        }
      }
    },
  };
}
