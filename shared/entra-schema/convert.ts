/**
 * One attribute mapping and one scoping clause, Graph's shape ↔ the assistant's. Each direction reports
 * what it could not carry over instead of dropping it (MAP for the mapping fields, SCOPE and GRAPH-FO for
 * the operators).
 */
import type { AttributeMapping } from '../mapping/model';
import {
  SCOPING_OPERATORS,
  UNARY_OPERATORS,
  type ScopingClause,
  type ScopingOperator,
} from '../scoping/model';
import type { GraphAttributeMapping, GraphFilterClause } from './graph-shapes';
import { textToTree, treeToText, treeWasRebuilt } from './expression-tree';

/** Something in the schema that the assistant cannot represent; it stays in the schema on export. */
export interface SchemaNote {
  /** Where, in the admin's terms: `mapping "title"`, `scoping filter 2, clause 1`, `object mapping`. */
  where: string;
  message: string;
}

const sourceKind = (mapping: GraphAttributeMapping) => (mapping.source?.type ?? 'Attribute').toLowerCase();

/** Graph → ours. Never fails: an odd value is imported as close as the model allows and noted. */
export function importAttributeMapping(graph: GraphAttributeMapping): {
  mapping: AttributeMapping;
  notes: SchemaNote[];
} {
  const where = `mapping "${graph.targetAttributeName}"`;
  const notes: SchemaNote[] = [];
  const flowType = graph.flowType ?? 'Always';
  let apply: AttributeMapping['apply'] = 'Always';
  if (flowType === 'ObjectAddOnly') apply = 'OnlyDuringCreation';
  else if (flowType !== 'Always')
    notes.push({
      where,
      message: `flow type ${flowType} has no "Apply this mapping" equivalent; tested here as Always, and kept as ${flowType} in the exported schema.`,
    });
  if (graph.flowBehavior && graph.flowBehavior !== 'FlowWhenChanged')
    notes.push({
      where,
      message: `flow behaviour ${graph.flowBehavior} is not modelled; kept in the exported schema.`,
    });
  if (graph.exportMissingReferences)
    notes.push({ where, message: 'exportMissingReferences is not modelled; kept in the exported schema.' });
  const common = {
    target: graph.targetAttributeName,
    apply,
    ...(graph.defaultValue ? { defaultValue: graph.defaultValue } : {}),
    ...(graph.matchingPriority && graph.matchingPriority > 0
      ? { matchingPrecedence: graph.matchingPriority }
      : {}),
  };
  const source = graph.source;
  if (!source) return { mapping: { type: 'None', ...common }, notes };
  const kind = sourceKind(graph);
  if (kind === 'attribute' && source.name)
    return { mapping: { type: 'Direct', source: source.name, ...common }, notes };
  if (kind === 'constant')
    return { mapping: { type: 'Constant', value: source.name ?? '', ...common }, notes };
  if (kind !== 'function')
    notes.push({ where, message: `source type ${source.type} is unknown; read as an expression.` });
  if (treeWasRebuilt(source))
    notes.push({
      where,
      message:
        'the source tree has no expression text; rebuilt from its parameters (argument order assumed).',
    });
  return { mapping: { type: 'Expression', expression: treeToText(source), ...common }, notes };
}

/** Ours → Graph, starting from the schema's own mapping for the target (if any) to keep what we don't model. */
export function exportAttributeMapping(
  mapping: AttributeMapping,
  base: GraphAttributeMapping | undefined,
): GraphAttributeMapping {
  const keptFlowType =
    base?.flowType &&
    base.flowType !== 'Always' &&
    base.flowType !== 'ObjectAddOnly' &&
    mapping.apply === 'Always'
      ? base.flowType
      : undefined;
  const source =
    mapping.type === 'None'
      ? null
      : mapping.type === 'Direct'
        ? { expression: `[${mapping.source}]`, name: mapping.source, parameters: [], type: 'Attribute' }
        : mapping.type === 'Constant'
          ? {
              expression: JSON.stringify(mapping.value),
              name: mapping.value,
              parameters: [],
              type: 'Constant',
            }
          : textToTree(mapping.expression);
  return {
    exportMissingReferences: false,
    flowBehavior: 'FlowWhenChanged',
    ...base,
    flowType: keptFlowType ?? (mapping.apply === 'OnlyDuringCreation' ? 'ObjectAddOnly' : 'Always'),
    matchingPriority: mapping.matchingPrecedence ?? 0,
    source,
    targetAttributeName: mapping.target,
    defaultValue: mapping.defaultValue ?? null,
  };
}

const normalize = (name: string) => name.trim().replace(/_/g, ' ').toUpperCase();

/** Graph's operatorName (GRAPH-FO spells them as the portal does; we also accept underscores). */
export function operatorFromGraph(name: string): ScopingOperator | undefined {
  return SCOPING_OPERATORS.find((operator) => normalize(operator) === normalize(name));
}

export function importClause(
  graph: GraphFilterClause,
  where: string,
): { clause: ScopingClause; notes: SchemaNote[] } | { clause: null; notes: SchemaNote[] } {
  const operator = operatorFromGraph(graph.operatorName);
  if (!operator)
    return {
      clause: null,
      notes: [
        {
          where,
          message: `operator ${graph.operatorName} is not one of Entra's scoping operators; not imported, so the filter tested here lets through users this clause would stop.`,
        },
      ],
    };
  const values = graph.targetOperand?.values ?? [];
  const notes: SchemaNote[] = [];
  if (values.length > 1)
    notes.push({
      where,
      message: `the clause has ${values.length} values (${values.join(', ')}); the assistant tests the first only.`,
    });
  const clause: ScopingClause = { attribute: graph.sourceOperandName, operator };
  if (!UNARY_OPERATORS.includes(operator)) clause.value = values[0] ?? '';
  return { clause, notes };
}

export function exportClause(clause: ScopingClause): GraphFilterClause {
  return {
    operatorName: clause.operator,
    sourceOperandName: clause.attribute,
    targetOperand: { values: UNARY_OPERATORS.includes(clause.operator) ? [] : [clause.value ?? ''] },
  };
}
