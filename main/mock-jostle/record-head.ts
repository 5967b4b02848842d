/**
 * A user record's head (user-records.ts): id, created, lastModified and the lower-cased userName, in 33
 * bytes for a user the mock created (the JSON head it replaced took ~130, a third of a typical record): a
 * lower-case UUID as its 16 bytes, a timestamp in toISOString's form as its 8-byte epoch ms, and no key when
 * the attributes start with a plain `"userName"` that is, or lower-cases to, the key. Anything else is kept
 * as a JSON string, so every value comes back exactly.
 * Layout: a flags byte, then id, created, lastModified, and the key unless it is read from the attributes.
 */
import { isoNow, msOfLastIsoNow } from '../../shared/format/iso-now';

export { isoNow };

import { ENCODED_USER_NAME_PREFIX } from './attribute-codec';

export interface RecordHead {
  id: string;
  /** The lower-cased userName: the uniqueness key. */
  key: string;
  created: string;
  lastModified: string;
}

/** Flags (the head's first byte). */
const ID_UUID = 1;
const CREATED_MS = 2;
const MODIFIED_MS = 4;
const KEY_FROM_USER_NAME = 8;
const KEY_EQUALS_USER_NAME = 16;
const KEY_IN_ATTRIBUTES = KEY_FROM_USER_NAME | KEY_EQUALS_USER_NAME;
/** The attributes after the head are in attribute-codec.ts's shorter form. */
export const ATTRIBUTES_ENCODED = 32;
/** How the attributes start when KEY_FROM_USER_NAME can apply. */
const USER_NAME_PREFIX = '{"userName":"';
const QUOTE = 0x22;
/** Where a UUID's dashes are (8-4-4-4-12). */
const isDashAt = (at: number): boolean => at === 8 || at === 13 || at === 18 || at === 23;

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
  const now = msOfLastIsoNow(text);
  if (!Number.isNaN(now)) return now;
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

/** What writeHead will write: the flags, the fields kept as JSON strings, and the head's size. */
export interface HeadPlan {
  flags: number;
  createdMs: number;
  modifiedMs: number;
  idText: string | undefined;
  createdText: string | undefined;
  modifiedText: string | undefined;
  keyText: string | undefined;
  bytes: number;
}

export function planHead(head: RecordHead, dataJson: string): HeadPlan {
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
  const bytes =
    1 +
    (idText === undefined ? 16 : textBytes(idText)) +
    (createdText === undefined ? 8 : textBytes(createdText)) +
    (modifiedText === undefined ? 8 : textBytes(modifiedText)) +
    (keyText === undefined ? 0 : textBytes(keyText));
  return { flags, createdMs, modifiedMs, idText, createdText, modifiedText, keyText, bytes };
}

/** Writes the head at `start`; returns where the attributes begin. */
export function writeHead(chunk: Buffer, start: number, head: RecordHead, plan: HeadPlan): number {
  chunk[start] = plan.flags;
  let at = start + 1;
  at = plan.idText === undefined ? writeUuid(chunk, at, head.id) : writeText(chunk, at, plan.idText);
  at =
    plan.createdText === undefined
      ? chunk.writeDoubleLE(plan.createdMs, at)
      : writeText(chunk, at, plan.createdText);
  at =
    plan.modifiedText === undefined
      ? chunk.writeDoubleLE(plan.modifiedMs, at)
      : writeText(chunk, at, plan.modifiedText);
  if (plan.keyText !== undefined) at = writeText(chunk, at, plan.keyText);
  return at;
}

/** Reads a head's fields in order (see writeHead). */
export class HeadReader {
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

  all(): RecordHead {
    const id = this.next(ID_UUID);
    const created = this.next(CREATED_MS);
    const lastModified = this.next(MODIFIED_MS);
    return { id, key: this.key(), created, lastModified };
  }

  id(): string {
    return this.next(ID_UUID);
  }

  keyOnly(): string {
    this.next(ID_UUID);
    this.next(CREATED_MS);
    this.next(MODIFIED_MS);
    return this.key();
  }

  /** The next of id, created, lastModified; `flag` says whether it is in its binary form. */
  private next(flag: number): string {
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
  private key(): string {
    if ((this.flags & KEY_IN_ATTRIBUTES) === 0) return this.text();
    // The attributes start with {"userName":" and a value without escapes: up to the next quote byte.
    const prefix = this.flags & ATTRIBUTES_ENCODED ? ENCODED_USER_NAME_PREFIX : USER_NAME_PREFIX;
    const from = this.start + this.headBytes + Buffer.byteLength(prefix);
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
