/** How a mapping reads in the table, and how it differs from the Jostle gallery app's defaults. */
import { JOSTLE_USER_EXTENSION } from '../../../shared/jostle/schema';
import { GALLERY_DEFAULT_MAPPINGS, type AttributeMapping, type MappingConfig } from '../../../shared/mapping';

/** Extension attributes shortened to their name; the full path is kept for the tooltip. */
export const shortTarget = (path: string): string =>
  path.startsWith(`${JOSTLE_USER_EXTENSION}:`)
    ? `…:User:${path.slice(JOSTLE_USER_EXTENSION.length + 1)}`
    : path;

export function sourceText(mapping: AttributeMapping): string {
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

const sameTarget = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const comparable = (mapping: AttributeMapping) =>
  JSON.stringify({
    type: mapping.type,
    source: sourceText(mapping),
    apply: mapping.apply ?? 'Always',
    defaultValue: mapping.defaultValue ?? null,
    matching: mapping.matchingPrecedence ?? null,
  });

export type GalleryDifference = 'default' | 'changed' | 'added';

export function galleryDifference(mapping: AttributeMapping): GalleryDifference {
  const gallery = GALLERY_DEFAULT_MAPPINGS.find((candidate) => sameTarget(candidate.target, mapping.target));
  if (!gallery) return 'added';
  return comparable(gallery) === comparable(mapping) ? 'default' : 'changed';
}

/** Gallery targets the configuration no longer maps. */
export const removedDefaults = (config: MappingConfig): string[] =>
  GALLERY_DEFAULT_MAPPINGS.filter(
    (gallery) => !config.mappings.some((mapping) => sameTarget(mapping.target, gallery.target)),
  ).map((gallery) => gallery.target);

/** Line and column (1-based) of an offset in a possibly multi-line expression. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
