/**
 * The imported users held compactly: one column per attribute, each cell a 32-bit code into that column's
 * strings, and each distinct repeated string (department, city, job title, …) stored once. A SourceUser is
 * materialised only when a row is read ({@link UserTable.at}), and dropped by the caller soon after, so
 * 500,000 users cost their characters plus a few bytes a cell instead of a ~1 KB object graph each.
 *
 * Built once by an importer through {@link UserTableBuilder}, then read-only. Satisfies {@link UserList},
 * the read-only list every consumer (scoping, mapping preview, the dry-run engine) takes.
 */
import { PackedStrings } from './packed-strings';
import type { SourceUser, SourceValue } from './source-user';
import type { UserList } from './user-list';

/** Cell codes below zero; zero and above index the column's strings. */
const NULL = -1;
const ABSENT = -2;
/** The attribute equals the row's objectId or userPrincipalName key (CSV and Graph: always): not stored twice. */
const SAME_AS_KEY = -3;
/** Codes at or below this index the table's other values (booleans, multi-valued lists): -4 → others[0]. */
const OTHER_BASE = -4;

/** Distinct values a column interns before it stops looking (unique columns: objectId, UPN, mail). */
const DICTIONARY_LIMIT = 4_096;

/**
 * A copy of a string that refers to nothing else. V8's substrings of 13+ characters point into the text they
 * were cut from; a dictionary key that did would keep a whole chunk of the file alive.
 */
const detached = (text: string): string =>
  text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);

/** A column's cells: 32-bit while building, then as narrow as its codes allow ({@link narrowCodes}). */
type Codes = Int32Array | Int16Array | Int8Array;

/**
 * The codes of a finished column in the narrowest array that holds them: most columns (department, city,
 * booleans: a few distinct values) fit a byte a cell, which at 500,000 rows saves ~1.4 MB a column.
 */
function narrowCodes(codes: Int32Array, rows: number): Codes {
  let min = 0;
  let max = 0;
  for (let row = 0; row < rows; row += 1) {
    const code = codes[row]!;
    if (code < min) min = code;
    else if (code > max) max = code;
  }
  if (min >= -0x80 && max < 0x80) return Int8Array.from(codes.subarray(0, rows));
  if (min >= -0x8000 && max < 0x8000) return Int16Array.from(codes.subarray(0, rows));
  return codes.slice(0, rows);
}

class Column {
  codes: Codes;
  readonly strings = new PackedStrings();
  dictionary: Map<string, number> | null = new Map();
  /** Strings encoded so far (one per row that has one). */
  private encoded = 0;

  constructor(
    readonly name: string,
    capacity: number,
  ) {
    this.codes = new Int32Array(capacity).fill(ABSENT);
  }

  encodeString(value: string): number {
    const dictionary = this.dictionary;
    this.encoded += 1;
    if (dictionary === null) return this.strings.push(value);
    const known = dictionary.get(value);
    if (known !== undefined) return known;
    const code = this.strings.push(value);
    if (dictionary.size < DICTIONARY_LIMIT) dictionary.set(detached(value), code);
    // Full and still meeting a new value on most rows: a unique column, where looking up only costs time.
    else if (code > 4 * DICTIONARY_LIMIT && code * 2 > this.encoded) this.dictionary = null;
    return code;
  }
}

export class UserTable implements UserList {
  private byName: Map<string, Column> | undefined;

  /**
   * When every row has every column (a CSV; the synthetic tenant): rows are copies of this object, which keeps
   * them in V8's compact fast-properties layout; setting 25 computed keys one by one on `{}` makes each row a
   * slow dictionary object (~1.6 KB, and slower for the mapping to read).
   */
  private readonly template: Record<string, SourceValue> | null;
  /** Every column but the two keys (objectId, userPrincipalName), which lead. */
  private readonly attributeColumns: readonly Column[];

  /** @internal use {@link UserTableBuilder}. */
  constructor(
    private readonly columns: readonly Column[],
    private readonly others: readonly SourceValue[],
    readonly length: number,
    complete: boolean,
  ) {
    this.attributeColumns = columns.slice(2);
    this.template = complete
      ? Object.fromEntries(this.attributeColumns.map((column) => [column.name, null]))
      : null;
  }

