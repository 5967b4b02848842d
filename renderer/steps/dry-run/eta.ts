/**
 * Time left, said honestly. The engine's estimate follows the recent rate, which on a shared machine
 * rises and falls (100,000 users: "about 21 s left" held for 40 s). So we give a range between that
 * estimate and the one the average rate since the start gives, doubled at the top for the load to come (rates halved in the walkthrough),
 * and round it the way a person would.
 */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return `${minutes} min ${seconds % 60} s`;
  return `${Math.round(seconds / 60)} min`;
}

function rounded(seconds: number): number {
  if (seconds < 60) return Math.max(5, Math.ceil(seconds / 5) * 5);
  return Math.ceil(seconds / 60) * 60;
}

function spoken(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${seconds / 60} min`;
}

export function etaRange(progress: {
  processed: number;
  total: number;
  elapsedMs: number;
  etaMs: number | null;
}): string | null {
  if (progress.etaMs === null || progress.processed <= 0 || progress.processed >= progress.total) return null;
  const byAverage = (progress.elapsedMs * (progress.total - progress.processed)) / progress.processed;
  const low = rounded(Math.min(progress.etaMs, byAverage) / 1000);
  const high = rounded((Math.max(progress.etaMs, byAverage) * 2) / 1000);
  return low >= high ? `about ${spoken(low)} left` : `about ${spoken(low)} to ${spoken(high)} left`;
}
