/**
 * Validates mappings against a Jostle schema (the bundled one, or targets read from a live `/Schemas`),
 * so each mistake shows next to its mapping instead of failing later in Entra's provisioning logs.
 */
import { analyzeExpression } from '../expressions/analyze';
import { VOLATILE_FUNCTIONS } from '../expressions/functions';
import { jostleTargetAttributes, type JostleTargetAttribute } from '../jostle/schema';
import { findSourceAttribute } from '../source-data/entra-attributes';
import { mappingConfigSchema, type AttributeMapping, type MappingConfig } from './model';

export interface MappingProblem {
  severity: 'error' | 'warning';
  message: string;
  /** Index of the mapping in the configuration; absent for problems with the configuration as a whole. */
  mappingIndex?: number;
  /** For expression problems: offset and length inside the expression text. */
  position?: number;
  length?: number;
}

export interface MappingValidationOptions {
  targets?: readonly JostleTargetAttribute[];
}

/** Targets Jostle requires to create a user ("Create a new User" reference, minimum body). */
export const REQUIRED_TARGETS = ['userName', 'name.givenName', 'name.familyName', 'active'] as const;

export function findTarget(
  targets: readonly JostleTargetAttribute[],
  path: string,
): JostleTargetAttribute | undefined {
  const wanted = path.trim().toLowerCase();
  return targets.find((candidate) => candidate.path.toLowerCase() === wanted);
}

/**
 * The target Entra matches on first (matching precedence 1, or the lowest given), which is also what its
 * Test Connection filters on (SCIM-DEV); userName when no mapping is marked for matching.
 */
export function matchingAttributeOf(config: MappingConfig): string {
  const matching = config.mappings
    .filter((mapping) => mapping.matchingPrecedence !== undefined)
    .sort((a, b) => (a.matchingPrecedence ?? 0) - (b.matchingPrecedence ?? 0));
  return matching[0]?.target ?? 'userName';
}

const isBooleanText = (text: string) => /^(true|false)$/i.test(text.trim());

function mappingProblems(mapping: AttributeMapping, target: JostleTargetAttribute): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const error = (message: string, extra: Partial<MappingProblem> = {}) =>
    problems.push({ severity: 'error', message, ...extra });
  const warning = (message: string) => problems.push({ severity: 'warning', message });
  const boolean = target.type === 'Boolean';

  if (mapping.type === 'Direct') {
    const source = findSourceAttribute(mapping.source);
    if (!source) error(`Unknown source attribute "${mapping.source}"`);
    else if (source.notMappable) error(source.notMappable);
    else if (source.name !== mapping.source)
      error(`Source attribute names are case-sensitive: write "${source.name}"`);
    else if (source.multiValued) {
      error(
        `${source.name} is multi-valued and ${target.path} holds one value; use an expression with Item or Join`,
      );
    } else if (source.type === 'Reference') {
      error(`${source.name} is a reference to another object; Jostle's ${target.path} is a ${target.type}`);
    } else if (boolean && source.type !== 'Boolean') {
      error(`Type mismatch: ${source.name} is a ${source.type} and ${target.path} is a Boolean`);
    }
  }
  if (mapping.type === 'Constant' && boolean && !isBooleanText(mapping.value)) {
    error(
      `Type mismatch: ${target.path} is a Boolean, so the constant must be True or False, not "${mapping.value}"`,
    );
  }
  if (mapping.type === 'Expression') {
    const analysis = analyzeExpression(mapping.expression, {
      resolveAttribute: (name) => findSourceAttribute(name)?.name,
    });
    for (const problem of analysis.problems) {
      error(problem.message, { position: problem.position, length: problem.length });
    }
    for (const name of analysis.attributes) {
      const notMappable = findSourceAttribute(name)?.notMappable;
      if (notMappable) error(notMappable);
    }
    const volatile = analysis.functions.filter((name) => VOLATILE_FUNCTIONS.includes(name));
    if (volatile.length > 0) {
      warning(
        `${volatile.join(', ')} give${volatile.length === 1 ? 's' : ''} a new value each time Entra evaluates ` +
          'the mapping; the preview and dry run use a fixed clock and seed per run and mark those values',
      );
    }
    if (analysis.problems.length === 0) {
      const roleFunction = analysis.functions.find((name) =>
        /^(Assertive)?AppRoleAssignmentsComplex$/.test(name),
      );
      if (analysis.resultKind === 'list' && roleFunction) {
        error(
          `${roleFunction} sends every app role as a list of role objects, for a multi-valued roles attribute; ` +
            `Jostle's ${target.path} holds one value (use SingleAppRoleAssignment for one role)`,
        );
      } else if (analysis.resultKind === 'list') {
        error(
          `Type mismatch: the expression gives a list and ${target.path} holds one value; use Item or Join`,
        );
      } else if (boolean && analysis.resultKind === 'number') {
        error(`Type mismatch: the expression gives a number and ${target.path} is a Boolean`);
      }
    }
  }
  if (mapping.type === 'None' && mapping.defaultValue === undefined) {
    warning('A "None" mapping without a default value never sends anything');
  }
  if (mapping.defaultValue !== undefined && boolean && !isBooleanText(mapping.defaultValue)) {
    error(`Type mismatch: the default value of Boolean ${target.path} must be True or False`);
  }
  if (mapping.matchingPrecedence !== undefined && !target.filterable) {
    error(
      `Jostle cannot filter on ${target.path}, so it cannot be a matching attribute; match on userName instead`,
    );
  }
  if (mapping.matchingPrecedence !== undefined && mapping.apply === 'OnlyDuringCreation') {
    warning('A matching attribute applied only during creation will not follow later changes in Entra');
  }
  return problems;
}

