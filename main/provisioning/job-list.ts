/**
 * A cycle's jobs, held as numbers: an initial cycle of 500,000 users would otherwise hold 500,000 job objects
 * (job, planned user, fingerprint: ~200 bytes each) from planning to the end of the cycle. A job for a user in
 * the import is its row, its kind and its fingerprint; the SyncJob is built when the job is dispatched, from
 * the snapshot and the user's state (which nothing else changes between planning and dispatch). Jobs for
 * users missing from the import (few) are kept as they are.
 */
import type { PlannedJob } from './plan-types';
import { plannedUser, rowObjectId, rowUserPrincipalName, type CompiledSource } from './source-plan';
import type { JobKind } from './sync-job';
import type { UserStateTable } from './user-state-table';

const KINDS: readonly JobKind[] = [
  'upsert',
  'disable',
  'notEntitled',
  'keepOutOfScope',
  'softDelete',
  'delete',
];
const KIND_CODES = new Map(KINDS.map((kind, code) => [kind, code]));

/** Read-only, by index: what the job runner takes. */
export interface JobQueue {
  readonly length: number;
  at(index: number): PlannedJob;
}

export class JobList implements JobQueue {
  private rows = new Int32Array(1024);
  private kinds = new Uint8Array(1024);
  /** NaN: no fingerprint yet (worked out when the result is recorded); -1: none (null). */
  private fingerprints = new Float64Array(1024);
  private readonly removals = new Map<number, PlannedJob>();
  private count = 0;

  constructor(
    private readonly source: CompiledSource,
    private readonly states: UserStateTable,
  ) {}

  get length(): number {
    return this.count;
  }

  /** A job for the user at `row` of the snapshot. */
  pushRow(row: number, kind: JobKind, fingerprint: number | null | undefined): void {
    const at = this.slot();
    this.rows[at] = row;
    this.kinds[at] = KIND_CODES.get(kind)!;
    this.fingerprints[at] = fingerprint === undefined ? Number.NaN : fingerprint === null ? -1 : fingerprint;
  }

  /** A job kept whole (a user missing from the import). */
  pushJob(job: PlannedJob): void {
    const at = this.slot();
    this.rows[at] = -1;
    this.removals.set(at, job);
  }

  /** Copies job `index` of `other` (the same snapshot) to the end of this list. */
  pushFrom(other: JobList, index: number): void {
    const removal = other.removals.get(index);
    if (removal) return this.pushJob(removal);
    const at = this.slot();
    this.rows[at] = other.rows[index]!;
    this.kinds[at] = other.kinds[index]!;
    this.fingerprints[at] = other.fingerprints[index]!;
  }

  at(index: number): PlannedJob {
    const removal = this.removals.get(index);
    if (removal) return removal;
    const row = this.rows[index]!;
    const objectId = rowObjectId(this.source, row);
    const state = this.states.rowOf(objectId);
    const known = this.states.known(state);
    const stored = this.fingerprints[index]!;
    return {
      job: {
        kind: KINDS[this.kinds[index]!]!,
        objectId,
        userPrincipalName: rowUserPrincipalName(this.source, row),
        planned: plannedUser(this.source, row),
        targetId: known ? this.states.targetId(state) : null,
        wasActive: known && this.states.active(state),
      },
      fingerprint: Number.isNaN(stored) ? undefined : stored === -1 ? null : stored,
    };
  }

  /** Cheap questions the plan asks of every job, without building it. */
  kindAt(index: number): JobKind {
    return this.removals.get(index)?.job.kind ?? KINDS[this.kinds[index]!]!;
  }

  objectIdAt(index: number): string {
    return this.removals.get(index)?.job.objectId ?? rowObjectId(this.source, this.rows[index]!);
  }

  wasActiveAt(index: number): boolean {
    const removal = this.removals.get(index);
    if (removal) return removal.job.wasActive;
    const state = this.states.rowOf(this.objectIdAt(index));
    return this.states.known(state) && this.states.active(state);
  }

  private slot(): number {
    if (this.count === this.rows.length) {
      const size = this.rows.length * 2;
      const rows = new Int32Array(size);
      rows.set(this.rows);
      this.rows = rows;
      const kinds = new Uint8Array(size);
      kinds.set(this.kinds);
      this.kinds = kinds;
      const fingerprints = new Float64Array(size);
      fingerprints.set(this.fingerprints);
      this.fingerprints = fingerprints;
    }
    const at = this.count;
    this.count += 1;
    return at;
  }
}
