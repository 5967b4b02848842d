/**
 * The bytes of every stored user, outside the JavaScript heap: each user is one record in a chunked Buffer
 * arena — a short binary "head" (id, created, lastModified, lower-cased userName) followed by the attributes
 * as JSON — addressed by a slot number through typed arrays. 500,000 users cost about their JSON size plus
 * ~50 bytes each, and the garbage collector sees a few dozen objects instead of millions.
 * The head takes 33 bytes in the usual case (a JSON head took ~130, a third of a typical record): a
 * lower-case UUID as its 16 bytes, a timestamp in toISOString's form as its 8-byte epoch ms, and no key when
 * the attributes start with a plain `"userName"` that lower-cases to it; anything else is kept as a JSON string.
 * Slots are handed out in insertion order and never reused (the store pages in that order); a replaced
 * record leaves its old bytes behind until `compact` copies the live ones into fresh chunks.
 */

const CHUNK_BYTES = 4 * 1024 * 1024;
/** Old bytes are reclaimed once they pass both this and the live bytes (amortised: each byte copied ~once). */
const MIN_GARBAGE_BYTES = 32 * 1024 * 1024;
const LIVE = 1;
const HAS_EXTENSION = 2;

/** Head flags (the head's first byte). */
const ID_UUID = 1;
const CREATED_MS = 2;
const MODIFIED_MS = 4;
const KEY_FROM_USER_NAME = 8;
const KEY_EQUALS_USER_NAME = 16;
const KEY_IN_ATTRIBUTES = KEY_FROM_USER_NAME | KEY_EQUALS_USER_NAME;
/** How the attributes start when KEY_FROM_USER_NAME can apply. */
const USER_NAME_PREFIX = '{"userName":"';
const QUOTE = 0x22;
/** Where a UUID's dashes are (8-4-4-4-12). */
const isDashAt = (at: number): boolean => at === 8 || at === 13 || at === 18 || at === 23;

let cachedMs = Number.NaN;
let cachedIso = '';

/** new Date().toISOString(), made once per millisecond, and known to be canonical when it comes back. */
export function isoNow(): string {
  const ms = Date.now();
  if (ms !== cachedMs) {
    cachedMs = ms;
    cachedIso = new Date(ms).toISOString();
  }
  return cachedIso;
}

let decodedMs = Number.NaN;
let decodedIso = '';

/** new Date(ms).toISOString(), remembering the last one: a head's two timestamps are often the same. */
function isoOf(ms: number): string {
  if (ms !== decodedMs) {
    decodedMs = ms;
    decodedIso = new Date(ms).toISOString();
  }
  return decodedIso;
}

/** The epoch ms that toISOString turns back into exactly `text`, or NaN (then the text is kept as text). */
function canonicalMs(text: string): number {
  if (text === cachedIso) return cachedMs;
  if (text.length !== 24) return Number.NaN;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && new Date(ms).toISOString() === text ? ms : Number.NaN;
}

