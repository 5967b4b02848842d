import { describe, expect, it } from 'vitest';
import { JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import {
  GALLERY_DEFAULT_CONFIG,
  parseMappingConfig,
  validateMappingConfig,
  type AttributeMapping,
  type MappingConfig,
} from '../../shared/mapping';

const withMapping = (mapping: AttributeMapping): MappingConfig => ({
  version: 1,
  mappings: [...GALLERY_DEFAULT_CONFIG.mappings, mapping],
});
const lastIndex = GALLERY_DEFAULT_CONFIG.mappings.length;

describe('the gallery defaults', () => {
  it('cover the ten targets of the tutorial’s table and validate cleanly', () => {
    expect(GALLERY_DEFAULT_CONFIG.mappings.map((mapping) => mapping.target)).toEqual([
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
    ]);
    expect(validateMappingConfig(GALLERY_DEFAULT_CONFIG)).toEqual([]);
  });

  it('survive a JSON round trip through the file schema', () => {
    const result = parseMappingConfig(JSON.parse(JSON.stringify(GALLERY_DEFAULT_CONFIG)));
    expect(result).toEqual({ ok: true, config: GALLERY_DEFAULT_CONFIG, problems: [] });
  });
});

describe('one clear message per broken mapping', () => {
  it.each<[string, AttributeMapping, string]>([
    [
      'unknown target',
      { type: 'Direct', source: 'mail', target: 'emails[type eq "home"].value', apply: 'Always' },
      'Jostle has no target attribute',
    ],
    [
      'duplicate target',
      { type: 'Direct', source: 'mail', target: 'USERNAME', apply: 'Always' },
      'userName is already the target of mapping 1',
    ],
    [
      'Boolean target from text',
      { type: 'Direct', source: 'department', target: 'active', apply: 'Always' },
      'Type mismatch: department is a String and active is a Boolean',
    ],
    [
      'Boolean constant',
      { type: 'Constant', value: 'yes', target: 'active', apply: 'Always' },
      'the constant must be True or False',
    ],
    [
      'multi-valued source',
      { type: 'Direct', source: 'otherMails', target: 'nickName', apply: 'Always' },
      'otherMails is multi-valued',
    ],
    [
      'reference source',
      { type: 'Direct', source: 'manager', target: 'title', apply: 'Always' },
      'reference to another object',
    ],
    [
      'list expression',
      { type: 'Expression', expression: 'Split([department], ",")', target: 'title', apply: 'Always' },
      'the expression gives a list',
    ],
    [
      'unknown source',
      { type: 'Direct', source: 'shoeSize', target: 'title', apply: 'Always' },
      'Unknown source attribute "shoeSize"',
    ],
    [
      'source case',
      { type: 'Direct', source: 'JobTitle', target: 'title', apply: 'Always' },
      'write "jobTitle"',
    ],
    [
      'expression syntax',
      { type: 'Expression', expression: 'Append([jobTitle] "x")', target: 'title', apply: 'Always' },
      'Expected "," or ")"',
    ],
    [
      'non-filterable matching attribute',
      { type: 'Direct', source: 'objectId', target: 'externalId', apply: 'Always', matchingPrecedence: 2 },
      'Jostle cannot filter on externalId',
    ],
    [
      'second matching attribute',
      {
        type: 'Direct',
        source: 'displayName',
        target: 'displayName',
        apply: 'Always',
        matchingPrecedence: 1,
      },
      'Jostle cannot filter on displayName',
    ],
    [
      'Boolean default',
      { type: 'None', target: 'active', apply: 'Always', defaultValue: 'on' },
      'default value of Boolean active',
    ],
  ])('%s', (_, mapping, message) => {
    const config = withMapping(mapping);
    if (mapping.target === 'active') config.mappings.splice(1, 1);
    const problems = validateMappingConfig(config).filter((problem) => problem.severity === 'error');
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems.map((problem) => problem.message).join(' | ')).toContain(message);
    expect(problems.every((problem) => problem.mappingIndex === config.mappings.length - 1)).toBe(true);
  });

  it('puts expression problems at their position in the expression', () => {
    const problems = validateMappingConfig(
      withMapping({
        type: 'Expression',
        expression: 'Join(".", Left([givenName]), [surname])',
        target: 'nickName',
        apply: 'Always',
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        mappingIndex: lastIndex,
        position: 10,
        length: 17,
        message: 'Left takes 2 arguments but has 1',
      }),
    ]);
  });

  it('flags a configuration with no matching attribute and missing required targets', () => {
    const problems = validateMappingConfig({
      version: 1,
      mappings: [{ type: 'Direct', source: 'mail', target: 'emails[type eq "work"].value', apply: 'Always' }],
    });
    const messages = problems.map((problem) => problem.message);
    expect(messages[0]).toContain('No matching attribute');
    expect(messages).toHaveLength(5);
    expect(problems.every((problem) => problem.mappingIndex === undefined)).toBe(true);
  });

  it('validates against another schema, e.g. a live /Schemas without the extension', () => {
    const targets = [
      { path: 'userName', type: 'String' as const, filterable: true, galleryDefault: true, description: '' },
      { path: 'active', type: 'Boolean' as const, filterable: false, galleryDefault: true, description: '' },
    ];
    const messages = validateMappingConfig(GALLERY_DEFAULT_CONFIG, { targets }).map(
      (problem) => problem.message,
    );
    expect(messages.filter((message) => message.startsWith('Jostle has no target attribute'))).toHaveLength(
      8,
    );
  });

  it('refuses two matching attributes with the same precedence', () => {
    const targets = [
      { path: 'userName', type: 'String' as const, filterable: true, galleryDefault: true, description: '' },
      {
        path: 'externalId',
        type: 'String' as const,
        filterable: true,
        galleryDefault: false,
        description: '',
      },
    ];
    const problems = validateMappingConfig(
      {
        version: 1,
        mappings: [
          {
            type: 'Direct',
            source: 'userPrincipalName',
            target: 'userName',
            apply: 'Always',
            matchingPrecedence: 1,
          },
          {
            type: 'Direct',
            source: 'objectId',
            target: 'externalId',
            apply: 'Always',
            matchingPrecedence: 1,
          },
        ],
      },
      { targets },
    );
    expect(problems).toEqual([
      expect.objectContaining({
        mappingIndex: 1,
        message: 'Matching precedence 1 is also used by mapping 1',
      }),
    ]);
  });

  it('gives warnings that do not block saving', () => {
    const result = parseMappingConfig(withMapping({ type: 'None', target: 'title', apply: 'Always' }));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'warning', mappingIndex: lastIndex }),
    ]);
  });

  it('reports file-shape errors with the mapping they are in', () => {
    const result = parseMappingConfig({ version: 1, mappings: [{ type: 'Direct', target: 'userName' }] });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ mappingIndex: 0 });
    expect(result.problems[0]?.message).toContain('mappings.0');
  });
});
