/**
 * How the admin's mapping differs from the Jostle gallery app's defaults. The Attribute mappings step marks
 * rows with it, the Configure step lists what to change in Entra, and the support export reports it.
 */
import { GALLERY_DEFAULT_MAPPINGS } from './gallery-defaults';
import type { AttributeMapping } from './model';

export type GalleryDifference = 'same' | 'changed' | 'added';

/** The source as Entra's mapping list shows it: an attribute name, a quoted constant, an expression. */
export function describeMappingSource(mapping: AttributeMapping): string {
  switch (mapping.type) {
    case 'Direct':
      return mapping.source;
    case 'Constant':
      return `"${mapping.value}"`;
    case 'Expression':
      return mapping.expression;
    case 'None':
      return '(none)';
  }
}

const sameTarget = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function sameMapping(a: AttributeMapping, b: AttributeMapping): boolean {
  return (
    a.type === b.type &&
    describeMappingSource(a) === describeMappingSource(b) &&
    (a.apply ?? 'Always') === (b.apply ?? 'Always') &&
    (a.defaultValue ?? '') === (b.defaultValue ?? '') &&
    a.matchingPrecedence === b.matchingPrecedence
  );
}

/** The gallery default for the same target, if there is one. */
export function galleryDefaultFor(
  mapping: AttributeMapping,
  gallery: readonly AttributeMapping[] = GALLERY_DEFAULT_MAPPINGS,
): AttributeMapping | undefined {
  return gallery.find((candidate) => sameTarget(candidate.target, mapping.target));
}

export function galleryDifference(
  mapping: AttributeMapping,
  gallery: readonly AttributeMapping[] = GALLERY_DEFAULT_MAPPINGS,
): GalleryDifference {
  const galleryDefault = galleryDefaultFor(mapping, gallery);
  if (!galleryDefault) return 'added';
  return sameMapping(galleryDefault, mapping) ? 'same' : 'changed';
}

/** Gallery defaults whose target the admin's mapping no longer maps (to delete in Entra). */
export function removedGalleryMappings(
  mappings: readonly AttributeMapping[],
  gallery: readonly AttributeMapping[] = GALLERY_DEFAULT_MAPPINGS,
): AttributeMapping[] {
  return gallery.filter(
    (galleryMapping) => !mappings.some((mapping) => sameTarget(mapping.target, galleryMapping.target)),
  );
}
