import { randomUUID } from 'node:crypto';
import { ScimHttpError, notFound } from './errors';
import { userNameOf, type StoredUser, type UserData } from './user-model';

/**
 * One stored user, compactly: the attributes as one JSON string (a 500,000-user mock held as object graphs
 * cost twice the memory), parsed again on each read of `data`, so a caller never shares or mutates the stored
 * copy (changes go through update()).
 */
class CompactUser implements StoredUser {
  readonly #json: string;

  constructor(
    readonly id: string,
    readonly created: string,
    readonly lastModified: string,
    data: UserData,
    /** Lower-cased userName: the index key, kept to avoid parsing on delete and rename. */
    readonly key: string = userNameOf(data).toLowerCase(),
  ) {
    this.#json = JSON.stringify(data);
  }

  get data(): UserData {
    return JSON.parse(this.#json) as UserData;
  }
}

/**
 * In-memory users with two indexes: by id and by lower-cased userName (userName is unique regardless of
 * case, RFC 7643 caseExact=false). Every mutation checks and inserts synchronously, so concurrent identical
 * POSTs cannot both pass the uniqueness check in a single-threaded Node process.
 */
export class UserStore {
  private readonly byId = new Map<string, CompactUser>();
  private readonly byUserName = new Map<string, CompactUser>();

  get size(): number {
    return this.byId.size;
  }

  get(id: string): StoredUser | undefined {
    return this.byId.get(id);
  }

  require(id: string): StoredUser {
    const user = this.byId.get(id);
    if (!user) throw notFound(`No user with id '${id}'.`);
    return user;
  }

  findByUserName(userName: string): StoredUser | undefined {
    return this.byUserName.get(userName.toLowerCase());
  }

  /** Insertion order, which keeps pagination stable between pages. */
  values(): IterableIterator<StoredUser> {
    return this.byId.values();
  }

  create(data: UserData, now = new Date().toISOString()): StoredUser {
    this.assertUserNameFree(userNameOf(data), undefined);
    const user = new CompactUser(randomUUID(), now, now, data);
    this.insert(user);
    return user;
  }

  /** Replaces the attributes of an existing user (PUT and PATCH); id and created stay. */
  update(id: string, data: UserData): StoredUser {
    this.require(id);
    this.assertUserNameFree(userNameOf(data), id);
    const current = this.byId.get(id)!;
    const updated = new CompactUser(id, current.created, new Date().toISOString(), data);
    const oldKey = current.key;
    // Only delete when the key changes: deletes leave tombstones that make V8 rehash a 100k-entry Map,
    // which showed up as a p99 spike under PATCH load.
    if (oldKey !== updated.key) this.byUserName.delete(oldKey);
    this.insert(updated);
    return updated;
  }

  delete(id: string): void {
    this.require(id);
    const current = this.byId.get(id)!;
    this.byId.delete(id);
    this.byUserName.delete(current.key);
  }

  clear(): void {
    this.byId.clear();
    this.byUserName.clear();
  }

  /** Replaces everything at once (snapshot load); throws before changing anything if the set is inconsistent. */
  replaceAll(users: readonly StoredUser[]): void {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const user of users) {
      const name = userNameOf(user.data).toLowerCase();
      if (ids.has(user.id)) throw new Error(`Duplicate user id '${user.id}'.`);
      if (names.has(name)) throw new Error(`Duplicate userName '${userNameOf(user.data)}'.`);
      ids.add(user.id);
      names.add(name);
    }
    this.clear();
    for (const user of users)
      this.insert(new CompactUser(user.id, user.created, user.lastModified, user.data));
  }

  private insert(user: CompactUser): void {
    this.byId.set(user.id, user);
    this.byUserName.set(user.key, user);
  }

  private assertUserNameFree(userName: string, exceptId: string | undefined): void {
    const holder = this.byUserName.get(userName.toLowerCase());
    if (holder && holder.id !== exceptId) {
      throw new ScimHttpError(
        409,
        'uniqueness',
        `userName '${userName}' is already taken (compared case-insensitively).`,
      );
    }
  }
}
