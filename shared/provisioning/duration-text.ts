/**
 * Microsoft's initial-cycle estimate (WHEN) in words a person reads at a glance, the same in the Dry run
 * step, the CLI and the support export: "under a minute", "2 to 16 minutes", "about 17 hours to 5½ days"
 * rather than "1000 to 8000 minutes".
 */

/** One duration, rounded to what matters at its size. */
export function durationText(minutes: number): string {
  if (minutes < 1) return 'under a minute';
  if (minutes < 90) {
    const value = Math.ceil(minutes);
    return `${value} minute${value === 1 ? '' : 's'}`;
  }
  const hours = minutes / 60;
  if (hours < 36) {
    const value = Math.round(hours);
    return `${value} hour${value === 1 ? '' : 's'}`;
  }
  const halfDays = Math.round((hours / 24) * 2) / 2;
  const whole = Math.floor(halfDays);
  return `${whole}${halfDays > whole ? '½' : ''} days`;
}

/** A range: "under a minute", "about 3 minutes", "2 to 16 minutes", "about 17 hours to 5½ days". */
export function estimateRangeText(minMinutes: number, maxMinutes: number): string {
  if (maxMinutes < 1) return 'under a minute';
  const low = durationText(Math.max(minMinutes, 1));
  const high = durationText(maxMinutes);
  if (low === high) return `about ${high}`;
  const [lowNumber, lowUnit] = low.split(' ');
  const [, highUnit] = high.split(' ');
  // "2 to 16 minutes", not "2 minutes to 16 minutes"; "about 17 hours to 5½ days" when the units differ.
  const singular = (unit: string | undefined) => unit?.replace(/s$/, '');
  return singular(lowUnit) === singular(highUnit) ? `${lowNumber} to ${high}` : `about ${low} to ${high}`;
}
