/**
 * The header-and-rows view the source-data imports need on top of shared/csv: find the header among
 * leading lines, check every row has as many cells, and report problems as {@link SourceDataError}.
 */
import { csvRecords, CsvSyntaxError, detectDelimiter, isBlankRecord, type CsvRecord } from '../csv';
import { CsvRecordStream } from '../csv/chunked';
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
 * Files that are not CSV text at all, named for what they are: an empty file, a zip (an .xlsx workbook is
 * one) or other binary data renamed to .csv. Without this they all end as "no header row".
 */
function refuseNonCsv(text: string): void {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new SourceDataError('The file is empty');
  refuseNonText(text);
}

function refuseNonText(text: string): void {
  if (text.startsWith('PK\u0003\u0004')) {
    throw new SourceDataError(
      'This is a zip or Excel workbook (.xlsx), not a CSV file. Download the CSV again, or in Excel use ' +
        'File > Save As > CSV UTF-8',
    );
  }
  if (text.slice(0, 4096).includes('\u0000')) {
    throw new SourceDataError(
      'This is not a text file (it contains binary data), so it cannot be a CSV export',
    );
  }
}

/**
 * Splits text into a header and rows. The delimiter is detected (comma, or the semicolon Excel writes in
 * locales with a decimal comma, or tab). Lines before `headerMatches` succeeds (such as the `version:v1.0`
 * line of Entra's bulk templates) are skipped; blank rows are dropped. When no line matches,
 * `describeMissing` is given the first non-blank line and may name what that header lacks.
 */
export function readCsv(
  text: string,
  headerMatches: (cells: string[]) => boolean,
  describeMissing?: (firstCells: string[]) => string | undefined,
): CsvTable {
  refuseNonCsv(text);
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
  let firstEntry: CsvRecord | undefined;
  for (let entry = next(); entry; entry = next()) {
    if (isBlankRecord(entry.cells)) continue;
    firstEntry ??= entry;
    if (headerMatches(entry.cells.map((cell) => cell.trim()))) {
      headerEntry = entry;
      break;
    }
  }
  if (!headerEntry) {
    const missing = firstEntry && describeMissing?.(firstEntry.cells.map((cell) => cell.trim()));
    if (missing) throw new SourceDataError(missing, firstEntry?.line);
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

function noHeader(
  firstEntry: CsvRecord | undefined,
  describeMissing?: (firstCells: string[]) => string | undefined,
): SourceDataError {
  const missing = firstEntry && describeMissing?.(firstEntry.cells.map((cell) => cell.trim()));
  if (missing) return new SourceDataError(missing, firstEntry?.line);
  return new SourceDataError('No header row found: expected column names such as userPrincipalName', 1);
}

export interface CsvTableHandlers {
  headerMatches(cells: string[]): boolean;
  describeMissing?(firstCells: string[]): string | undefined;
  onHeader(header: string[], headerLine: number): void;
  onRow(row: CsvRecord): void;
}

/**
 * {@link readCsv} for a file given in pieces (push each decoded chunk, then end): the same checks, the same
 * messages and line numbers, without ever holding the whole text.
 */
export class CsvTableStream {
  private readonly records: CsvRecordStream;
  private header: string[] | undefined;
  private firstEntry: CsvRecord | undefined;
  private sawText = false;

  constructor(private readonly handlers: CsvTableHandlers) {
    this.records = new CsvRecordStream((record) => this.record(record), {
      onHead: (head) => refuseNonText(head),
    });
  }

  push(text: string): void {
    if (!this.sawText && text.replace(/^\uFEFF/, '').trim() !== '') this.sawText = true;
    this.guard(() => this.records.push(text));
  }

  end(): void {
    this.guard(() => this.records.end());
    if (!this.sawText) throw new SourceDataError('The file is empty');
    if (!this.header) throw noHeader(this.firstEntry, this.handlers.describeMissing);
  }

  private guard(run: () => void): void {
    try {
      run();
    } catch (error) {
      throw toSourceDataError(error);
    }
  }

  private record(entry: CsvRecord): void {
    if (isBlankRecord(entry.cells)) return;
    const header = this.header;
    if (header) {
      if (entry.cells.length !== header.length) {
        throw new SourceDataError(
          `Expected ${header.length} cells like the header but found ${entry.cells.length}; ` +
            'check for an unquoted comma or a missing cell',
          entry.line,
        );
      }
      this.handlers.onRow(entry);
      return;
    }
    this.firstEntry ??= entry;
    const cells = entry.cells.map((cell) => cell.trim());
    if (this.handlers.headerMatches(cells)) {
      this.header = cells;
      this.handlers.onHeader(cells, entry.line);
    }
  }
}
