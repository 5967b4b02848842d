import type { ConfigProblem, SupportExport } from './model';
import { missing, orNone, type Block, type Cell, type Section, type Tone } from './outline';

const STEP_TONES: Record<string, Tone> = {
  done: 'good',
  'in-progress': 'warn',
  'needs-attention': 'bad',
  'not-started': 'muted',
};

export function progressSection(model: SupportExport): Section {
  const { steps, currentStep, done } = model.steps;
  return {
    id: 'progress',
    title: 'Wizard progress',
    blocks: [
      {
        kind: 'paragraph',
        text: `${done.length} of ${steps.length} steps done. The admin was last on “${steps.find((step) => step.id === currentStep)?.title ?? currentStep}”.`,
      },
      {
        kind: 'table',
        columns: ['Step', 'Status'],
        rows: steps.map((step) => [
          step.title,
          { text: step.status.replace(/-/g, ' '), tone: STEP_TONES[step.status] ?? 'muted' },
        ]),
      },
    ],
  };
}

export function problemBlocks(problems: readonly ConfigProblem[], none: string): Block[] {
  if (problems.length === 0) return [missing(none)];
  return [
    { kind: 'heading', text: 'Problems' },
    {
      kind: 'table',
      columns: ['Severity', 'Where', 'Problem'],
      rows: problems.map((problem): Cell[] => [
        { text: problem.severity, tone: problem.severity === 'error' ? 'bad' : 'warn' },
        orNone(problem.where, 'whole configuration'),
        problem.message,
      ]),
    },
  ];
}

const MAPPING_ORIGIN = {
  saved: 'Saved by the admin (mapping.json).',
  'gallery-defaults': 'Not changed yet: the Jostle gallery app’s default mappings.',
  'custom-defaults': 'Not changed yet: the default mappings of a custom non-gallery SCIM app.',
  unreadable: 'The saved mapping file could not be read.',
} as const;

export function mappingSection(model: SupportExport): Section {
  const { mapping } = model;
  const blocks: Block[] = [{ kind: 'paragraph', text: MAPPING_ORIGIN[mapping.origin] }];
  if (mapping.mappings.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        'Target attribute',
        'Type',
        'Source / value / expression',
        'Apply',
        'Default if null',
        'Matching',
        mapping.comparedWith === 'entra-schema'
          ? 'Differs from Entra’s schema'
          : mapping.comparedWith === 'custom-defaults'
            ? 'Differs from Entra’s custom-app default'
            : 'Differs from gallery default',
      ],
      rows: mapping.mappings.map((row): Cell[] => [
        row.target,
        row.type,
        row.source,
        row.apply === 'Always' ? 'Always' : 'Only during creation',
        orNone(row.defaultValue, ''),
        row.matchingPrecedence === null ? '' : `precedence ${row.matchingPrecedence}`,
        row.differsFromGallery
          ? { text: 'yes', tone: 'warn' }
          : row.defaultAssumed
            ? { text: 'no (default assumed)', tone: 'warn' }
            : 'no',
      ]),
    });
  }
  if (mapping.mappings.some((row) => row.defaultAssumed))
    blocks.push({
      kind: 'paragraph',
      text: '“Default assumed”: no public source confirms this Jostle gallery default (personal and alternate emails and their labels); it is our choice until the admin imports the Entra schema.',
      tone: 'warn',
    });
  if (mapping.galleryTargetsMissing.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text:
        mapping.comparedWith === 'entra-schema'
          ? 'Targets Entra’s schema maps that this mapping leaves out:'
          : mapping.comparedWith === 'custom-defaults'
            ? 'Targets of Entra’s custom-app defaults this mapping leaves out:'
            : 'Gallery targets this mapping leaves out:',
      tone: 'warn',
    });
    blocks.push({ kind: 'list', items: mapping.galleryTargetsMissing });
  }
  blocks.push(...problemBlocks(mapping.problems, 'No problems found in the mapping.'));
  return { id: 'mapping', title: 'Attribute mapping', blocks };
}

const SCOPE_ORIGIN = {
  saved: 'Saved by the admin (scope.json).',
  default: 'Not changed yet: the tutorial’s recommendation.',
  unreadable: 'The saved scope file could not be read.',
} as const;

export function scopingSection(model: SupportExport): Section {
  const { scoping } = model;
  const blocks: Block[] = [
    { kind: 'paragraph', text: SCOPE_ORIGIN[scoping.origin] },
    {
      kind: 'fields',
      rows: [
        ['Scope', orNone(scoping.scopeLabel, 'unknown')],
        [
          'Scoping filters',
          scoping.filters.length === 0
            ? 'none (everyone in scope passes)'
            : `${scoping.filters.length} (any one lets a user through)`,
        ],
      ],
    },
  ];
  scoping.filters.forEach((filter, index) => {
    blocks.push({
      kind: 'heading',
      text: `Filter ${index + 1}${filter.title ? `: ${filter.title}` : ''} (all clauses must hold)`,
    });
    blocks.push({ kind: 'list', items: filter.clauses });
  });
  blocks.push(...problemBlocks(scoping.problems, 'No problems found in the scoping.'));
  return { id: 'scoping', title: 'Scoping', blocks };
}
