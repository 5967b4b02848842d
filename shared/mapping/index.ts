export { attributeMappingSchema, mappingConfigSchema } from './model';
export type { AttributeMapping, MappingConfig, MappingType } from './model';
export { GALLERY_DEFAULT_CONFIG, GALLERY_DEFAULT_MAPPINGS, SUGGESTED_SOURCES } from './gallery-defaults';
export {
  findTarget,
  matchingAttributeOf,
  parseMappingConfig,
  REQUIRED_TARGETS,
  validateMappingConfig,
} from './validate';
export type { MappingConfigParseResult, MappingProblem, MappingValidationOptions } from './validate';
export { buildCreateRequest, compileMapping } from './build-user';
export type {
  BuildNotes,
  BuildOptions,
  BuildResult,
  CompileOptions,
  CompiledMapping,
  MappingFailure,
} from './build-user';
export { diffScimResources, PATCH_OP_SCHEMA, toPatchRequest } from './diff';
export type { AttributeChange, PatchDialect, PatchRequest } from './diff';
export { flattenScimResource, getScimValue, parsePath, setScimValue } from './scim-paths';
export type { ParsedPath, ScimResource, ScimScalar } from './scim-paths';
export { describeBuildNotes, runPreview } from './preview';
export type { PreviewInput, PreviewResult, PreviewRow, PreviewSummary } from './preview';
export {
  describeMappingSource,
  galleryDefaultFor,
  galleryDifference,
  removedGalleryMappings,
  sameMapping,
} from './gallery-diff';
export type { GalleryDifference } from './gallery-diff';
export { CUSTOM_DEFAULT_CONFIG, CUSTOM_DEFAULT_MAPPINGS, SCIM_DEV_ONLY_ROWS } from './custom-defaults';
export {
  ENTERPRISE_USER_EXTENSION,
  ENTRA_GENERIC_TARGETS,
  MAPPABLE_TARGETS,
  mappableTargets,
} from './entra-scim-targets';
export {
  applyAllFixes,
  applyFix,
  JOSTLE_COUNTERPARTS,
  jostleVerdictFor,
  mappingVerdicts,
} from './jostle-verdict';
export type { JostleVerdict, MappingFix, RowVerdict, SchemaSource, VerdictKind } from './jostle-verdict';
export {
  defaultMappingFor,
  parseMappingForPath,
  targetsForPath,
  toGalleryEquivalent,
  validateForPath,
  verdictMessage,
} from './path-defaults';
export { portalChanges } from './path-changes';
export type { PortalChange } from './path-changes';
export { ASSUMED_GALLERY_TARGETS, isAssumedDefault, mappingBaseline } from './baseline';
export type { BaselineSource, MappingBaseline } from './baseline';
