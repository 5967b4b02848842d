/**
 * Microsoft's initial-cycle estimate (WHEN) in words, for cycle-estimate.ts: "under a minute", "10 to 80
 * minutes", "17 hours to 5.6 days" rather than "1000 to 8000 minutes".
 */

/** A length of time in words: "under a minute", "12 minutes", "17 hours", "5.6 days". */
export function durationText(minutes: number): string {
  if (minutes < 1) return 'under a minute';
  if (minutes < 90) {
    const whole = Math.round(minutes);
    return `${whole} minute${whole === 1 ? '' : 's'}`;
  }
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours)} hours`;
  const days = Math.round((hours / 24) * 10) / 10;
  return `${days} days`;
}

/** A range in words: "under a minute", "about 3 minutes", "17 hours to 5.6 days". */
export function estimateRangeText(minMinutes: number, maxMinutes: number): string {
  const low = durationText(minMinutes);
  const high = durationText(maxMinutes);
  if (high === 'under a minute') return high;
  if (low === high) return `about ${high}`;
  // "10 to 80 minutes", but "17 hours to 5.6 days".
  const unit = / (minutes?|hours|days)$/.exec(low)?.[1];
  if (unit && high.endsWith(` ${unit}`)) return `${low.slice(0, -unit.length - 1)} to ${high}`;
  return `${low} to ${high}`;
}
