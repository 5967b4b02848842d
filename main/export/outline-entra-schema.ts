import type { SupportExport } from './model';
import { type Block, type Cell, type Section, type Tone } from './outline';

const STATUS: Record<string, { text: string; tone: Tone }> = {
  same: { text: 'same', tone: 'good' },
  changed: { text: 'differs', tone: 'warn' },
  'only-here': { text: 'only tested here', tone: 'warn' },
  'only-in-entra': { text: 'only in Entra', tone: 'bad' },
};

const status = (value: string): Cell => STATUS[value] ?? value;

export function entraSchemaSection(model: SupportExport): Section {
  const schema = model.entraSchema;
  if (!schema)
    return {
      id: 'entra-schema',
      title: 'Entra schema',
      blocks: [
        {
          kind: 'paragraph',
          text: 'No Entra synchronization schema imported: the mapping is compared with the built-in gallery defaults, some of which are assumed.',
          tone: 'muted',
        },
      ],
    };
  const actions = schema.targetObjectActions;
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        ['Imported from', `${schema.fileName} (${schema.importedAt})`],
        ['Object mapping', `${schema.objectMappingName} (rule ${schema.ruleName || 'unnamed'})`],
        [
          'Target Object Actions',
          [actions.create && 'Create', actions.update && 'Update', actions.delete && 'Delete']
            .filter(Boolean)
            .join(', ') || 'none',
        ],
      ],
    },
    { kind: 'heading', text: 'Attribute mappings: tested here vs Entra' },
    {
      kind: 'table',
      columns: ['Target attribute', 'Tested here', 'In Entra', 'Status'],
      rows: schema.mappings.map((row): Cell[] => [
        row.target,
        row.tested ?? '—',
        row.entra ?? '—',
        status(row.status),
      ]),
    },
    { kind: 'heading', text: 'Scoping filters: tested here vs Entra' },
  ];
  if (schema.clauses.length === 0)
    blocks.push({ kind: 'paragraph', text: 'No scoping filters on either side.', tone: 'muted' });
  else
    blocks.push({
      kind: 'table',
      columns: ['Filter', 'Clause', 'Tested here', 'In Entra', 'Status'],
      rows: schema.clauses.map((row): Cell[] => [
        String(row.filter),
        String(row.clause),
        row.tested ?? '—',
        row.entra ?? '—',
        status(row.status),
      ]),
    });
  if (schema.notes.length > 0) {
    blocks.push({ kind: 'heading', text: 'Not imported (kept in the schema on export)' });
    blocks.push({ kind: 'list', items: schema.notes.map((note) => `${note.where}: ${note.message}`) });
  }
  return { id: 'entra-schema', title: 'Entra schema', blocks };
}