  /** Attribute names, in the order they were first seen (a CSV's header order). */
  get attributeNames(): string[] {
    return this.attributeColumns.map((column) => column.name);
  }

  /** Strings the column keeps: each distinct repeated value once (interning), so far fewer than rows. */
  storedStrings(attribute: string): number {
    this.byName ??= new Map(this.attributeColumns.map((column) => [column.name, column]));
    return this.byName.get(attribute)?.strings.length ?? 0;
  }

  objectIdAt(index: number): string {
    return this.columns[0]!.strings.get(this.columns[0]!.codes[index]!);
  }

  userPrincipalNameAt(index: number): string {
    return this.columns[1]!.strings.get(this.columns[1]!.codes[index]!);
  }

  /** One attribute of one row, without building the row; undefined when the row has no such attribute. */
  valueAt(index: number, attribute: string): SourceValue | undefined {
    this.byName ??= new Map(this.attributeColumns.map((column) => [column.name, column]));
    const column = this.byName.get(attribute);
    return column ? this.decode(column, index) : undefined;
  }

  at(index: number): SourceUser | undefined {
    return this.rowOf(index, this.attributeColumns, this.template);
  }

  /**
   * A reader of rows that holds only the named attributes (absent ones stay absent), for a pass that reads a
   * known few: scope and mapping read 5–10 of a CSV's 25 columns, and building the other cells of 500,000
   * rows was most of the preview's allocation. Rows read this way must not be shown or kept whole.
   */
  projection(names: readonly string[]): (index: number) => SourceUser | undefined {
    const wanted = new Set(names);
    const picked = this.attributeColumns.filter((column) => wanted.has(column.name));
    const template = this.template
      ? Object.fromEntries(picked.map((column) => [column.name, null as SourceValue]))
      : null;
    return (index) => this.rowOf(index, picked, template);
  }

  /** One row, with the cells of `columns` only; `template` (when set) gives every key its null first. */
  private rowOf(
    index: number,
    columns: readonly Column[],
    template: Readonly<Record<string, SourceValue>> | null,
  ): SourceUser | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    const objectId = this.objectIdAt(index);
    const userPrincipalName = this.userPrincipalNameAt(index);
    const attributes: Record<string, SourceValue> = template ? { ...template } : {};
    for (let at = 0; at < columns.length; at += 1) {
      const column = columns[at]!;
      const code = column.codes[index]!;
      if (code === ABSENT) continue;
      attributes[column.name] =
        code === SAME_AS_KEY
          ? column.name === 'objectId'
            ? objectId
            : userPrincipalName
          : (this.decode(column, index) as SourceValue);
    }
    return { objectId, userPrincipalName, attributes };
  }

  *[Symbol.iterator](): Iterator<SourceUser> {
    for (let index = 0; index < this.length; index += 1) yield this.at(index)!;
  }

  /** Every row as a plain SourceUser (small tables, tests, the support export's sample). */
  toArray(limit = this.length): SourceUser[] {
    const rows: SourceUser[] = [];
    for (let index = 0; index < Math.min(limit, this.length); index += 1) rows.push(this.at(index)!);
    return rows;
  }

  private decode(column: Column, index: number): SourceValue | undefined {
    const code = column.codes[index]!;
    if (code >= 0) return column.strings.get(code);
    if (code === NULL) return null;
    if (code === ABSENT) return undefined;
    if (code === SAME_AS_KEY)
      return column.name === 'objectId' ? this.objectIdAt(index) : this.userPrincipalNameAt(index);
    return this.others[OTHER_BASE - code];
  }
}

/** Fills a {@link UserTable} row by row; {@link finish} hands over the table and ends the builder. */
export class UserTableBuilder {
  private columns: Column[] = [
    new Column('\u0000objectId', 1024),
    new Column('\u0000userPrincipalName', 1024),
  ];
  private readonly byName = new Map<string, Column>();
  private readonly others: SourceValue[] = [true, false];
  private capacity = 1024;
  private rows = 0;
  private done = false;

