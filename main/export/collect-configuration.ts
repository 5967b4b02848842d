/** The parts of the export about what the admin set up: wizard progress, attribute mapping, scoping. */
import { dataFiles } from '../app/data-files';
import type { AppContext } from '../app/context';
import { settingsView } from '../app/settings-view';
import type { AppPath } from '../../shared/app-path/app-path';
import {
  defaultMappingFor,
  isAssumedDefault,
  mappingBaseline,
  mappingConfigSchema,
  sameMapping,
  validateForPath,
  type AttributeMapping,
  type MappingBaseline,
} from '../../shared/mapping';
import { EntraSchemaStore } from '../app/entra-schema-store';
import {
  DEFAULT_SCOPE_CONFIG,
  describeClause,
  scopeConfigSchema,
  validateScopeConfig,
  type ScopeConfig,
} from '../../shared/scoping';
import { steps } from '../../shared/wizard/steps';
import type { ConfigProblem, MappingRow, MappingSection, ScopingSection, StepsSection } from './model';
import { readJsonFile } from './read-json-file';

export async function collectSteps(context: AppContext): Promise<StepsSection> {
  const view = await settingsView(context);
  const list = steps.map((step) => ({ id: step.id, title: step.title, status: view.stepStatus[step.id] }));
  return {
    currentStep: view.currentStep,
    steps: list,
    done: list.filter((step) => step.status === 'done').map((step) => step.id),
  };
}

function mappingSource(mapping: AttributeMapping): string {
  if (mapping.type === 'Direct') return mapping.source;
  if (mapping.type === 'Constant') return mapping.value;
  if (mapping.type === 'Expression') return mapping.expression;
  return '';
}

/** Field by field, ignoring key order (a saved file and the defaults need not list keys alike). */
function mappingRows(mappings: readonly AttributeMapping[], baseline: MappingBaseline): MappingRow[] {
  return mappings.map((mapping) => {
    const gallery = baseline.mappings.find(
      (candidate) => candidate.target.toLowerCase() === mapping.target.toLowerCase(),
    );
    return {
      target: mapping.target,
      type: mapping.type,
      source: mappingSource(mapping),
      apply: mapping.apply,
      defaultValue: mapping.defaultValue ?? null,
      matchingPrecedence: mapping.matchingPrecedence ?? null,
      differsFromGallery: !gallery || !sameMapping(gallery, mapping),
      defaultAssumed:
        !!gallery && sameMapping(gallery, mapping) && isAssumedDefault(mapping.target, baseline),
    };
  });
}

function unreadable(reason: string): ConfigProblem[] {
  return [{ severity: 'error', message: `The saved file could not be read: ${reason}`, where: null }];
}

export async function collectMapping(dataDir: string, appPath: AppPath = 'gallery'): Promise<MappingSection> {
  const json = await readJsonFile(dataFiles.mapping(dataDir));
  const imported = await new EntraSchemaStore(dataDir).current();
  // Compared with Entra's real schema once imported, else with the chosen path's built-in defaults.
  const baseline = mappingBaseline(imported?.imported.mapping.mappings, defaultMappingFor(appPath).mappings);
  const comparedWith =
    baseline.source === 'imported-schema'
      ? 'entra-schema'
      : appPath === 'custom'
        ? 'custom-defaults'
        : 'gallery-defaults';
  if (json.state === 'unreadable')
    return {
      origin: 'unreadable',
      comparedWith,
      mappings: [],
      galleryTargetsMissing: [],
      problems: unreadable(json.reason),
    };
  let config = defaultMappingFor(appPath);
  if (json.state === 'read') {
    const parsed = mappingConfigSchema.safeParse(json.value);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      return {
        origin: 'unreadable',
        comparedWith,
        mappings: [],
        galleryTargetsMissing: [],
        problems: unreadable(reason),
      };
    }
    config = parsed.data;
  }
  const targets = new Set(config.mappings.map((mapping) => mapping.target.toLowerCase()));
  return {
    origin: json.state === 'read' ? 'saved' : appPath === 'custom' ? 'custom-defaults' : 'gallery-defaults',
    comparedWith,
    mappings: mappingRows(config.mappings, baseline),
    galleryTargetsMissing: baseline.mappings
      .map((mapping) => mapping.target)
      .filter((target) => !targets.has(target.toLowerCase())),
    problems: validateForPath(config, appPath).map((problem) => ({
      severity: problem.severity,
      message: problem.message,
      where: problem.mappingIndex === undefined ? null : `mapping ${problem.mappingIndex + 1}`,
    })),
  };
}

const SCOPE_LABELS: Record<ScopeConfig['scope'], string> = {
  assignedOnly: 'Sync only assigned users and groups',
  allUsers: 'Sync all users and groups',
};

export async function collectScoping(dataDir: string): Promise<ScopingSection> {
  const json = await readJsonFile(dataFiles.scope(dataDir));
  const none = { scope: null, scopeLabel: null, filters: [] };
  if (json.state === 'unreadable')
    return { origin: 'unreadable', ...none, problems: unreadable(json.reason) };
  let config = DEFAULT_SCOPE_CONFIG;
  if (json.state === 'read') {
    const parsed = scopeConfigSchema.safeParse(json.value);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      return { origin: 'unreadable', ...none, problems: unreadable(reason) };
    }
    config = parsed.data;
  }
  return {
    origin: json.state === 'read' ? 'saved' : 'default',
    scope: config.scope,
    scopeLabel: SCOPE_LABELS[config.scope],
    filters: config.filters.map((filter) => ({
      title: filter.title,
      clauses: filter.clauses.map(describeClause),
    })),
    problems: validateScopeConfig(config).map((problem) => ({
      severity: problem.severity,
      message: problem.message,
      where:
        problem.filterIndex === undefined
          ? null
          : `filter ${problem.filterIndex + 1}${problem.clauseIndex === undefined ? '' : `, clause ${problem.clauseIndex + 1}`}`,
    })),
  };
}