export interface RecordHead {
  id: string;
  /** The lower-cased userName: the uniqueness key. */
  key: string;
  created: string;
  lastModified: string;
}

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
    const reader = this.readHead(slot);
    const id = reader.next(ID_UUID);
    const created = reader.next(CREATED_MS);
    const lastModified = reader.next(MODIFIED_MS);
    return { id, key: reader.key(), created, lastModified };
  }

  /** The id alone (the id index's check of a hash hit). */
  id(slot: number): string {
    return this.readHead(slot).next(ID_UUID);
  }

  /** The lower-cased userName alone (the userName index's check of a hash hit). */
  key(slot: number): string {
    const reader = this.readHead(slot);
    reader.next(ID_UUID);
    reader.next(CREATED_MS);
    reader.next(MODIFIED_MS);
    return reader.key();
  }

  /** Bytes the slot's record takes (head and attributes). */
  recordBytes(slot: number): number {
    return this.bytesOf[slot]!;
  }

  dataJson(slot: number): string {
    const start = this.offsetOf[slot]! + this.headBytesOf[slot]!;
    return this.chunks[this.chunkOf[slot]!]!.toString(
      'utf8',
      start,
      this.offsetOf[slot]! + this.bytesOf[slot]!,
    );
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
    const createdMs = canonicalMs(head.created);
    const modifiedMs = canonicalMs(head.lastModified);
    // Fields not in a binary form, as JSON strings (exact for any string, lone surrogates included).
    const idText = isUuid(head.id) ? undefined : JSON.stringify(head.id);
    const createdText = Number.isNaN(createdMs) ? JSON.stringify(head.created) : undefined;
    const modifiedText = Number.isNaN(modifiedMs) ? JSON.stringify(head.lastModified) : undefined;
    const keyFrom = keySource(dataJson, head.key);
    const keyText = keyFrom === 0 ? JSON.stringify(head.key) : undefined;
    const flags =
      (idText === undefined ? ID_UUID : 0) |
      (createdText === undefined ? CREATED_MS : 0) |
      (modifiedText === undefined ? MODIFIED_MS : 0) |
      keyFrom;
    const headBytes =
      1 +
      (idText === undefined ? 16 : textBytes(idText)) +
      (createdText === undefined ? 8 : textBytes(createdText)) +
      (modifiedText === undefined ? 8 : textBytes(modifiedText)) +
      (keyText === undefined ? 0 : textBytes(keyText));
    const bytes = headBytes + Buffer.byteLength(dataJson);
    this.reserve(slot, bytes);
    const chunk = this.chunks[this.chunkOf[slot]!]!;
    let at = this.offsetOf[slot]!;
    chunk[at] = flags;
    at += 1;
    at = idText === undefined ? writeUuid(chunk, at, head.id) : writeText(chunk, at, idText);
    at = createdText === undefined ? chunk.writeDoubleLE(createdMs, at) : writeText(chunk, at, createdText);
    at =
      modifiedText === undefined ? chunk.writeDoubleLE(modifiedMs, at) : writeText(chunk, at, modifiedText);
    if (keyText !== undefined) at = writeText(chunk, at, keyText);
    chunk.write(dataJson, at, 'utf8');
    this.headBytesOf[slot] = headBytes;
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

/** Reads a head's fields in order (see write). */
class HeadReader {
  private readonly flags: number;
  private at: number;

  constructor(
    private readonly chunk: Buffer,
    private readonly start: number,
    private readonly headBytes: number,
  ) {
    this.flags = chunk[start]!;
    this.at = start + 1;
  }

  /** The next of id, created, lastModified; `flag` says whether it is in its binary form. */
  next(flag: number): string {
    const { chunk, at } = this;
    if ((this.flags & flag) === 0) return this.text();
    if (flag === ID_UUID) {
      this.at += 16;
      const hex = chunk.toString('hex', at, at + 16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    this.at += 8;
    return isoOf(chunk.readDoubleLE(at));
  }

  /** The key, after the three fields above. */
  key(): string {
    if ((this.flags & KEY_IN_ATTRIBUTES) === 0) return this.text();
    // The attributes start with {"userName":" and a value without escapes: up to the next quote byte.
    const from = this.start + this.headBytes + USER_NAME_PREFIX.length;
    const userName = this.chunk.toString('utf8', from, this.chunk.indexOf(QUOTE, from));
    return this.flags & KEY_FROM_USER_NAME ? userName.toLowerCase() : userName;
  }

  private text(): string {
    const length = this.chunk.readUInt32LE(this.at);
    const from = this.at + 4;
    this.at = from + length;
    return JSON.parse(this.chunk.toString('utf8', from, from + length)) as string;
  }
}

/** A text field: its length (4 bytes) and the UTF-8 bytes of its JSON string. */
function textBytes(json: string): number {
  return 4 + Buffer.byteLength(json, 'utf8');
}

function writeText(chunk: Buffer, at: number, json: string): number {
  const length = chunk.write(json, at + 4, 'utf8');
  chunk.writeUInt32LE(length, at);
  return at + 4 + length;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** A UUID as randomUUID writes it: lower-case hex, 8-4-4-4-12 (the form whose 16 bytes give it back). */
function isUuid(id: string): boolean {
  if (id.length !== 36) return false;
  for (let at = 0; at < 36; at += 1) {
    const ok = isDashAt(at) ? id.charCodeAt(at) === 0x2d : hexValue(id.charCodeAt(at)) >= 0;
    if (!ok) return false;
  }
  return true;
}

function writeUuid(chunk: Buffer, at: number, id: string): number {
  let byte = at;
  for (let char = 0; char < 36; char += 2) {
    if (isDashAt(char)) char += 1;
    chunk[byte] = hexValue(id.charCodeAt(char)) * 16 + hexValue(id.charCodeAt(char + 1));
    byte += 1;
  }
  return byte;
}

/**
 * How `key` can be read from the attributes: KEY_EQUALS_USER_NAME when they start with a userName whose JSON
 * string has no escapes (so its characters are the bytes up to the next quote) and is `key` itself,
 * KEY_FROM_USER_NAME when it lower-cases to `key`, else 0 (the key is stored).
 */
function keySource(dataJson: string, key: string): number {
  if (!dataJson.startsWith(USER_NAME_PREFIX)) return 0;
  const from = USER_NAME_PREFIX.length;
  // The usual case, compared in place: with no quote or backslash in it, the key is the whole value.
  if (
    dataJson.startsWith(key, from) &&
    dataJson.charCodeAt(from + key.length) === QUOTE &&
    !key.includes('"') &&
    !key.includes('\\')
  )
    return KEY_EQUALS_USER_NAME;
  const end = dataJson.indexOf('"', from);
  if (end < 0) return 0;
  const value = dataJson.slice(from, end);
  return !value.includes('\\') && value.toLowerCase() === key ? KEY_FROM_USER_NAME : 0;
}
