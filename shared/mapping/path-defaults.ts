/**
 * What each setup path starts from and how its mapping is checked. `defaultMappingFor` is the built-in part of
 * the baseline (an imported Entra schema, when there is one, takes precedence — issue 12).
 */
import type { AppPath } from '../app-path/app-path';
import { findSourceAttribute } from '../source-data/entra-attributes';
import { jostleTargetAttributes, type JostleTargetAttribute } from '../jostle/schema';
import { CUSTOM_DEFAULT_CONFIG } from './custom-defaults';
import { mappableTargets, REFERENCE_TARGETS } from './entra-scim-targets';
import { GALLERY_DEFAULT_CONFIG, GALLERY_DEFAULT_MAPPINGS } from './gallery-defaults';
import { jostleVerdictFor, mappingVerdicts, type VerdictOptions } from './jostle-verdict';
import { mappingConfigSchema, type AttributeMapping, type MappingConfig } from './model';
import {
  parseMappingConfig,
  validateMappingConfig,
  type MappingConfigParseResult,
  type MappingProblem,
} from './validate';

/** The default mappings Entra gives a new app on this path (a fresh copy each time). */
export function defaultMappingFor(appPath: AppPath): MappingConfig {
  const source = appPath === 'custom' ? CUSTOM_DEFAULT_CONFIG : GALLERY_DEFAULT_CONFIG;
  return { version: 1, mappings: source.mappings.map((mapping) => ({ ...mapping })) };
}

/** Targets a mapping may name on this path: Jostle's attributes, plus Entra's generic ones for a custom app. */
export function targetsForPath(
  appPath: AppPath,
  jostleTargets: readonly JostleTargetAttribute[] = jostleTargetAttributes,
): readonly JostleTargetAttribute[] {
  return appPath === 'custom' ? mappableTargets(jostleTargets) : jostleTargets;
}

export interface PathValidationOptions extends VerdictOptions {
  targets?: readonly JostleTargetAttribute[];
}

const isReferenceRow = (mapping: AttributeMapping | undefined) =>
  mapping?.type === 'Direct' &&
  findSourceAttribute(mapping.source)?.type === 'Reference' &&
  REFERENCE_TARGETS.has(mapping.target.trim().toLowerCase());

/** The one-line flag shown beside a row Jostle cannot take. */
export function verdictMessage(mapping: AttributeMapping, options: VerdictOptions = {}): string | undefined {
  const row = jostleVerdictFor(mapping.target, options);
  if (row.kind === 'accepted') return undefined;
  const fix =
    row.fix?.kind === 'retarget' ? `Fix: map it to Jostle’s ${row.fix.target}.` : 'Fix: remove the row.';
  return `${row.jostle} ${row.entra} ${fix}`;
}

/**
 * Validation on a path. The gallery path is the plain check against Jostle's attributes. A custom app can map
 * Entra's generic SCIM attributes too (its attribute list is Entra's, not Jostle's), so those are not errors;
 * each row Jostle cannot take comes back as a warning carrying Jostle's verdict and the fix. A reference source
 * (manager) into the enterprise manager attribute is how Entra's default does it, so it is not a type error.
 */
export function validateForPath(
  config: MappingConfig,
  appPath: AppPath,
  options: PathValidationOptions = {},
): MappingProblem[] {
  const targets = targetsForPath(appPath, options.targets);
  const problems = validateMappingConfig(config, { targets });
  if (appPath === 'gallery') return problems;
  const kept = problems.filter(
    (problem) =>
      !(
        problem.mappingIndex !== undefined &&
        problem.severity === 'error' &&
        isReferenceRow(config.mappings[problem.mappingIndex]) &&
        /reference to another object/.test(problem.message)
      ),
  );
  const flagged: MappingProblem[] = mappingVerdicts(config.mappings, options)
    .filter((row) => row.kind !== 'accepted')
    .map((row) => ({
      severity: 'warning',
      message: verdictMessage(config.mappings[row.mappingIndex]!, options) ?? '',
      mappingIndex: row.mappingIndex,
    }));
  return [...kept, ...flagged].sort((a, b) => (a.mappingIndex ?? -1) - (b.mappingIndex ?? -1));
}

/**
 * "Make it like the gallery app": the gallery template's rows, plus the admin's rows for other attributes
 * Jostle lists (the gallery app can map those too); every row Jostle cannot take is dropped.
 */
export function toGalleryEquivalent(config: MappingConfig, options: VerdictOptions = {}): MappingConfig {
  const galleryTargets = new Set(GALLERY_DEFAULT_MAPPINGS.map((mapping) => mapping.target.toLowerCase()));
  const extras = config.mappings.filter(
    (mapping) =>
      !galleryTargets.has(mapping.target.trim().toLowerCase()) &&
      jostleVerdictFor(mapping.target, options).kind === 'accepted',
  );
  return {
    version: 1,
    mappings: [
      ...GALLERY_DEFAULT_MAPPINGS.map((mapping) => ({ ...mapping })),
      ...extras.map((m) => ({ ...m })),
    ],
  };
}

/** Reads untrusted mapping JSON for a path: zod shape first, then validateForPath; errors make it unusable. */
export function parseMappingForPath(
  json: unknown,
  appPath: AppPath,
  options: PathValidationOptions = {},
): MappingConfigParseResult {
  const shaped = mappingConfigSchema.safeParse(json);
  if (!shaped.success) return parseMappingConfig(json);
  const problems = validateForPath(shaped.data, appPath, options);
  return problems.some((problem) => problem.severity === 'error')
    ? { ok: false, problems }
    : { ok: true, config: shaped.data, problems };
}