/** Every problem of a parsed configuration, each tied to its mapping where it has one. */
export function validateMappingConfig(
  config: MappingConfig,
  options: MappingValidationOptions = {},
): MappingProblem[] {
  const targets = options.targets ?? jostleTargetAttributes;
  const problems: MappingProblem[] = [];
  const firstByTarget = new Map<string, number>();
  const byPrecedence = new Map<number, number>();
  config.mappings.forEach((mapping, mappingIndex) => {
    const add = (list: MappingProblem[]) =>
      list.forEach((problem) => problems.push({ ...problem, mappingIndex }));
    const target = findTarget(targets, mapping.target);
    if (!target) {
      add([{ severity: 'error', message: `Jostle has no target attribute "${mapping.target}"` }]);
      return;
    }
    const earlier = firstByTarget.get(target.path);
    if (earlier !== undefined) {
      add([
        {
          severity: 'error',
          message: `${target.path} is already the target of mapping ${earlier + 1}; Entra allows one mapping per target`,
        },
      ]);
      return;
    }
    firstByTarget.set(target.path, mappingIndex);
    add(mappingProblems(mapping, target));
    if (mapping.matchingPrecedence !== undefined) {
      const same = byPrecedence.get(mapping.matchingPrecedence);
      if (same !== undefined) {
        add([
          {
            severity: 'error',
            message: `Matching precedence ${mapping.matchingPrecedence} is also used by mapping ${same + 1}`,
          },
        ]);
      }
      byPrecedence.set(mapping.matchingPrecedence, mappingIndex);
    }
  });
  if (byPrecedence.size === 0) {
    problems.push({
      severity: 'error',
      message: 'No matching attribute: mark userName "Match objects using this attribute" (precedence 1)',
    });
  }
  for (const required of REQUIRED_TARGETS) {
    if (!firstByTarget.has(required) && findTarget(targets, required)) {
      problems.push({
        severity: 'error',
        message: `Jostle requires ${required} to create a user, and nothing maps it`,
      });
    }
  }
  return problems;
}

export type MappingConfigParseResult =
  { ok: true; config: MappingConfig; problems: MappingProblem[] } | { ok: false; problems: MappingProblem[] };

/** Reads untrusted JSON (a saved file): shape errors from zod, then the checks above. */
export function parseMappingConfig(
  json: unknown,
  options: MappingValidationOptions = {},
): MappingConfigParseResult {
  const parsed = mappingConfigSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        severity: 'error',
        message: `${issue.path.length ? issue.path.join('.') : 'mapping'}: ${issue.message}`,
        ...(issue.path[0] === 'mappings' && typeof issue.path[1] === 'number'
          ? { mappingIndex: issue.path[1] }
          : {}),
      })),
    };
  }
  const problems = validateMappingConfig(parsed.data, options);
  return problems.some((problem) => problem.severity === 'error')
    ? { ok: false, problems }
    : { ok: true, config: parsed.data, problems };
}
