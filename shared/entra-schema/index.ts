export { importSynchronizationSchema } from './import';
export type {
  ImportedSchema,
  SchemaImportErrorCode,
  SchemaImportResult,
  TargetObjectActions,
} from './import';
export { exportSynchronizationSchema, SchemaExportError, schemasEquivalent } from './export';
export type { SchemaExportInput, SchemaExportResult } from './export';
export { compareFilters, compareMappings, describeMapping } from './compare';
export type { ClauseComparison, ComparisonStatus, MappingComparison } from './compare';
export { textToTree, treeToText } from './expression-tree';
export { operatorFromGraph } from './convert';
export type { SchemaNote } from './convert';
export { graphSynchronizationSchemaSchema } from './graph-shapes';
export type { GraphObjectMapping, GraphSynchronizationSchema, MappingSourceTree } from './graph-shapes';
export type { ObjectMappingLocation } from './locate';
