/**
 * The "defaults" the admin's mapping is compared with ("differs from the gallery default", the changes the
 * Configure step lists): the user mapping of the Entra schema the admin imported when there is one, because
 * that is what Entra really has; otherwise the built-in defaults (for the gallery app, GALLERY_DEFAULT_MAPPINGS).
 *
 * Of the built-in gallery defaults, the personal/alternate emails and their labels have no public source
 * (fidelity audit A5): they are our choices, and the UI and export label them "assumed" until a schema is
 * imported.
 */
import { JOSTLE_USER_EXTENSION } from '../jostle/schema';
import { GALLERY_DEFAULT_MAPPINGS } from './gallery-defaults';
import type { AttributeMapping } from './model';

export type BaselineSource = 'imported-schema' | 'built-in';

export interface MappingBaseline {
  source: BaselineSource;
  mappings: readonly AttributeMapping[];
}

/** Built-in gallery defaults that no public source confirms. */
export const ASSUMED_GALLERY_TARGETS: readonly string[] = [
  'emails[type eq "personal"].value',
  'emails[type eq "alternate1"].value',
  'emails[type eq "alternate2"].value',
  `${JOSTLE_USER_EXTENSION}:alternateEmail1Label`,
  `${JOSTLE_USER_EXTENSION}:alternateEmail2Label`,
];

/**
 * The baseline: the imported schema's mappings, else `builtIn`. The custom-app path passes its own
 * built-in defaults as the second argument.
 */
export function mappingBaseline(
  imported: readonly AttributeMapping[] | null | undefined,
  builtIn: readonly AttributeMapping[] = GALLERY_DEFAULT_MAPPINGS,
): MappingBaseline {
  return imported
    ? { source: 'imported-schema', mappings: imported }
    : { source: 'built-in', mappings: builtIn };
}

/** Whether the baseline value for `target` is our assumption rather than Entra's known default. */
export function isAssumedDefault(target: string, baseline: MappingBaseline): boolean {
  if (baseline.source !== 'built-in') return false;
  const wanted = target.trim().toLowerCase();
  return ASSUMED_GALLERY_TARGETS.some((assumed) => assumed.toLowerCase() === wanted);
}
