/**
 * One Entra user as every importer produces it: attribute values keyed by the provisioning source names
 * of ./entra-attributes (objectId, userPrincipalName, surname, …). Plain JSON, so it crosses IPC.
 */

export type SourceValue = string | boolean | readonly string[] | null;

export interface SourceUser {
  objectId: string;
  userPrincipalName: string;
  attributes: Readonly<Record<string, SourceValue>>;
}

/** A failed import: nothing from the file is used. `line` is 1-based in the named file. */
export interface ImportFailure {
  ok: false;
  error: { message: string; file?: string; line?: number; column?: number };
}

export interface ImportSuccess<T> {
  ok: true;
  value: T;
  /** Things the admin should know that did not stop the import (ignored columns, …). */
  warnings: string[];
}

export type ImportResult<T> = ImportSuccess<T> | ImportFailure;

/** Thrown inside importers and turned into an {@link ImportFailure} at their boundary. */
export class SourceDataError extends Error {
  override name = 'SourceDataError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

export function failure(error: unknown, file?: string): ImportFailure {
  if (error instanceof SourceDataError) {
    const where = [file, error.line === undefined ? undefined : `line ${error.line}`]
      .filter(Boolean)
      .join(', ');
    return {
      ok: false,
      error: {
        message: where ? `${where}: ${error.message}` : error.message,
        ...(file === undefined ? {} : { file }),
        ...(error.line === undefined ? {} : { line: error.line }),
        ...(error.column === undefined ? {} : { column: error.column }),
      },
    };
  }
  throw error;
}

/** Parses the spellings of a Boolean that exports use (Download users writes True/False). */
export function parseBooleanCell(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (lower === 'true' || lower === 'yes' || lower === '1') return true;
  if (lower === 'false' || lower === 'no' || lower === '0') return false;
  return undefined;
}

/**
 * Case-insensitive key for ids and UPNs. Skips toLowerCase when nothing needs lowering: with a two-byte
 * file (any non-Latin-1 name makes the whole text two-byte) V8 lowers through ICU, which cost ~1 µs per
 * call in the 100,000-user benchmark.
 */
export function caseKey(text: string): string {
  return NEEDS_LOWERING.test(text) ? text.toLowerCase() : text;
}

const NEEDS_LOWERING = /[A-Z\u0080-\uffff]/;
