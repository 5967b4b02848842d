/**
 * The saved user import, in a form that loads back into a compact UserTable without a giant object graph:
 * JSON lines. The first line describes the import and names the columns; each further line is one user as a
 * JSON array `[objectId, userPrincipalName, ...one value per column]`, with 0 for "no such attribute" (JSON
 * has no undefined, and 0 is never a SourceValue). It is read in chunks, a line at a time, so reading
 * 500,000 users never holds the file or its parse tree.
 *
 * Imports saved before this format (`users.json`: `{ fileName, importedAt, users: SourceUser[] }`) are still
 * read, so an admin upgrading keeps the import; the next import writes the new format.
 */
import { open } from 'node:fs/promises';
import {
  UserTableBuilder,
  userTableFrom,
  type SourceValue,
  type UserList,
  type UserTable,
} from '../../shared/source-data';

export const SAVED_USERS_FORMAT = 'jostle-imported-users';
export const SAVED_USERS_VERSION = 2;

export interface SavedUsers {
  fileName: string;
  importedAt: string;
  users: UserTable;
}

/** A saved import that cannot be read: says which file and line, and what to do. */
export class SavedUsersError extends Error {
  override name = 'SavedUsersError';
}

const ABSENT = 0;
const LINES_PER_WRITE = 2_000;

/** The file's lines, header first, produced as they are written: never the whole file as one string. */
export function* savedUsersLines(value: {
  fileName: string;
  importedAt: string;
  users: UserList;
}): Generator<string> {
  const { users } = value;
  const columns: string[] = [];
  const names = (users as Partial<UserTable>).attributeNames;
  if (names) columns.push(...names);
  else {
    const known = new Set<string>();
    for (const user of users) for (const name of Object.keys(user.attributes)) known.add(name);
    columns.push(...known);
  }
  yield `${JSON.stringify({
    format: SAVED_USERS_FORMAT,
    version: SAVED_USERS_VERSION,
    fileName: value.fileName,
    importedAt: value.importedAt,
    count: users.length,
    columns,
  })}\n`;
  let batch: string[] = [];
  for (let index = 0; index < users.length; index += 1) {
    const user = users.at(index)!;
    const row: unknown[] = [user.objectId, user.userPrincipalName];
    for (const column of columns) {
      const cell = user.attributes[column];
      row.push(cell === undefined ? ABSENT : cell);
    }
    batch.push(JSON.stringify(row));
    if (batch.length === LINES_PER_WRITE) {
      yield `${batch.join('\n')}\n`;
      batch = [];
    }
  }
  if (batch.length > 0) yield `${batch.join('\n')}\n`;
}

const isSourceValue = (value: unknown): value is SourceValue =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string'));

interface Header {
  fileName: string;
  importedAt: string;
  count: number;
  columns: string[];
}

function readHeader(line: string, where: string): Header {
  let header: Partial<Header> & { format?: unknown; version?: unknown };
  try {
    header = JSON.parse(line) as typeof header;
  } catch {
    throw new SavedUsersError(`${where}: the first line is not JSON`);
  }
  if (header.format !== SAVED_USERS_FORMAT)
    throw new SavedUsersError(`${where}: this is not a saved user import`);
  if (header.version !== SAVED_USERS_VERSION) {
    throw new SavedUsersError(
      `${where}: saved by a newer version of the assistant (format ${String(header.version)}); update the assistant or import the users again`,
    );
  }
  if (
    typeof header.fileName !== 'string' ||
    typeof header.importedAt !== 'string' ||
    typeof header.count !== 'number' ||
    !Array.isArray(header.columns) ||
    !header.columns.every((column) => typeof column === 'string')
  ) {
    throw new SavedUsersError(`${where}: the first line lacks fileName, importedAt, count or columns`);
  }
  return header as Header;
}

/** Reads users saved by {@link savedUsersLines}; throws {@link SavedUsersError} naming the line that is wrong. */
export async function readSavedUsers(file: string): Promise<SavedUsers> {
  const handle = await open(file, 'r');
  try {
    const decoder = new TextDecoder('utf-8');
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    const builder = new UserTableBuilder();
    let header: Header | undefined;
    let lineNumber = 0;
    let rest = '';
    const take = (line: string) => {
      lineNumber += 1;
      const where = `${file} line ${lineNumber}`;
      if (!header) {
        header = readHeader(line, where);
        builder.declareColumns(header.columns);
        return;
      }
      if (line === '') return;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new SavedUsersError(`${where}: not a JSON line (the file is damaged); import the users again`);
      }
      const columns = header.columns;
      if (!Array.isArray(row) || row.length !== columns.length + 2) {
        throw new SavedUsersError(`${where}: expected ${columns.length + 2} values; import the users again`);
      }
      const [objectId, upn] = row as unknown[];
      if (typeof objectId !== 'string' || typeof upn !== 'string') {
        throw new SavedUsersError(`${where}: the user has no objectId or userPrincipalName`);
      }
      const attributes: Record<string, SourceValue> = {};
      for (let at = 0; at < columns.length; at += 1) {
        const cell: unknown = row[at + 2];
        if (cell === ABSENT) continue;
        if (!isSourceValue(cell))
          throw new SavedUsersError(`${where}: ${columns[at]} holds an unexpected value`);
        attributes[columns[at]!] = cell;
      }
      builder.add(objectId, upn, attributes);
    };
    for (let position = 0; ;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const text = rest + decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        take(text.slice(start, end));
        start = end + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.decode();
    if (rest !== '') take(rest);
    if (!header) throw new SavedUsersError(`${file} is empty; import the users again`);
    if (builder.length !== header.count) {
      throw new SavedUsersError(
        `${file} holds ${builder.length} of the ${header.count} users it was saved with (it is cut short); import the users again`,
      );
    }
    return { fileName: header.fileName, importedAt: header.importedAt, users: builder.finish() };
  } finally {
    await handle.close();
  }
}

/** An import saved before the JSON-lines format: `{ fileName, importedAt, users: SourceUser[] }`. */
export function upgradeLegacyUsers(json: unknown, file: string): SavedUsers {
  const value = json as { fileName?: unknown; importedAt?: unknown; users?: unknown };
  const users = value?.users;
  if (
    !Array.isArray(users) ||
    !users.every(
      (user: { objectId?: unknown; userPrincipalName?: unknown; attributes?: unknown } | null) =>
        typeof user?.objectId === 'string' &&
        typeof user.userPrincipalName === 'string' &&
        typeof user.attributes === 'object' &&
        user.attributes !== null,
    )
  ) {
    throw new SavedUsersError(
      `${file} is not a saved user import (no list of users); import the users again`,
    );
  }
  return {
    fileName: typeof value.fileName === 'string' ? value.fileName : '',
    importedAt: typeof value.importedAt === 'string' ? value.importedAt : '',
    users: userTableFrom(users),
  };
}
