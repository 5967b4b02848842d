/**
 * A mapping row another step asks to show (the dry run's "Fix the attribute mappings first" links here):
 * the Attribute mappings step takes it once its mappings have loaded and moves focus to that row.
 */
let pending: string | null = null;

export function showMappingRow(target: string): void {
  pending = target;
}

export function takePendingMappingRow(): string | null {
  const target = pending;
  pending = null;
  return target;
}
