/**
 * Now(), Guid() and RandomString() give a different value every time Entra evaluates them. The preview
 * and the dry run evaluate them against a fixed clock and a fixed seed per run, so a run is repeatable
 * and the admin can see which values are stand-ins (the evaluation outcome lists the functions used).
 */

export interface EvaluationClock {
  /** What Now() returns during this run (UTC). */
  now: Date;
  /** Seed for Guid() and RandomString(); with the same seed a user gets the same values again. */
  seed: string;
}

/** Used when a caller gives no clock: a visible, documented constant rather than the real time. */
export const DEFAULT_EVALUATION_CLOCK: EvaluationClock = Object.freeze({
  now: new Date(Date.UTC(2026, 0, 1, 0, 0, 0)),
  seed: 'preview',
});

/** A clock fixed at `now` (whole seconds, as Now() prints them) with a seed derived from it unless given. */
export function fixedEvaluationClock(now: Date = new Date(), seed?: string): EvaluationClock {
  const whole = new Date(Math.floor(now.getTime() / 1000) * 1000);
  return { now: whole, seed: seed ?? whole.toISOString() };
}

let processClock: EvaluationClock | undefined;

/**
 * The clock of this run: fixed the first time it is asked for, then the same for the rest of the process
 * (one CLI run, one app session). Every cycle of a dry run therefore sees the same Now() and seed, so a
 * user whose source did not change does not look changed just because the clock moved.
 */
export function runEvaluationClock(): EvaluationClock {
  processClock ??= fixedEvaluationClock();
  return processClock;
}

/** The volatile functions an evaluation used, and the clock and seed that stood in for them. */
export interface VolatileUse {
  functions: string[];
  /** Now() as it was printed, in Entra's M/d/yyyy h:mm:ss tt form. */
  now: string;
  seed: string;
}

/** 32-bit FNV-1a, enough to spread seed text over a generator state. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/**
 * mulberry32: a small, well-known generator. Not for secrets — the values are stand-ins in a preview, and
 * being reproducible from the visible seed is the point.
 */
export function seededRandom(...parts: Array<string | number>): () => number {
  let state = hash(parts.join('|'));
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
