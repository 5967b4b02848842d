import { randomUUID } from 'node:crypto';
import { JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import { ScimHttpError, notFound } from './errors';
import { hashKey, SlotIndex } from '../../shared/source-data';
import { userNameOf, type StoredUser, type UserData } from './user-model';
import { isoNow, UserRecords } from './user-records';

/** What a response needs of a stored user without parsing its attributes (resource.ts builds the JSON). */
export interface StoredUserText {
  id: string;
  created: string;
  lastModified: string;
  /** The attributes exactly as JSON.stringify wrote them. */
  dataJson: string;
  hasExtension: boolean;
}

/**
 * In-memory users, stored compactly (user-records.ts: one JSON record per user outside the JS heap) with two
 * indexes: by id and by lower-cased userName (userName is unique regardless of case, RFC 7643
 * caseExact=false). Every mutation checks and inserts synchronously, so concurrent identical POSTs cannot
 * both pass the uniqueness check in a single-threaded Node process. Reads return fresh copies (parsed from
 * the record), so no caller can change a stored user except through create/update/delete.
 */
export class UserStore {
  private readonly records = new UserRecords();
  private readonly byId = new SlotIndex((slot) => this.records.id(slot));
  private readonly byUserName = new SlotIndex((slot) => this.records.key(slot));

  get size(): number {
    return this.byId.size;
  }

  get(id: string): StoredUser | undefined {
    const slot = this.byId.find(id);
    return slot < 0 ? undefined : this.materialize(slot);
  }

  require(id: string): StoredUser {
    const user = this.get(id);
    if (!user) throw notFound(`No user with id '${id}'.`);
    return user;
  }

  /** Throws 404 unless a user has this id, without reading the user. */
  requireExisting(id: string): void {
    if (this.byId.find(id) < 0) throw notFound(`No user with id '${id}'.`);
  }

  findByUserName(userName: string): StoredUser | undefined {
    const slot = this.byUserName.find(userName.toLowerCase());
    return slot < 0 ? undefined : this.materialize(slot);
  }

  hasUserName(userName: string): boolean {
    return this.byUserName.find(userName.toLowerCase()) >= 0;
  }

  /** The user's stored JSON, for answering a read without parsing it. */
  textById(id: string): StoredUserText | undefined {
    const slot = this.byId.find(id);
    return slot < 0 ? undefined : this.text(slot);
  }

  textByUserName(userName: string): StoredUserText | undefined {
    const slot = this.byUserName.find(userName.toLowerCase());
    return slot < 0 ? undefined : this.text(slot);
  }

  /** Insertion order, which keeps pagination stable between pages. */
  *values(): IterableIterator<StoredUser> {
    for (let slot = 0; slot < this.records.slots; slot += 1) {
      if (this.records.isLive(slot)) yield this.materialize(slot);
    }
  }

  /** `count` users from the 0-based position `skip` in insertion order; skipped ones are not parsed. */
  page(skip: number, count: number): StoredUser[] {
    const page: StoredUser[] = [];
    let position = 0;
    for (let slot = 0; slot < this.records.slots && page.length < count; slot += 1) {
      if (!this.records.isLive(slot)) continue;
      if (position >= skip) page.push(this.materialize(slot));
      position += 1;
    }
    return page;
  }

  create(data: UserData, now = isoNow()): StoredUser {
    return this.createWithText(data, now).user;
  }

  /** create, also giving the stored text, so the 201 is written without reading the record back. */
  createWithText(data: UserData, now = isoNow()): { user: StoredUser; text: StoredUserText } {
    const key = userNameOf(data).toLowerCase();
    const keyHash = hashKey(key);
    this.assertUserNameFree(userNameOf(data), key, undefined, keyHash);
    let id = randomUUID();
    let idHash = hashKey(id);
    while (this.byId.find(id, idHash) >= 0) {
      id = randomUUID();
      idHash = hashKey(id);
    }
    const dataJson = JSON.stringify(data);
    const extension = hasExtension(data);
    const slot = this.records.add({ id, key, created: now, lastModified: now }, dataJson, extension);
    this.byId.insert(idHash, slot);
    this.byUserName.insert(keyHash, slot);
    return {
      user: { id, created: now, lastModified: now, data },
      text: { id, created: now, lastModified: now, dataJson, hasExtension: extension },
    };
  }

  /** Replaces the attributes of an existing user (PUT and PATCH); id and created stay. */
  update(id: string, data: UserData): StoredUser {
    return this.updateWithText(id, data).user;
  }

  /** update, also giving the stored text, so the 200 is written without reading the record back. */
  updateWithText(id: string, data: UserData): { user: StoredUser; text: StoredUserText } {
    const slot = this.byId.find(id);
    if (slot < 0) throw notFound(`No user with id '${id}'.`);
    const key = userNameOf(data).toLowerCase();
    this.assertUserNameFree(userNameOf(data), key, slot);
    const head = this.records.head(slot);
    const lastModified = isoNow();
    const dataJson = JSON.stringify(data);
    const extension = hasExtension(data);
    this.records.replace(slot, { ...head, key, lastModified }, dataJson, extension);
    if (head.key !== key) {
      this.byUserName.remove(hashKey(head.key), slot);
      this.byUserName.insert(hashKey(key), slot);
    }
    return {
      user: { id, created: head.created, lastModified, data },
      text: { id, created: head.created, lastModified, dataJson, hasExtension: extension },
    };
  }

  delete(id: string): void {
    const slot = this.byId.find(id);
    if (slot < 0) throw notFound(`No user with id '${id}'.`);
    const key = this.records.key(slot);
    this.byId.remove(hashKey(id), slot);
    this.byUserName.remove(hashKey(key), slot);
    this.records.remove(slot);
  }

  clear(): void {
    this.records.clear();
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
    for (const user of users) {
      const key = userNameOf(user.data).toLowerCase();
      const slot = this.records.add(
        { id: user.id, key, created: user.created, lastModified: user.lastModified },
        JSON.stringify(user.data),
        hasExtension(user.data),
      );
      this.byId.insert(hashKey(user.id), slot);
      this.byUserName.insert(hashKey(key), slot);
    }
  }

  private materialize(slot: number): StoredUser {
    const { id, created, lastModified } = this.records.head(slot);
    return { id, created, lastModified, data: JSON.parse(this.records.dataJson(slot)) as UserData };
  }

  private text(slot: number): StoredUserText {
    const { id, created, lastModified } = this.records.head(slot);
    const dataJson = this.records.dataJson(slot);
    return { id, created, lastModified, dataJson, hasExtension: this.records.hasExtension(slot) };
  }

  private assertUserNameFree(
    userName: string,
    key: string,
    exceptSlot: number | undefined,
    keyHash = hashKey(key),
  ): void {
    const holder = this.byUserName.find(key, keyHash);
    if (holder >= 0 && holder !== exceptSlot) {
      throw new ScimHttpError(
        409,
        'uniqueness',
        `userName '${userName}' is already taken (compared case-insensitively).`,
      );
    }
  }
}

function hasExtension(data: UserData): boolean {
  return data[JOSTLE_USER_EXTENSION] !== undefined;
}