  get length(): number {
    return this.rows;
  }

  objectIdAt(row: number): string {
    return this.columns[0]!.strings.get(this.columns[0]!.codes[row]!);
  }

  userPrincipalNameAt(row: number): string {
    return this.columns[1]!.strings.get(this.columns[1]!.codes[row]!);
  }

  /** The row's index; `attributes` keys that this table has not seen yet become new columns. */
  add(
    objectId: string,
    userPrincipalName: string,
    attributes: Readonly<Record<string, SourceValue>>,
  ): number {
    if (this.done) throw new Error('This user table is finished');
    const row = this.rows;
    if (row === this.capacity) this.grow();
    this.rows += 1;
    this.columns[0]!.codes[row] = this.columns[0]!.encodeString(objectId);
    this.columns[1]!.codes[row] = this.columns[1]!.encodeString(userPrincipalName);
    for (const name in attributes) {
      const value = attributes[name] as SourceValue | undefined;
      if (value === undefined) continue;
      const column = this.column(name);
      column.codes[row] =
        (name === 'objectId' && value === objectId) ||
        (name === 'userPrincipalName' && value === userPrincipalName)
          ? SAME_AS_KEY
          : this.encode(column, value);
    }
    return row;
  }

  /** Declares columns up front (a CSV header), so their order is the file's. */
  declareColumns(names: readonly string[]): void {
    for (const name of names) this.column(name);
  }

  /**
   * {@link add} for a row already split into the declared columns' values (in `names` order, undefined for
   * "no such attribute"): what the CSV importer does for every row, without an attributes object per user.
   */
  addValues(
    objectId: string,
    userPrincipalName: string,
    names: readonly string[],
    values: readonly (SourceValue | undefined)[],
  ): number {
    if (this.done) throw new Error('This user table is finished');
    const row = this.rows;
    if (row === this.capacity) this.grow();
    this.rows += 1;
    this.columns[0]!.codes[row] = this.columns[0]!.encodeString(objectId);
    this.columns[1]!.codes[row] = this.columns[1]!.encodeString(userPrincipalName);
    for (let at = 0; at < names.length; at += 1) {
      const value = values[at];
      if (value === undefined) continue;
      const name = names[at]!;
      const column = this.column(name);
      column.codes[row] =
        (name === 'objectId' && value === objectId) ||
        (name === 'userPrincipalName' && value === userPrincipalName)
          ? SAME_AS_KEY
          : this.encode(column, value);
    }
    return row;
  }

  finish(): UserTable {
    this.done = true;
    for (const column of this.columns) {
      column.strings.finish();
      column.dictionary = null;
      // Trim the spare capacity (a 500,000-row table would otherwise carry up to twice its codes) and narrow.
      column.codes = narrowCodes(column.codes as Int32Array, this.rows);
    }
    const complete = this.columns.every((column) => !column.codes.includes(ABSENT));
    return new UserTable(this.columns, this.others, this.rows, complete);
  }

  private column(name: string): Column {
    let column = this.byName.get(name);
    if (!column) {
      column = new Column(name, this.capacity);
      this.byName.set(name, column);
      this.columns.push(column);
    }
    return column;
  }

  private encode(column: Column, value: SourceValue): number {
    if (value === null) return NULL;
    if (typeof value === 'string') return column.encodeString(value);
    if (value === true) return OTHER_BASE;
    if (value === false) return OTHER_BASE - 1;
    this.others.push(Object.freeze(value.map(detached)));
    return OTHER_BASE - (this.others.length - 1);
  }

  private grow(): void {
    this.capacity *= 2;
    for (const column of this.columns) {
      const codes = new Int32Array(this.capacity).fill(ABSENT);
      codes.set(column.codes);
      column.codes = codes;
    }
  }
}

/** A table holding `users` (old saved imports, Graph pages, tests). */
export function userTableFrom(users: Iterable<SourceUser>): UserTable {
  const builder = new UserTableBuilder();
  for (const user of users) builder.add(user.objectId, user.userPrincipalName, user.attributes);
  return builder.finish();
}
