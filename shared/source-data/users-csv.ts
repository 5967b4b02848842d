/**
 * Reads the CSV from Entra admin center > Users > All users > Download users. Microsoft documents its
 * columns as userPrincipalName, displayName, surname, mail, givenName, objectId, userType, jobTitle,
 * department, accountEnabled, usageLocation, streetAddress, state, country, physicalDeliveryOfficeName,
 * city, postalCode, telephoneNumber, mobile, authenticationAlternativePhoneNumber, authenticationEmail,
 * alternateEmailAddress, ageGroup, consentProvidedForMinor, legalAgeGroupClassification
 * (MicrosoftDocs/entra-docs users-bulk-download.md). Newer portal builds write `id` for objectId and some
 * tools write display labels ("User principal name"), so headers match loosely.
 */
import type { CsvRecord } from '../csv';
import { CsvTableStream, headerKey } from './csv-table';
import { findSourceAttribute } from './entra-attributes';
import {
  caseKey,
  failure,
  parseBooleanCell,
  SourceDataError,
  type ImportResult,
  type SourceUser,
  type SourceValue,
} from './source-user';
import { UserTableBuilder, type UserTable } from './user-table';

export const DOWNLOAD_USERS_COLUMNS = [
  'userPrincipalName',
  'displayName',
  'surname',
  'mail',
  'givenName',
  'objectId',
  'userType',
  'jobTitle',
  'department',
  'accountEnabled',
  'usageLocation',
  'streetAddress',
  'state',
  'country',
  'physicalDeliveryOfficeName',
  'city',
  'postalCode',
  'telephoneNumber',
  'mobile',
  'authenticationAlternativePhoneNumber',
  'authenticationEmail',
  'alternateEmailAddress',
  'ageGroup',
  'consentProvidedForMinor',
  'legalAgeGroupClassification',
] as const;

/** Other spellings seen for the same columns (Graph names and display labels). */
const ALIASES: Readonly<Record<string, string>> = {
  id: 'objectId',
  objectid: 'objectId',
  firstname: 'givenName',
  lastname: 'surname',
  email: 'mail',
  title: 'jobTitle',
  office: 'physicalDeliveryOfficeName',
  officelocation: 'physicalDeliveryOfficeName',
  mobilephone: 'mobile',
  businessphones: 'telephoneNumber',
  officephone: 'telephoneNumber',
  stateorprovince: 'state',
  countryorregion: 'country',
  accountenabled: 'accountEnabled',
  userprincipalname: 'userPrincipalName',
  username: 'userPrincipalName',
};

function canonicalColumn(header: string): string | undefined {
  return ALIASES[headerKey(header)] ?? findSourceAttribute(header.replace(/\s+/g, ''))?.name;
}

const isUsersHeader = (cells: string[]) =>
  cells.some((cell) => canonicalColumn(cell) === 'userPrincipalName') &&
  cells.some((cell) => canonicalColumn(cell) === 'objectId');

/**
 * For a first line that is clearly a users header (at least two known columns) but lacks a column the
 * import needs: names the missing column(s) instead of "no header row".
 */
function describeMissingColumns(cells: string[]): string | undefined {
  const known = new Set(cells.map(canonicalColumn).filter((column) => column !== undefined));
  if (known.size < 2) return undefined;
  const missing = ['userPrincipalName', 'objectId'].filter((column) => !known.has(column));
  if (missing.length === 0) return undefined;
  return missing.length === 1
    ? `The column ${missing[0]} is missing (the header has ${cells.join(', ')})`
    : `The columns ${missing.join(' and ')} are missing (the header has ${cells.join(', ')})`;
}

/**
 * Columns Jostle's required attributes are usually mapped from (name.givenName from givenName,
 * name.familyName from surname in the gallery defaults). Missing from the file, every user's value is
 * empty: said at import, before the preview counts them all as mapping failures.
 */
const NAME_COLUMNS = ['givenName', 'surname'] as const;

/** trim() that returns the same string when there is nothing to trim (most cells). */
function trimCell(cell: string): string {
  if (cell === '') return cell;
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first <= 32 || last <= 32 || first === 160 || last === 160 ? cell.trim() : cell;
}

