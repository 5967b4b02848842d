/**
 * The assistant's attribute mapping next to the Jostle gallery app's defaults, row by row, so the
 * Configure step can highlight exactly what the admin has to change in Entra. Pure: no React.
 */
import {
  describeMappingSource,
  GALLERY_DEFAULT_MAPPINGS,
  removedGalleryMappings,
  sameMapping,
  type AttributeMapping,
} from '../../../shared/mapping';

export type MappingDifference = 'same' | 'changed' | 'added' | 'removed';

export interface MappingRowView {
  target: string;
  /** What Entra shows in its "Source attribute" column. */
  source: string;
  type: AttributeMapping['type'];
  onlyOnCreate: boolean;
  defaultValue?: string;
  matchingPrecedence?: number;
  difference: MappingDifference;
  /** For a changed row: the gallery default's source, to show what is replaced. */
  gallerySource?: string;
}

const key = (target: string) => target.trim().toLowerCase();

function view(mapping: AttributeMapping, difference: MappingDifference): MappingRowView {
  return {
    target: mapping.target,
    source: describeMappingSource(mapping),
    type: mapping.type,
    onlyOnCreate: mapping.apply === 'OnlyDuringCreation',
    ...(mapping.defaultValue ? { defaultValue: mapping.defaultValue } : {}),
    ...(mapping.matchingPrecedence !== undefined ? { matchingPrecedence: mapping.matchingPrecedence } : {}),
    difference,
  };
}

/** The assistant's rows in its own order, then gallery defaults it does not have (to delete in Entra). */
export function compareWithGallery(
  mappings: readonly AttributeMapping[],
  gallery: readonly AttributeMapping[] = GALLERY_DEFAULT_MAPPINGS,
): MappingRowView[] {
  const defaults = new Map(gallery.map((mapping) => [key(mapping.target), mapping]));
  const rows = mappings.map((mapping) => {
    const galleryDefault = defaults.get(key(mapping.target));
    if (!galleryDefault) return view(mapping, 'added');
    if (sameMapping(mapping, galleryDefault)) return view(mapping, 'same');
    return { ...view(mapping, 'changed'), gallerySource: describeMappingSource(galleryDefault) };
  });
  return [...rows, ...removedGalleryMappings(mappings, gallery).map((mapping) => view(mapping, 'removed'))];
}

/** The matching attributes, in precedence order (Entra tries 1 first). */
export function matchingAttributes(mappings: readonly AttributeMapping[]): AttributeMapping[] {
  return mappings
    .filter((mapping) => mapping.matchingPrecedence !== undefined)
    .sort((a, b) => a.matchingPrecedence! - b.matchingPrecedence!);
}
