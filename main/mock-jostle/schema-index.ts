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

/** Each sub-attribute list by lower-cased name, built once per list (PATCH copies a definition, not its list). */
const subAttributeIndex = new WeakMap<
  readonly ScimAttributeDefinition[],
  ReadonlyMap<string, ScimAttributeDefinition>
>();

export function findSubAttribute(
  parent: ScimAttributeDefinition,
  name: string,
): ScimAttributeDefinition | undefined {
  const subs = parent.subAttributes;
  if (!subs) return undefined;
  let index = subAttributeIndex.get(subs);
  if (!index) {
    const built = new Map<string, ScimAttributeDefinition>();
    // The first of two names equal but for case wins, as a search from the start would find it.
    for (const sub of subs) if (!built.has(sub.name.toLowerCase())) built.set(sub.name.toLowerCase(), sub);
    index = built;
    subAttributeIndex.set(subs, index);
  }
  return index.get(name.toLowerCase());
}

/** Attributes whose absence Jostle rejects (its documented minimum), as dotted paths. */
export const REQUIRED_PATHS = ['userName', 'name.givenName', 'name.familyName'] as const;
