/**
 * The handler host's V8 heap ceiling. Not to bound memory (the host holds what it must) but because V8 picks
 * how far the heap may grow between full collections from the ceiling: at 2 GB and above (the default on any
 * machine with 8 GB or more) it lets the heap reach up to 4× what the last collection kept; below, the factor
 * falls towards 1.3 (V8's heap controller, MaxGrowingFactor). Measured with bench:dryrun at 100,000 users: the
 * heap kept ~75 MB after each full collection either way, but grew to ~300 MB between them by default and to
 * ~150 MB under 1,536 MB; the engine's peak RSS fell from 448 to 284 MB, CPU per request unchanged.
 * Safety: a 500,000-user dry run keeps ~250–380 MB on the heap (the mock's store is off-heap and does not
 * count), so 1,536 MB leaves 4× headroom and 1,024 MB (machines under 4 GB) still 2.7×; the ceiling never
 * goes below that, and a flag the caller already set wins.
 *
 * Under the ceiling V8 still let a 500,000-user dry run's heap grow ~1.85× between full collections (~200 MB
 * kept, ~400 MB reached), so the growing factor is also set, to 1.4× (V8's --heap-growing-percent, which fixes
 * the factor its heap controller would otherwise pick). Measured with bench:dryrun at 100,000 users: the
 * engine's peak RSS fell from 279 to 235 MB, CPU per request unchanged within the noise (186 and 181 µs).
 */
import { totalmem } from 'node:os';

const MIN_MB = 1_024;
/** Under V8's 2 GB threshold for the 4× growing factor. */
const MAX_MB = 1_536;

export function hostHeapCeilingMb(totalMemoryBytes = totalmem()): number {
  return Math.min(MAX_MB, Math.max(MIN_MB, Math.floor(totalMemoryBytes / 4 / 2 ** 20)));
}

/** How far the heap grows between full collections: 1 + this / 100. */
export const HOST_HEAP_GROWING_PERCENT = 40;

/** Node flags for a host process: `execArgv` plus the ceiling and growing factor, unless already set there. */
export function withHostHeapCeiling(execArgv: readonly string[], totalMemoryBytes?: number): string[] {
  const flags = [...execArgv];
  const has = (name: string) => execArgv.some((flag) => flag.startsWith(name));
  if (!has('--max-old-space-size')) flags.push(`--max-old-space-size=${hostHeapCeilingMb(totalMemoryBytes)}`);
  if (!has('--heap-growing-percent')) flags.push(`--heap-growing-percent=${HOST_HEAP_GROWING_PERCENT}`);
  return flags;
}
