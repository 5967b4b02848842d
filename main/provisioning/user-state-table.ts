/**
 * What the engine remembers about each user, held in columns: one row per user ever seen, typed arrays for the
 * numbers and flags, packed strings for the ids. 500,000 users held as objects (11 fields, three strings
 * each, a Map entry keyed by the id string) cost ~300 bytes each, ~150 MB, which V8 then lets grow ~2.5×
 * before a full collection; as columns they cost ~60 bytes each and give the collector almost nothing to trace.
 * Strings that change (a renamed user, a new target id) are appended again: changes are rare, and the old
 * characters cost far less than a heap string per user would.
 */
import { PackedStrings } from '../../shared/source-data';
import { hashKey, SlotIndex } from '../../shared/source-data';
import type { UserOutcome } from './types';

type Outcome = UserOutcome['outcome'];

const ACTIVE = 1;
const DELETED = 2;
const MANAGED = 4;
const NO_STRING = -1;
const NO_DAY = -0x80000000;

export class UserStateTable {
  private objectIds = new PackedStrings();
  private names = new PackedStrings();
  private targets = new PackedStrings();
  /**
   * objectId -> row, in typed arrays (hash and row; a hit is confirmed against the packed id): a Map keyed by
   * number held 500,000 boxed keys for every full collection to trace, and ~40 MB.
   */
  private readonly rowsById = new SlotIndex((row) => this.objectIds.get(row));
  private nameAt = new Int32Array(1024);
  private targetAt = new Int32Array(1024);
  /** NaN: no fingerprint (never synced, or must be retried). */
  private fingerprints = new Float64Array(1024);
  private flags = new Uint8Array(1024);
  private missingSince = new Int32Array(1024);
  private cycles = new Int32Array(1024);
  private outcomeCodes = new Uint8Array(1024);
  private seenIn = new Int32Array(1024);
  private readonly outcomes: Outcome[] = [];
  private readonly outcomeIndex = new Map<Outcome, number>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The user's row, or -1 when the engine has never seen them. */
  rowOf(objectId: string): number {
    return this.rowsById.find(objectId);
  }

  /** A new user, not yet managed, never synced. */
  add(objectId: string, userPrincipalName: string, cycle: number): number {
    this.grow();
    const row = this.count;
    this.count += 1;
    this.objectIds.push(objectId);
    this.rowsById.insert(hashKey(objectId), row);
    this.nameAt[row] = this.names.push(userPrincipalName);
    this.targetAt[row] = NO_STRING;
    this.fingerprints[row] = Number.NaN;
    this.flags[row] = 0;
    this.missingSince[row] = NO_DAY;
    this.cycles[row] = cycle;
    this.outcomeCodes[row] = this.outcomeCode('NotProcessed');
    this.seenIn[row] = 0;
    return row;
  }

  clear(): void {
    this.count = 0;
    this.rowsById.clear();
    // The packed strings are append-only: start afresh rather than keep the old users' characters.
    this.objectIds = new PackedStrings();
    this.names = new PackedStrings();
    this.targets = new PackedStrings();
  }

  objectId(row: number): string {
    return this.objectIds.get(row);
  }
  userPrincipalName(row: number): string {
    return this.names.get(this.nameAt[row]!);
  }
  setUserPrincipalName(row: number, value: string): void {
    if (!this.names.equals(this.nameAt[row]!, value)) this.nameAt[row] = this.names.push(value);
  }
  targetId(row: number): string | null {
    const at = this.targetAt[row]!;
    return at === NO_STRING ? null : this.targets.get(at);
  }
  setTargetId(row: number, value: string | null): void {
    if (value === null) this.targetAt[row] = NO_STRING;
    else {
      const at = this.targetAt[row]!;
      if (at === NO_STRING || !this.targets.equals(at, value)) this.targetAt[row] = this.targets.push(value);
    }
  }
  hasTarget(row: number): boolean {
    return this.targetAt[row] !== NO_STRING;
  }
  fingerprint(row: number): number | null {
    const value = this.fingerprints[row]!;
    return Number.isNaN(value) ? null : value;
  }
  setFingerprint(row: number, value: number | null): void {
    this.fingerprints[row] = value === null ? Number.NaN : value;
  }
  active(row: number): boolean {
    return (this.flags[row]! & ACTIVE) !== 0;
  }
  setActive(row: number, value: boolean): void {
    this.setFlag(row, ACTIVE, value);
  }
  deleted(row: number): boolean {
    return (this.flags[row]! & DELETED) !== 0;
  }
  setDeleted(row: number, value: boolean): void {
    this.setFlag(row, DELETED, value);
  }
  managed(row: number): boolean {
    return (this.flags[row]! & MANAGED) !== 0;
  }
  setManaged(row: number, value: boolean): void {
    this.setFlag(row, MANAGED, value);
  }
  /** Synced before and not deleted since: Entra has a target id cached for the user. */
  known(row: number): boolean {
    return row >= 0 && !this.deleted(row) && this.hasTarget(row);
  }
  missingSinceDay(row: number): number | null {
    const day = this.missingSince[row]!;
    return day === NO_DAY ? null : day;
  }
  setMissingSinceDay(row: number, day: number | null): void {
    this.missingSince[row] = day === null ? NO_DAY : day;
  }
  cycle(row: number): number {
    return this.cycles[row]!;
  }
  outcome(row: number): Outcome {
    return this.outcomes[this.outcomeCodes[row]!]!;
  }
  /** Records the cycle and what it did to the user (outcomes are interned: a handful of distinct values). */
  setOutcome(row: number, cycle: number, outcome: Outcome): void {
    this.cycles[row] = cycle;
    this.outcomeCodes[row] = this.outcomeCode(outcome);
  }
  seenInPlan(row: number): number {
    return this.seenIn[row]!;
  }
  setSeenInPlan(row: number, plan: number): void {
    this.seenIn[row] = plan;
  }

  private setFlag(row: number, flag: number, on: boolean): void {
    this.flags[row] = on ? this.flags[row]! | flag : this.flags[row]! & ~flag;
  }

  private outcomeCode(outcome: Outcome): number {
    let code = this.outcomeIndex.get(outcome);
    if (code === undefined) {
      code = this.outcomes.push(outcome) - 1;
      if (code > 255) throw new Error('More than 256 distinct outcomes'); // action × status: a few dozen.
      this.outcomeIndex.set(outcome, code);
    }
    return code;
  }

  private grow(): void {
    if (this.count < this.flags.length) return;
    const size = this.flags.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(
      array: T,
      make: new (n: number) => T,
    ): T => {
      const next = new make(size);
      next.set(array);
      return next;
    };
    this.nameAt = grown(this.nameAt, Int32Array);
    this.targetAt = grown(this.targetAt, Int32Array);
    this.fingerprints = grown(this.fingerprints, Float64Array);
    this.flags = grown(this.flags, Uint8Array);
    this.missingSince = grown(this.missingSince, Int32Array);
    this.cycles = grown(this.cycles, Int32Array);
    this.outcomeCodes = grown(this.outcomeCodes, Uint8Array);
    this.seenIn = grown(this.seenIn, Int32Array);
  }
}
