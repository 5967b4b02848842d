import { randomUUID } from 'node:crypto';
import { ScimHttpError, notFound } from './errors';
import { userNameOf, type StoredUser, type UserData } from './user-model';

/**
 * In-memory users with two indexes: by id and by lower-cased userName (userName is unique regardless of
 * case, RFC 7643 caseExact=false). Every mutation checks and inserts synchronously, so concurrent identical
 * POSTs cannot both pass the uniqueness check in a single-threaded Node process.
 */
export class UserStore {
  private readonly byId = new Map<string, StoredUser>();
  private readonly byUserName = new Map<string, StoredUser>();

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
    const user: StoredUser = { id: randomUUID(), created: now, lastModified: now, data };
    this.insert(user);
    return user;
  }

  /** Replaces the attributes of an existing user (PUT and PATCH); id and created stay. */
  update(id: string, data: UserData): StoredUser {
    const current = this.require(id);
    this.assertUserNameFree(userNameOf(data), id);
    const updated: StoredUser = { ...current, lastModified: new Date().toISOString(), data };
    const oldKey = userNameOf(current.data).toLowerCase();
    // Only delete when the key changes: deletes leave tombstones that make V8 rehash a 100k-entry Map,
    // which showed up as a p99 spike under PATCH load.
    if (oldKey !== userNameOf(data).toLowerCase()) this.byUserName.delete(oldKey);
    this.insert(updated);
    return updated;
  }

  delete(id: string): void {
    const current = this.require(id);
    this.byId.delete(id);
    this.byUserName.delete(userNameOf(current.data).toLowerCase());
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
    for (const user of users) this.insert(user);
  }

  private insert(user: StoredUser): void {
    this.byId.set(user.id, user);
    this.byUserName.set(userNameOf(user.data).toLowerCase(), user);
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
