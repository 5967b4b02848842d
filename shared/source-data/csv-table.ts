/**
 * The header-and-rows view the source-data imports need on top of shared/csv: find the header among
 * leading lines, check every row has as many cells, and report problems as {@link SourceDataError}.
 */
import { csvRecords, CsvSyntaxError, detectDelimiter, isBlankRecord, type CsvRecord } from '../csv';
import { SourceDataError } from './source-user';

export interface CsvTable {
  header: string[];
  headerLine: number;
  /** Read once, in order; throws {@link SourceDataError} at the first broken row. */
  rows: Iterable<CsvRecord>;
}

function toSourceDataError(error: unknown): unknown {
  if (!(error instanceof CsvSyntaxError)) return error;
  const message = error.problem.charAt(0).toUpperCase() + error.problem.slice(1);
  return new SourceDataError(message, error.line, error.column);
}

/**
 * Splits text into a header and rows. The delimiter is detected (comma, or the semicolon Excel writes in
 * locales with a decimal comma, or tab). Lines before `headerMatches` succeeds (such as the `version:v1.0`
 * line of Entra's bulk templates) are skipped; blank rows are dropped.
 */
export function readCsv(text: string, headerMatches: (cells: string[]) => boolean): CsvTable {
  // Rows are produced lazily, so a 100,000-line file is never held as rows and as users at the same time.
  const records = csvRecords(text, { delimiter: detectDelimiter(text) });
  // next() rather than for…of with break: breaking out of for…of would close the generator.
  const next = (): CsvRecord | undefined => {
    try {
      const result = records.next();
      return result.done ? undefined : result.value;
    } catch (error) {
      throw toSourceDataError(error);
    }
  };
  let headerEntry: CsvRecord | undefined;
  for (let entry = next(); entry; entry = next()) {
    if (!isBlankRecord(entry.cells) && headerMatches(entry.cells.map((cell) => cell.trim()))) {
      headerEntry = entry;
      break;
    }
  }
  if (!headerEntry) {
    throw new SourceDataError('No header row found: expected column names such as userPrincipalName', 1);
  }
  const header = headerEntry.cells.map((cell) => cell.trim());
  function* rows(): Generator<CsvRecord> {
    for (let entry = next(); entry; entry = next()) {
      if (isBlankRecord(entry.cells)) continue;
      if (entry.cells.length !== header.length) {
        throw new SourceDataError(
          `Expected ${header.length} cells like the header but found ${entry.cells.length}; ` +
            'check for an unquoted comma or a missing cell',
          entry.line,
        );
      }
      yield entry;
    }
  }
  return { header, headerLine: headerEntry.line, rows: rows() };
}

/** Header names compare without case, spaces, dashes or underscores: "User principal name" = userPrincipalName. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]/g, '');
}
