import { csvRecords, CsvSyntaxError, isBlankRecord, type CsvRecord } from '../csv';
import { FIELD_PATHS, flatten, headersSupply, type Lookupable } from './fields';
import { ProvisioningLogError, type ProvisioningLogRow } from './model';
import { toRow } from './row';

/** Headers of the two companion files in the CSV download, which carry no events of their own. */
const STEP_HEADERS = ['provisioningsteptype', 'stepname', 'provisioningsteps', 'step'];
const MODIFIED_HEADERS = ['oldvalue', 'newvalue', 'modifiedproperties'];

function wrongFileMessage(flatHeaders: ReadonlySet<string>): string | undefined {
  const has = (names: string[]) => names.some((name) => flatHeaders.has(name));
  if (has(STEP_HEADERS)) return 'This is the ProvisioningLogs_ProvisioningSteps file';
  if (has(MODIFIED_HEADERS)) return 'This is the ProvisioningLogs_ModifiedProperties file';
  return undefined;
}

const expectedNames = (field: keyof typeof FIELD_PATHS) =>
  FIELD_PATHS[field]
    .filter((path) => !path.includes('.'))
    .slice(0, 3)
    .map((name) => `"${name}"`)
    .join(', ');

/** The ProvisioningLogs CSV of Entra's download (or a Log Analytics export) to normalised rows, all or nothing. */
export function parseCsvLogs(text: string): { rows: ProvisioningLogRow[]; warnings: string[] } {
  try {
    return readLogs(csvRecords(text));
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new ProvisioningLogError(`Line ${error.line}: ${error.problem}.`, {
        line: error.line,
        column: error.column,
      });
    }
    throw error;
  }
}

function readLogs(records: Iterator<CsvRecord>): { rows: ProvisioningLogRow[]; warnings: string[] } {
  const nextRecord = (): CsvRecord | undefined => {
    for (let next = records.next(); !next.done; next = records.next()) {
      if (!isBlankRecord(next.value.cells)) return next.value;
    }
    return undefined;
  };
  const header = nextRecord();
  if (!header) throw new ProvisioningLogError('The file is empty: there is no header line.');
  const headers = header.cells.map((cell) => cell.trim());
  const flatHeaders = new Set(headers.map(flatten));
  const missing = (['at', 'status'] as const).filter((field) => !headersSupply(flatHeaders, field));
  if (missing.length > 0) {
    const companion = wrongFileMessage(flatHeaders);
    if (companion) {
      throw new ProvisioningLogError(
        `${companion}; it has no events of its own. Import the file named ProvisioningLogs from the same download.`,
        { line: header.line },
      );
    }
    const wanted = missing.map((field) =>
      field === 'at'
        ? `a date column (${expectedNames('at')})`
        : `a status column (${expectedNames('status')})`,
    );
    throw new ProvisioningLogError(
      `Line ${header.line}: this does not look like an Entra provisioning log: it needs ${wanted.join(' and ')}. Columns found: ${headers.join(', ')}.`,
      { line: header.line },
    );
  }

  const warnings: string[] = [];
  if (!headersSupply(flatHeaders, 'action'))
    warnings.push('The file has no action column; every event is counted as Other.');

  const rows: ProvisioningLogRow[] = [];
  for (let record = nextRecord(); record; record = nextRecord()) {
    const number = rows.length + 1;
    if (record.cells.length !== headers.length) {
      throw new ProvisioningLogError(
        `Line ${record.line}: ${record.cells.length} cells where the header has ${headers.length} (a comma inside an unquoted value?).`,
        { line: record.line, record: number },
      );
    }
    const fields: Lookupable = {};
    headers.forEach((name, column) => {
      // With a repeated header, the first column keeps the name: later duplicates are usually empty extras.
      if (!(name in fields)) fields[name] = record.cells[column];
    });
    rows.push(toRow(fields, { line: record.line, record: number }));
  }
  return { rows, warnings };
}