const trimPart = (part: string): string => part.trim();

/** Case-insensitive duplicate check of ids and UPNs, keyed by a number hash: no 500,000 string keys. */
class KeyIndex {
  private readonly firstRow = new Map<number, number | number[]>();

  /** The earlier row with this key, or undefined (and `row` is remembered). */
  claim(key: string, row: number, keyAt: (row: number) => string): number | undefined {
    const folded = caseKey(key);
    const hash = hashOf(folded);
    const known = this.firstRow.get(hash);
    if (known === undefined) {
      this.firstRow.set(hash, row);
      return undefined;
    }
    const rows = typeof known === 'number' ? [known] : known;
    for (const earlier of rows) if (caseKey(keyAt(earlier)) === folded) return earlier;
    rows.push(row);
    if (typeof known === 'number') this.firstRow.set(hash, rows);
    return undefined;
  }
}

/** FNV-1a over UTF-16 units, as a small integer (V8 keeps Smis in Maps without boxing). */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at += 1) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash >>> 1;
}

/**
 * Reads a Download users CSV given in pieces, straight into a {@link UserTable}: push each decoded chunk,
 * then {@link finish}. Any broken row throws {@link SourceDataError} with its line number; the caller turns
 * it into an ImportFailure and drops the builder, so a failed import keeps nothing.
 */
export class DownloadUsersImporter {
  readonly warnings: string[] = [];
  private readonly builder = new UserTableBuilder();
  private readonly stream: CsvTableStream;
  private columns: string[] = [];
  private multiValued: boolean[] = [];
  private mirrorOtherMails = false;
  /** The table's column names for this file (its columns, then a mirrored otherMails) and a row's values. */
  private names: string[] = [];
  private values: SourceValue[] = [];
  private readonly byObjectId = new KeyIndex();
  private readonly byUpn = new KeyIndex();
  /** The file line of each row, for "already appears on line N". */
  private lines = new Int32Array(1024);

  constructor() {
    this.stream = new CsvTableStream({
      headerMatches: isUsersHeader,
      describeMissing: describeMissingColumns,
      onHeader: (header, line) => this.header(header, line),
      onRow: (row) => this.row(row),
    });
  }

  push(text: string): void {
    this.stream.push(text);
  }

  /** Rows read so far (progress). */
  get rows(): number {
    return this.builder.length;
  }

  finish(): UserTable {
    this.stream.end();
    if (this.builder.length === 0) this.warnings.push('The file has a header but no users');
    return this.builder.finish();
  }

  private header(header: string[], headerLine: number): void {
    const columns = header.map((name) => canonicalColumn(name) ?? name);
    const seen = new Map<string, number>();
    columns.forEach((column, index) => {
      if (seen.has(column.toLowerCase())) {
        throw new SourceDataError(`Column "${header[index]}" appears twice`, headerLine);
      }
      seen.set(column.toLowerCase(), index);
    });
    const unknown = header.filter((name) => canonicalColumn(name) === undefined);
    if (unknown.length > 0) {
      this.warnings.push(`Columns kept as they are (not Entra source attributes): ${unknown.join(', ')}`);
    }
    const absentNames = NAME_COLUMNS.filter((name) => !columns.includes(name));
    if (absentNames.length > 0) {
      this.warnings.push(
        `The file has no ${absentNames.join(' or ')} column, so that value is empty for every user; ` +
          'Jostle refuses a user whose name.givenName or name.familyName is empty',
      );
    }
    this.columns = columns;
    this.multiValued = columns.map((column) => findSourceAttribute(column)?.multiValued === true);
    // The export's alternateEmailAddress is the user's "Other emails", which provisioning reads as
    // [otherMails] (our reading of the portal; the export has no otherMails column). Mirror it so mappings
    // such as the gallery defaults' Item([otherMails], 1) see it.
    this.mirrorOtherMails = columns.includes('alternateEmailAddress') && !columns.includes('otherMails');
    // By position, not as object keys: a column named "2024" would otherwise be put first.
    this.names = this.mirrorOtherMails ? [...columns, 'otherMails'] : columns;
    this.values = new Array<SourceValue>(this.names.length).fill(null);
    this.builder.declareColumns(this.names);
  }

