import { describe, expect, it } from 'vitest';
import {
  ASSUMED_GALLERY_TARGETS,
  GALLERY_DEFAULT_MAPPINGS,
  galleryDifference,
  isAssumedDefault,
  mappingBaseline,
  removedGalleryMappings,
  type AttributeMapping,
} from '../../shared/mapping';
import { JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';

/** The ten targets of the Jostle tutorial's attribute table (fidelity A1). */
const TUTORIAL_TARGETS = [
  'userName',
  'active',
  'name.givenName',
  'name.familyName',
  'emails[type eq "work"].value',
  'emails[type eq "personal"].value',
  'emails[type eq "alternate1"].value',
  'emails[type eq "alternate2"].value',
  `${JOSTLE_USER_EXTENSION}:alternateEmail1Label`,
  `${JOSTLE_USER_EXTENSION}:alternateEmail2Label`,
];

describe('the mapping baseline', () => {
  it('has the tutorial’s ten targets, and marks exactly the unsourced emails and labels as assumed', () => {
    expect(GALLERY_DEFAULT_MAPPINGS.map((mapping) => mapping.target)).toEqual(TUTORIAL_TARGETS);
    const builtIn = mappingBaseline(null);
    expect(builtIn.source).toBe('built-in');
    expect(TUTORIAL_TARGETS.filter((target) => isAssumedDefault(target, builtIn))).toEqual([
      ...ASSUMED_GALLERY_TARGETS,
    ]);
  });

  it('is the imported schema’s mapping once there is one, and nothing is assumed then', () => {
    const imported: AttributeMapping[] = [
      {
        type: 'Direct',
        source: 'userPrincipalName',
        target: 'userName',
        apply: 'Always',
        matchingPrecedence: 1,
      },
      { type: 'Direct', source: 'mail', target: 'emails[type eq "personal"].value', apply: 'Always' },
    ];
    const baseline = mappingBaseline(imported);
    expect(baseline).toEqual({ source: 'imported-schema', mappings: imported });
    expect(isAssumedDefault('emails[type eq "personal"].value', baseline)).toBe(false);
    const gallery = GALLERY_DEFAULT_MAPPINGS.find(
      (mapping) => mapping.target === 'emails[type eq "personal"].value',
    )!;
    expect(galleryDifference(gallery, baseline.mappings)).toBe('changed');
    expect(galleryDifference(imported[1]!, baseline.mappings)).toBe('same');
    expect(
      removedGalleryMappings([imported[0]!], baseline.mappings).map((mapping) => mapping.target),
    ).toEqual(['emails[type eq "personal"].value']);
  });

  it('takes another built-in set (the custom-app path) as its second argument', () => {
    const custom: AttributeMapping[] = [
      { type: 'Direct', source: 'mail', target: 'userName', apply: 'Always' },
    ];
    expect(mappingBaseline(undefined, custom)).toEqual({ source: 'built-in', mappings: custom });
  });
});
