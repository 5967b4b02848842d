import { describe, expect, it } from 'vitest';
import {
  describeMappingSource,
  GALLERY_DEFAULT_MAPPINGS,
  galleryDifference,
  removedGalleryMappings,
  type AttributeMapping,
} from '../../shared/mapping';

const userName = GALLERY_DEFAULT_MAPPINGS.find((mapping) => mapping.target === 'userName')!;

describe('differences from the gallery defaults', () => {
  it('describes sources as Entra lists them', () => {
    expect(describeMappingSource({ type: 'Direct', source: 'mail', target: 'x', apply: 'Always' })).toBe(
      'mail',
    );
    expect(describeMappingSource({ type: 'Constant', value: 'SSO', target: 'x', apply: 'Always' })).toBe(
      '"SSO"',
    );
    expect(describeMappingSource({ type: 'None', target: 'x', apply: 'Always' })).toBe('(none)');
  });

  it('tells same, changed and added apart, whatever the letter case of the target', () => {
    expect(galleryDifference({ ...userName, target: 'USERNAME' })).toBe('same');
    expect(galleryDifference({ ...userName, apply: 'OnlyDuringCreation' })).toBe('changed');
    expect(galleryDifference({ ...userName, matchingPrecedence: undefined } as AttributeMapping)).toBe(
      'changed',
    );
    expect(galleryDifference({ type: 'Direct', source: 'jobTitle', target: 'title', apply: 'Always' })).toBe(
      'added',
    );
  });

  it('lists gallery targets the mapping dropped', () => {
    const withoutUserName = GALLERY_DEFAULT_MAPPINGS.filter((mapping) => mapping !== userName);
    expect(removedGalleryMappings(withoutUserName).map((mapping) => mapping.target)).toEqual(['userName']);
    expect(removedGalleryMappings(GALLERY_DEFAULT_MAPPINGS)).toEqual([]);
  });
});