  // Made once, not per row: each arrow made in the loop costs an allocation (and a name under tsx).
  private readonly objectIdOfRow = (row: number): string => this.builder.objectIdAt(row);
  private readonly upnOfRow = (row: number): string => this.builder.userPrincipalNameAt(row);

  private row(row: CsvRecord): void {
    const { columns, multiValued, values } = this;
    // One reused array of values in column order: no object per user (the table copies what it keeps).
    values.fill(null);
    let objectId: SourceValue = null;
    let upn: SourceValue = null;
    let alternateEmail: SourceValue = null;
    for (let index = 0; index < row.cells.length; index += 1) {
      const column = columns[index] as string;
      const cell = trimCell(row.cells[index] as string);
      if (cell === '') continue; // Stays null.
      let value: SourceValue;
      if (column === 'accountEnabled') {
        const enabled = parseBooleanCell(cell);
        if (enabled === undefined) {
          throw new SourceDataError(`accountEnabled is "${cell}"; expected True or False`, row.line);
        }
        value = enabled;
      } else if (multiValued[index]) value = cell.split(';').map(trimPart);
      else value = cell;
      values[index] = value;
      if (column === 'objectId') objectId = value;
      else if (column === 'userPrincipalName') upn = value;
      else if (column === 'alternateEmailAddress') alternateEmail = value;
    }
    if (this.mirrorOtherMails && typeof alternateEmail === 'string') {
      values[columns.length] = alternateEmail.split(';').map(trimPart);
    }
    if (typeof objectId !== 'string') throw new SourceDataError('objectId is empty', row.line);
    if (typeof upn !== 'string' || !upn.includes('@')) {
      throw new SourceDataError(`userPrincipalName "${upn ?? ''}" is not of the form name@domain`, row.line);
    }
    const rowIndex = this.builder.length;
    const sameId = this.byObjectId.claim(objectId, rowIndex, this.objectIdOfRow);
    if (sameId !== undefined) {
      throw new SourceDataError(
        `objectId ${objectId} already appears on line ${this.lines[sameId]}`,
        row.line,
      );
    }
    const sameUpn = this.byUpn.claim(upn, rowIndex, this.upnOfRow);
    if (sameUpn !== undefined) {
      throw new SourceDataError(
        `userPrincipalName ${upn} already appears on line ${this.lines[sameUpn]}`,
        row.line,
      );
    }
    if (rowIndex === this.lines.length) {
      const grown = new Int32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[rowIndex] = row.line;
    this.builder.addValues(objectId, upn, this.names, values);
  }
}

/** Reads a whole Download users CSV (or its chunks) into a table, or fails with the file and line. */
export function importDownloadUsersCsv(chunks: Iterable<string>, fileName?: string): ImportResult<UserTable> {
  try {
    const importer = new DownloadUsersImporter();
    for (const chunk of chunks) importer.push(chunk);
    const table = importer.finish();
    return { ok: true, value: table, warnings: importer.warnings };
  } catch (error) {
    return failure(error, fileName);
  }
}

/** Parses the whole file or nothing: any broken row fails the import with its line number. */
export function parseDownloadUsersCsv(text: string, fileName?: string): ImportResult<SourceUser[]> {
  const result = importDownloadUsersCsv([text], fileName);
  return result.ok ? { ...result, value: result.value.toArray() } : result;
}

function csvCell(value: SourceValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'boolean' ? (value ? 'True' : 'False') : Array.isArray(value) ? value.join(';') : value;
  return /[",\r\n]/.test(String(text)) ? `"${String(text).replace(/"/g, '""')}"` : String(text);
}

/** Writes users in the Download users layout (for fixtures, the synthetic tenant and the benchmark). */
export function toDownloadUsersCsv(users: readonly SourceUser[]): string {
  const lines = [DOWNLOAD_USERS_COLUMNS.join(',')];
  for (const user of users) {
    lines.push(DOWNLOAD_USERS_COLUMNS.map((column) => csvCell(user.attributes[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
