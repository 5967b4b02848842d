/**
 * The read-only list of users every consumer takes (scoping, the mapping preview, the dry-run engine, the
 * assignment index). A plain `SourceUser[]` satisfies it, so small callers and tests pass arrays; imports
 * pass a {@link UserTable}, whose rows are built only when read.
 */
import type { SourceUser } from './source-user';

export interface UserList {
  readonly length: number;
  /** The row at `index`; a table builds a fresh object on each call, so read it once per use. */
  at(index: number): SourceUser | undefined;
  [Symbol.iterator](): Iterator<SourceUser>;
}

/** Tables answer the two keys without building the row; arrays read them off the user. */
interface KeyedList extends UserList {
  objectIdAt(index: number): string;
  userPrincipalNameAt(index: number): string;
}

const isKeyed = (list: UserList): list is KeyedList =>
  typeof (list as Partial<KeyedList>).objectIdAt === 'function';

export function objectIdAt(list: UserList, index: number): string {
  return isKeyed(list) ? list.objectIdAt(index) : (list.at(index) as SourceUser).objectId;
}

export function userPrincipalNameAt(list: UserList, index: number): string {
  return isKeyed(list) ? list.userPrincipalNameAt(index) : (list.at(index) as SourceUser).userPrincipalName;
}

interface ProjectingList extends UserList {
  projection(names: readonly string[]): (index: number) => SourceUser | undefined;
}

/**
 * Reads rows for a pass that looks only at `attributes` of each: a table builds just those cells (see
 * UserTable.projection); an array hands back its users as they are.
 */
export function rowReader(list: UserList, attributes: readonly string[]): (index: number) => SourceUser {
  if (typeof (list as Partial<ProjectingList>).projection === 'function') {
    const read = (list as ProjectingList).projection(attributes);
    return (index) => read(index) as SourceUser;
  }
  return (index) => list.at(index) as SourceUser;
}

/** The first row whose keys match, or -1; reads only the keys, so a table builds no rows. */
export function findRow(
  list: UserList,
  matches: (objectId: string, userPrincipalName: string) => boolean,
): number {
  for (let index = 0; index < list.length; index += 1)
    if (matches(objectIdAt(list, index), userPrincipalNameAt(list, index))) return index;
  return -1;
}
