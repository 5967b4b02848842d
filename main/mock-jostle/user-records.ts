/**
 * The bytes of every stored user, outside the JavaScript heap: each user is one record in a chunked Buffer
 * arena — a short binary "head" (id, created, lastModified, lower-cased userName) followed by the attributes
 * as JSON — addressed by a slot number through typed arrays. 500,000 users cost about their JSON size plus
 * ~50 bytes each, and the garbage collector sees a few dozen objects instead of millions.
 * The head (record-head.ts) takes 33 bytes for a user the mock created.
 * Slots are handed out in insertion order and never reused (the store pages in that order); a replaced
 * record leaves its old bytes behind until `compact` copies the live ones into fresh chunks.
 */

import { decodeAttributes, encodeAttributes } from './attribute-codec';
import { ATTRIBUTES_ENCODED, HeadReader, planHead, writeHead, type RecordHead } from './record-head';

export { isoNow, type RecordHead } from './record-head';

const CHUNK_BYTES = 4 * 1024 * 1024;
/** Old bytes are reclaimed once they pass both this and the live bytes (amortised: each byte copied ~once). */
const MIN_GARBAGE_BYTES = 32 * 1024 * 1024;
const LIVE = 1;
const HAS_EXTENSION = 2;

function grown<T extends Uint32Array | Uint8Array>(array: T, wanted: number): T {
  if (wanted <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(wanted, array.length * 2));
  bigger.set(array);
  return bigger;
}

export class UserRecords {
  private chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  private fill = CHUNK_BYTES;
  private chunkOf = new Uint32Array(1024);
  private offsetOf = new Uint32Array(1024);
  private headBytesOf = new Uint32Array(1024);
  private bytesOf = new Uint32Array(1024);
  private flags = new Uint8Array(1024);
  private slotCount = 0;
  private liveBytes = 0;
  private garbageBytes = 0;

  /** Slots handed out so far (live and removed). */
  get slots(): number {
    return this.slotCount;
  }

  isLive(slot: number): boolean {
    return slot < this.slotCount && (this.flags[slot]! & LIVE) !== 0;
  }

  hasExtension(slot: number): boolean {
    return (this.flags[slot]! & HAS_EXTENSION) !== 0;
  }

  /** Stores a new record and returns its slot. */
  add(head: RecordHead, dataJson: string, hasExtension: boolean): number {
    const slot = this.slotCount;
    const wanted = slot + 1;
    this.chunkOf = grown(this.chunkOf, wanted);
    this.offsetOf = grown(this.offsetOf, wanted);
    this.headBytesOf = grown(this.headBytesOf, wanted);
    this.bytesOf = grown(this.bytesOf, wanted);
    this.flags = grown(this.flags, wanted);
    this.slotCount = wanted;
    this.write(slot, head, dataJson, hasExtension);
    return slot;
  }

  /** Replaces a live slot's record. */
  replace(slot: number, head: RecordHead, dataJson: string, hasExtension: boolean): void {
    this.release(slot);
    this.write(slot, head, dataJson, hasExtension);
    if (this.garbageBytes > Math.max(MIN_GARBAGE_BYTES, this.liveBytes)) this.compact();
  }

  remove(slot: number): void {
    this.release(slot);
    this.flags[slot] = 0;
    if (this.garbageBytes > Math.max(MIN_GARBAGE_BYTES, this.liveBytes)) this.compact();
  }

  head(slot: number): RecordHead {
    return this.readHead(slot).all();
  }

  /** The id alone (the id index's check of a hash hit). */
  id(slot: number): string {
    return this.readHead(slot).id();
  }

  /** The lower-cased userName alone (the userName index's check of a hash hit). */
  key(slot: number): string {
    return this.readHead(slot).keyOnly();
  }

  /** Bytes the slot's record takes (head and attributes). */
  recordBytes(slot: number): number {
    return this.bytesOf[slot]!;
  }

  dataJson(slot: number): string {
    const chunk = this.chunks[this.chunkOf[slot]!]!;
    const offset = this.offsetOf[slot]!;
    const text = chunk.toString('utf8', offset + this.headBytesOf[slot]!, offset + this.bytesOf[slot]!);
    // The head's first byte holds its flags.
    return chunk[offset]! & ATTRIBUTES_ENCODED ? decodeAttributes(text) : text;
  }

  clear(): void {
    this.chunks = [];
    this.fill = CHUNK_BYTES;
    this.slotCount = 0;
    this.liveBytes = 0;
    this.garbageBytes = 0;
    this.flags.fill(0);
  }

  /** Copies the live records into fresh chunks, in slot order; the old chunks become garbage. */
  compact(): void {
    const old = this.chunks;
    this.chunks = [];
    this.fill = CHUNK_BYTES;
    for (let slot = 0; slot < this.slotCount; slot += 1) {
      if (!this.isLive(slot)) continue;
      const bytes = this.bytesOf[slot]!;
      const start = this.offsetOf[slot]!;
      const source = old[this.chunkOf[slot]!]!;
      this.reserve(slot, bytes);
      source.copy(this.chunks[this.chunkOf[slot]!]!, this.offsetOf[slot]!, start, start + bytes);
    }
    this.garbageBytes = 0;
  }

  private write(slot: number, head: RecordHead, dataJson: string, hasExtension: boolean): void {
    const plan = planHead(head, dataJson);
    const encoded = encodeAttributes(dataJson);
    if (encoded !== undefined) plan.flags |= ATTRIBUTES_ENCODED;
    const stored = encoded ?? dataJson;
    const bytes = plan.bytes + Buffer.byteLength(stored);
    this.reserve(slot, bytes);
    const chunk = this.chunks[this.chunkOf[slot]!]!;
    const at = writeHead(chunk, this.offsetOf[slot]!, head, plan);
    chunk.write(stored, at, 'utf8');
    this.headBytesOf[slot] = plan.bytes;
    this.bytesOf[slot] = bytes;
    this.flags[slot] = LIVE | (hasExtension ? HAS_EXTENSION : 0);
    this.liveBytes += bytes;
  }

  /** Points `slot` at `bytes` free bytes of the last chunk, starting a new chunk when they do not fit. */
  private reserve(slot: number, bytes: number): void {
    if (this.fill + bytes > (this.chunks.at(-1)?.length ?? 0)) {
      this.chunks.push(Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, bytes)));
      this.fill = 0;
    }
    this.chunkOf[slot] = this.chunks.length - 1;
    this.offsetOf[slot] = this.fill;
    this.fill += bytes;
  }

  private readHead(slot: number): HeadReader {
    return new HeadReader(this.chunks[this.chunkOf[slot]!]!, this.offsetOf[slot]!, this.headBytesOf[slot]!);
  }

  private release(slot: number): void {
    if (!this.isLive(slot)) return;
    this.liveBytes -= this.bytesOf[slot]!;
    this.garbageBytes += this.bytesOf[slot]!;
  }
}
