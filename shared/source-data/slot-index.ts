/**
 * A hash index from a string key to a slot number that holds no strings itself: each entry is the key's 32-bit
 * hash and the slot, and a hash hit is confirmed by asking the owner for that slot's key. Mock Jostle's two
 * indexes (id and lower-cased userName) for 500,000 users are four typed arrays of a few MB instead of a
 * million heap strings in two Maps, which every major GC had to walk (and which dominated the mock's RSS);
 * the dry-run engine finds its per-user state by id, and the Graph import its duplicate ids, the same way.
 * Open addressing with linear probing; deletions leave tombstones until the next rebuild.
 * Our own because no maintained library indexes slots by hash without keeping the keys.
 */

/** FNV-1a over UTF-16 code units: cheap, and spreads the similar userNames of a tenant well enough. */
export function hashKey(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return hash | 0;
}

const EMPTY = 0;
const TOMBSTONE = -1;
const MIN_CAPACITY = 1024;

export class SlotIndex {
  private hashes = new Int32Array(MIN_CAPACITY);
  /** slot + 1 per entry; EMPTY (0) or TOMBSTONE (-1) otherwise. */
  private slots = new Int32Array(MIN_CAPACITY);
  private live = 0;
  private used = 0;

  constructor(private readonly keyOf: (slot: number) => string) {}

  get size(): number {
    return this.live;
  }

  /** The slot holding `key`, or -1. */
  find(key: string, hash = hashKey(key)): number {
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.slots[at]!;
      if (entry === EMPTY) return -1;
      if (entry > 0 && this.hashes[at] === hash && this.keyOf(entry - 1) === key) return entry - 1;
    }
  }

  /** Adds `slot` under `key`'s hash; the caller has checked that the key is not present. */
  insert(hash: number, slot: number): void {
    // Up to 70% full (probes stay short; a miss is a few typed-array reads), then twice the live entries.
    if ((this.used + 1) * 10 > this.slots.length * 7) this.rebuild((this.live + 1) * 2);
    const mask = this.slots.length - 1;
    let at = hash & mask;
    while (this.slots[at]! > 0) at = (at + 1) & mask;
    if (this.slots[at] === EMPTY) this.used += 1;
    this.hashes[at] = hash;
    this.slots[at] = slot + 1;
    this.live += 1;
  }

  /** Removes the entry of `slot`, filed under `hash`. */
  remove(hash: number, slot: number): void {
    const mask = this.slots.length - 1;
    for (let at = hash & mask; this.slots[at] !== EMPTY; at = (at + 1) & mask) {
      if (this.slots[at] === slot + 1) {
        this.slots[at] = TOMBSTONE;
        this.live -= 1;
        return;
      }
    }
  }

  clear(): void {
    this.hashes = new Int32Array(MIN_CAPACITY);
    this.slots = new Int32Array(MIN_CAPACITY);
    this.live = 0;
    this.used = 0;
  }

  /** A power-of-two table of at least `wanted` entries, without tombstones. */
  private rebuild(wanted: number): void {
    let capacity = MIN_CAPACITY;
    while (capacity < wanted) capacity *= 2;
    const { hashes, slots } = this;
    this.hashes = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < slots.length; old += 1) {
      if (slots[old]! <= 0) continue;
      let at = hashes[old]! & mask;
      while (this.slots[at] !== EMPTY) at = (at + 1) & mask;
      this.hashes[at] = hashes[old]!;
      this.slots[at] = slots[old]!;
    }
    this.used = this.live;
  }
}
