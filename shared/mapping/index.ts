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
