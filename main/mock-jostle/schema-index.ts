import {
  CORE_USER_SCHEMA,
  JOSTLE_USER_EXTENSION,
  coreUserSchema,
  jostleUserExtensionSchema,
  type ScimAttributeDefinition,
} from '../../shared/jostle/schema';

/**
 * Case-insensitive lookups over the shared Jostle schema (SCIM attribute names are case-insensitive,
 * RFC 7643 §2.1). Everything the mock accepts or rejects is derived from `shared/jostle/schema.ts`.
 */

function byLowerName(attributes: readonly ScimAttributeDefinition[]): Map<string, ScimAttributeDefinition> {
  return new Map(attributes.map((attribute) => [attribute.name.toLowerCase(), attribute]));
}

export const coreAttributes = byLowerName(coreUserSchema.attributes);
export const extensionAttributes = byLowerName(jostleUserExtensionSchema.attributes);

export const CORE_PREFIX_LOWER = `${CORE_USER_SCHEMA.toLowerCase()}:`;
export const EXTENSION_LOWER = JOSTLE_USER_EXTENSION.toLowerCase();
export const EXTENSION_PREFIX_LOWER = `${EXTENSION_LOWER}:`;

export function findSubAttribute(
  parent: ScimAttributeDefinition,
  name: string,
): ScimAttributeDefinition | undefined {
  const wanted = name.toLowerCase();
  return parent.subAttributes?.find((sub) => sub.name.toLowerCase() === wanted);
}

/** Attributes whose absence Jostle rejects (its documented minimum), as dotted paths. */
export const REQUIRED_PATHS = ['userName', 'name.givenName', 'name.familyName'] as const;
