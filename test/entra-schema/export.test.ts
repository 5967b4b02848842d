import { describe, expect, it } from 'vitest';
import {
  exportSynchronizationSchema,
  importSynchronizationSchema,
  SchemaExportError,
  schemasEquivalent,
  textToTree,
  treeToText,
  type GraphSynchronizationSchema,
  type ImportedSchema,
  type MappingSourceTree,
} from '../../shared/entra-schema';
import { fixture } from './helpers';

function imported(input: unknown): ImportedSchema {
  const result = importSynchronizationSchema(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.imported;
}

function merged(
  base: ImportedSchema,
  mapping = base.mapping,
  filters = base.filters,
): GraphSynchronizationSchema {
  const result = exportSynchronizationSchema({ mapping, filters, base });
  if (result.kind !== 'merged') throw new Error('expected a merged schema');
  return result.schema;
}

const userMapping = (schema: GraphSynchronizationSchema) =>
  schema.synchronizationRules[0]!.objectMappings![0]!;

describe('exportSynchronizationSchema', () => {
  it.each([
    'jostle-gallery-custom.json',
    'graph-docs-shapes.json',
    'custom-scim-app.json',
    'jostle-template-response.json',
  ])('import → export with no edits gives an equivalent document: %s', (name) => {
    const original = fixture(name);
    const base = imported(original);
    const out = merged(base);
    const expected = (original as { schema?: unknown }).schema ?? original;
    expect(schemasEquivalent(out, expected)).toBe(true);
    // And the export imports back to the same configuration.
    const again = imported(out);
    expect(again.mapping).toEqual(base.mapping);
    expect(again.filters).toEqual(base.filters);
  });

  it('changes only what was edited, keeping directories, other rules and unknown properties', () => {
    const original = fixture('jostle-gallery-custom.json') as GraphSynchronizationSchema;
    const base = imported(original);
    const mappings = base.mapping.mappings
      .filter((mapping) => mapping.target !== 'nickName')
      .map((mapping) =>
        mapping.target === 'title'
          ? {
              type: 'Expression' as const,
              expression: 'ToUpper([jobTitle], )',
              target: 'title',
              apply: 'Always' as const,
            }
          : mapping,
      );
    mappings.push({
      type: 'Direct',
      source: 'department',
      target: 'urn:ietf:params:scim:schemas:extension:jostle:2.0:User:locations',
      apply: 'OnlyDuringCreation',
      defaultValue: 'HQ',
    });
    const filters = [
      base.filters[0]!,
      {
        title: 'Managers',
        clauses: [{ attribute: 'jobTitle', operator: 'REGEX MATCH' as const, value: 'Manager$' }],
      },
    ];
    const out = merged(base, { version: 1, mappings }, filters);

    expect(out.directories).toEqual(original.directories);
    expect(out.version).toBe(original.version);
    expect(out.synchronizationRules[0]!.objectMappings![1]).toEqual(
      original.synchronizationRules[0]!.objectMappings![1],
    );
    expect((out as Record<string, unknown>).id).toBe((original as Record<string, unknown>).id);
    const users = userMapping(out);
    expect(users.metadata).toEqual(userMapping(original).metadata);
    const targets = users.attributeMappings.map((mapping) => mapping.targetAttributeName);
    expect(targets).not.toContain('nickName');
    const title = users.attributeMappings.find((mapping) => mapping.targetAttributeName === 'title')!;
    expect(title.source).toEqual({
      expression: 'ToUpper([jobTitle], )',
      name: 'ToUpper',
      parameters: [
        {
          key: 'source',
          value: { expression: '[jobTitle]', name: 'jobTitle', parameters: [], type: 'Attribute' },
        },
      ],
      type: 'Function',
    });
    const locations = users.attributeMappings.at(-1)!;
    expect(locations).toMatchObject({
      flowType: 'ObjectAddOnly',
      defaultValue: 'HQ',
      matchingPriority: 0,
      source: { type: 'Attribute', name: 'department' },
    });
    // Unchanged mappings are the original objects, byte for byte in meaning.
    const userName = users.attributeMappings.find((mapping) => mapping.targetAttributeName === 'userName');
    expect(userName).toEqual(userMapping(original).attributeMappings[0]);
    expect(users.scope?.groups).toEqual([
      userMapping(original).scope!.groups![0],
      {
        name: 'Managers',
        clauses: [
          {
            operatorName: 'REGEX MATCH',
            sourceOperandName: 'jobTitle',
            targetOperand: { values: ['Manager$'] },
          },
        ],
      },
    ]);
    expect(users.scope?.categoryFilterGroups).toEqual([]);
    // The result reads back as what was tested.
    const back = imported(out);
    expect(back.mapping.mappings).toEqual(mappings);
    expect(back.filters).toEqual(filters);
  });

  it('keeps a flow type it cannot model when the mapping is otherwise edited', () => {
    const base = imported(fixture('custom-scim-app.json'));
    const mappings = base.mapping.mappings.map((mapping) =>
      mapping.target.endsWith(':department')
        ? { ...mapping, type: 'Direct' as const, source: 'companyName' }
        : mapping,
    );
    const department = userMapping(merged(base, { version: 1, mappings })).attributeMappings.find((mapping) =>
      mapping.targetAttributeName.endsWith(':department'),
    );
    expect(department).toMatchObject({
      flowType: 'ValueAddOnly',
      flowBehavior: 'FlowAlways',
      source: { name: 'companyName' },
    });
  });

  it('without a base, produces a fresh user object mapping with the scope groups', () => {
    const base = imported(fixture('jostle-gallery-custom.json'));
    const result = exportSynchronizationSchema({ mapping: base.mapping, filters: base.filters });
    expect(result.kind).toBe('object-mapping');
    if (result.kind !== 'object-mapping') return;
    expect(result.objectMapping).toMatchObject({
      sourceObjectName: 'User',
      targetObjectName: 'User',
      enabled: true,
      flowTypes: 'Add, Update, Delete',
    });
    // Pasted back into a schema, it imports to the same configuration.
    const schema = {
      synchronizationRules: [
        {
          sourceDirectoryName: 'Azure Active Directory',
          targetDirectoryName: 'Jostle',
          objectMappings: [result.objectMapping],
        },
      ],
    };
    const again = imported(schema);
    expect(again.mapping).toEqual(base.mapping);
    expect(again.filters).toEqual(base.filters);
  });
});

describe('an expression Entra would refuse', () => {
  it('stops the export and names the mapping', () => {
    const base = imported(fixture('jostle-gallery-custom.json'));
    const mappings = base.mapping.mappings.map((mapping) =>
      mapping.target === 'title'
        ? {
            type: 'Expression' as const,
            expression: 'ToUpper([jobTitle]',
            target: 'title',
            apply: 'Always' as const,
          }
        : mapping,
    );
    expect(() =>
      exportSynchronizationSchema({ mapping: { version: 1, mappings }, filters: [], base }),
    ).toThrow(SchemaExportError);
    expect(() => exportSynchronizationSchema({ mapping: { version: 1, mappings }, filters: [] })).toThrow(
      /mapping to title has an expression Entra would refuse/,
    );
  });
});

describe('expression tree ↔ text', () => {
  const strip = (tree: MappingSourceTree): MappingSourceTree => {
    const { expression: _dropped, ...rest } = tree;
    void _dropped;
    return {
      ...rest,
      parameters: (tree.parameters ?? []).map((parameter) => ({
        ...parameter,
        value: strip(parameter.value),
      })),
    };
  };

  it.each([
    'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    'ToLower(Join("", Mid([givenName], 1, 1), [surname]), )',
    'IgnoreFlowIfNullOrEmpty(Switch(Item([otherMails], 2), "Other email", "", ""))',
    'FormatDateTime([employeeHireDate], , "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-dd")',
    'Replace([mail], , "(?<user>.*)@.*", "user", , , )',
    'Coalesce([mail], [userPrincipalName], "none@example.com")',
    'Append(PCase([givenName], ), "\\"x\\"")',
  ])('%s: text → tree → text, also when every node lost its expression', (text) => {
    const tree = textToTree(text);
    expect(treeToText(tree)).toBe(text);
    // Rebuilt from parameters alone, numbers come back as quoted constants; compare without quotes on digits.
    const rebuilt = treeToText(strip(tree));
    expect(rebuilt.replace(/"(\d+)"/g, '$1')).toBe(
      text
        .replace(/, \)$/, ')')
        .replace(/, , \)$/, ')')
        .replace(/(, )+\)/g, ')'),
    );
  });

  it('places Graph-keyed parameters of Replace in their positions', () => {
    const tree = (fixture('graph-docs-shapes.json') as GraphSynchronizationSchema).synchronizationRules[0]!
      .objectMappings![0]!.attributeMappings[6]!.source!;
    expect(treeToText(strip(tree))).toBe('Replace([preferredLanguage], "-", , , "_")');
  });
});
