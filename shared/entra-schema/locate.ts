/**
 * Finds the object mapping that provisions Entra users to Jostle in a synchronization schema, and says
 * specifically why a document is not one (another app's schema, an inbound HR schema, no user mapping).
 */
import { CORE_USER_SCHEMA, JOSTLE_USER_EXTENSION } from '../jostle/schema';
import type { GraphObjectMapping, GraphSynchronizationSchema } from './graph-shapes';

/** Where the Jostle user mapping sits in the document; the export writes back to the same place. */
export interface ObjectMappingLocation {
  ruleIndex: number;
  objectMappingIndex: number;
}

export type LocateResult =
  | { ok: true; location: ObjectMappingLocation; objectMapping: GraphObjectMapping; others: string[] }
  | { ok: false; code: 'inbound' | 'no-user-mapping' | 'foreign-app'; message: string };

/** The source directory of Entra's outbound rules: "Azure Active Directory" in Graph's examples. */
const ENTRA_DIRECTORY = /^(azure active directory|microsoft entra id|aad)$/i;
const ENTERPRISE_EXTENSION = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const KNOWN_URNS = [CORE_USER_SCHEMA, ENTERPRISE_EXTENSION, JOSTLE_USER_EXTENSION].map((urn) =>
  urn.toLowerCase(),
);

const isUser = (name: string | null | undefined) => (name ?? '').toLowerCase() === 'user';

/** SCIM targets: `userName`, `emails[type eq "work"].value`, or a URN-qualified attribute. */
function foreignTargets(mapping: GraphObjectMapping): { notScim: boolean; foreignUrns: string[] } {
  const targets = mapping.attributeMappings.map((attribute) => attribute.targetAttributeName);
  const notScim = !targets.some((target) => target === 'userName');
  const foreignUrns = new Set<string>();
  for (const target of targets) {
    const urn = /^(urn:[^:]+(?::[^:]+)*?:User):/i.exec(target)?.[1];
    if (urn && !KNOWN_URNS.includes(urn.toLowerCase())) foreignUrns.add(urn);
  }
  return { notScim, foreignUrns: [...foreignUrns] };
}

export function locateJostleUserMapping(schema: GraphSynchronizationSchema): LocateResult {
  const rules = schema.synchronizationRules;
  const outbound = rules
    .map((rule, ruleIndex) => ({ rule, ruleIndex }))
    .filter(({ rule }) => ENTRA_DIRECTORY.test((rule.sourceDirectoryName ?? '').trim()));
  if (outbound.length === 0) {
    const rule = rules[0];
    const from = rule?.sourceDirectoryName ?? 'an unnamed directory';
    const to = rule?.targetDirectoryName ?? 'an unnamed directory';
    return {
      ok: false,
      code: 'inbound',
      message:
        rules.length === 0
          ? 'The schema has no synchronization rules, so there is nothing to import.'
          : `This schema provisions from ${from} to ${to}: it is not the Jostle app's schema, which provisions from Microsoft Entra ID (“Azure Active Directory”) to Jostle. Copy the schema of the Jostle enterprise app instead.`,
    };
  }
  const candidates = outbound.flatMap(({ rule, ruleIndex }) =>
    (rule.objectMappings ?? []).flatMap((objectMapping, objectMappingIndex) =>
      isUser(objectMapping.sourceObjectName) && isUser(objectMapping.targetObjectName)
        ? [{ ruleIndex, objectMappingIndex, objectMapping, target: rule.targetDirectoryName ?? '' }]
        : [],
    ),
  );
  if (candidates.length === 0)
    return {
      ok: false,
      code: 'no-user-mapping',
      message:
        'The schema has no object mapping from Entra users (User) to target users (User), so it holds no user attribute mappings to import.',
    };
  // An app can carry a disabled user mapping next to the live one; the enabled one is what Entra runs.
  const chosen = candidates.find((candidate) => candidate.objectMapping.enabled !== false) ?? candidates[0]!;
  const { notScim, foreignUrns } = foreignTargets(chosen.objectMapping);
  if (notScim) {
    const sample = chosen.objectMapping.attributeMappings
      .slice(0, 3)
      .map((attribute) => attribute.targetAttributeName)
      .join(', ');
    return {
      ok: false,
      code: 'foreign-app',
      message: `This schema maps users to ${chosen.target || 'another directory'} attributes (${sample} …), not to SCIM's userName: it belongs to another app, not to Jostle.`,
    };
  }
  if (foreignUrns.length > 0)
    return {
      ok: false,
      code: 'foreign-app',
      message: `This schema maps to ${foreignUrns.join(', ')}, a SCIM extension Jostle does not have: it belongs to another app's provisioning.`,
    };
  const others = candidates
    .filter((candidate) => candidate !== chosen)
    .map((candidate) => candidate.objectMapping.name ?? `object mapping ${candidate.objectMappingIndex + 1}`);
  return {
    ok: true,
    location: { ruleIndex: chosen.ruleIndex, objectMappingIndex: chosen.objectMappingIndex },
    objectMapping: chosen.objectMapping,
    others,
  };
}
