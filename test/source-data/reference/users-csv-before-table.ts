/**
 * The Download users importer as it was before the compact table (commit d9344a4, whole text in, one
 * SourceUser object per row out), kept only as the reference the table's row views are compared against.
 * Not used by the app.
 */
import { headerKey, readCsv } from '../../../shared/source-data/csv-table';
import { findSourceAttribute } from '../../../shared/source-data/entra-attributes';
import {
  caseKey,
  failure,
  parseBooleanCell,
  SourceDataError,
  type ImportResult,
  type SourceUser,
  type SourceValue,
} from '../../../shared/source-data/source-user';

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

/**
 * Distinct values a column's pool keeps before it stops growing: departments, cities and job titles repeat
 * across a tenant and are stored once each; unique columns (objectId, UPN) fill the pool once and then pass
 * through without costing a Map entry per user.
 */
const POOL_LIMIT = 4_096;

/** One copy of each repeated string per column: 500,000 users share their few hundred department names. */
class StringPool {
  private readonly values = new Map<string, string>();

  intern(value: string): string {
    const known = this.values.get(value);
    if (known !== undefined) return known;
    if (this.values.size < POOL_LIMIT) this.values.set(value, value);
    return value;
  }
}

function parse(text: string): { users: SourceUser[]; warnings: string[] } {
  const table = readCsv(text, isUsersHeader, describeMissingColumns);
  const warnings: string[] = [];
  const columns = table.header.map((header) => canonicalColumn(header) ?? header);
  const seen = new Map<string, number>();
  columns.forEach((column, index) => {
    if (seen.has(column.toLowerCase())) {
      throw new SourceDataError(`Column "${table.header[index]}" appears twice`, table.headerLine);
    }
    seen.set(column.toLowerCase(), index);
  });
  const unknown = table.header.filter((header) => canonicalColumn(header) === undefined);
  if (unknown.length > 0) {
    warnings.push(`Columns kept as they are (not Entra source attributes): ${unknown.join(', ')}`);
  }
  const absentNames = NAME_COLUMNS.filter((name) => !columns.includes(name));
  if (absentNames.length > 0) {
    warnings.push(
      `The file has no ${absentNames.join(' or ')} column, so that value is empty for every user; ` +
        'Jostle refuses a user whose name.givenName or name.familyName is empty',
    );
  }
  const multiValued = columns.map((column) => findSourceAttribute(column)?.multiValued === true);
  const pools = columns.map(() => new StringPool());
  // Copying a template keeps every user object in V8's compact "fast properties" layout (~250 bytes);
  // adding 25 computed keys one by one switches objects to dictionary mode (~1.6 KB each), which made
  // 100,000 users cost 220 MB.
  const template: Record<string, SourceValue> = Object.fromEntries(columns.map((column) => [column, null]));
  // The export's alternateEmailAddress is the user's "Other emails", which provisioning reads as
  // [otherMails] (our reading of the portal; the export has no otherMails column). Mirror it so mappings
  // such as the gallery defaults' Item([otherMails], 1) see it.
  const mirrorOtherMails = columns.includes('alternateEmailAddress') && !columns.includes('otherMails');
  if (mirrorOtherMails) template.otherMails = null;
  const byObjectId = new Map<string, number>();
  const byUpn = new Map<string, number>();
  const users: SourceUser[] = [];
  for (const row of table.rows) {
    const attributes: Record<string, SourceValue> = { ...template };
    for (let index = 0; index < row.cells.length; index += 1) {
      const column = columns[index] as string;
      const cell = trimCell(row.cells[index] as string);
      if (cell === '') continue; // Stays null from the template.
      if (column === 'accountEnabled') {
        const enabled = parseBooleanCell(cell);
        if (enabled === undefined) {
          throw new SourceDataError(`accountEnabled is "${cell}"; expected True or False`, row.line);
        }
        attributes[column] = enabled;
      } else if (multiValued[index]) attributes[column] = cell.split(';').map((part) => part.trim());
      else attributes[column] = (pools[index] as StringPool).intern(cell);
    }
    if (mirrorOtherMails && typeof attributes.alternateEmailAddress === 'string') {
      attributes.otherMails = attributes.alternateEmailAddress.split(';').map((part) => part.trim());
    }
    const objectId = attributes.objectId;
    const upn = attributes.userPrincipalName;
    if (typeof objectId !== 'string') throw new SourceDataError('objectId is empty', row.line);
    if (typeof upn !== 'string' || !upn.includes('@')) {
      throw new SourceDataError(`userPrincipalName "${upn ?? ''}" is not of the form name@domain`, row.line);
    }
    const sameId = byObjectId.get(caseKey(objectId));
    if (sameId !== undefined) {
      throw new SourceDataError(`objectId ${objectId} already appears on line ${sameId}`, row.line);
    }
    const sameUpn = byUpn.get(caseKey(upn));
    if (sameUpn !== undefined) {
      throw new SourceDataError(`userPrincipalName ${upn} already appears on line ${sameUpn}`, row.line);
    }
    byObjectId.set(caseKey(objectId), row.line);
    byUpn.set(caseKey(upn), row.line);
    users.push({ objectId, userPrincipalName: upn, attributes });
  }
  if (users.length === 0) warnings.push('The file has a header but no users');
  return { users, warnings };
}

/** Parses the whole file or nothing: any broken row fails the import with its line number. */
export function referenceParseDownloadUsersCsv(text: string, fileName?: string): ImportResult<SourceUser[]> {
  try {
    const { users, warnings } = parse(text);
    return { ok: true, value: users, warnings };
  } catch (error) {
    return failure(error, fileName);
  }
}
