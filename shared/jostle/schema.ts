/**
 * Jostle's SCIM 2.0 user schema, as data.
 *
 * One definition serves the mock server (`/Schemas`), mapping validation, the probes and the export.
 * Sources: the Microsoft tutorial's attribute table (2025) and the newer attributes in its 2026 rendering.
 * Jostle does not publish wire names for the 2026 additions; we use RFC 7643 names where one exists
 * (displayName, externalId, title, nickName, userType, phoneNumbers) and camelCase extension attributes
 * for the rest. The live `/Schemas` of a tenant is authoritative; the probes compare against it.
 */

export const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const JOSTLE_USER_EXTENSION = 'urn:ietf:params:scim:schemas:extension:jostle:2.0:User';

export type ScimAttributeType = 'string' | 'boolean' | 'complex' | 'dateTime' | 'integer' | 'reference';

export interface ScimAttributeDefinition {
  name: string;
  type: ScimAttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  canonicalValues?: string[];
  subAttributes?: ScimAttributeDefinition[];
}

export interface ScimSchemaDefinition {
  id: string;
  name: string;
  description: string;
  attributes: ScimAttributeDefinition[];
}

function attr(
  name: string,
  description: string,
  overrides: Partial<Omit<ScimAttributeDefinition, 'name' | 'description'>> = {},
): ScimAttributeDefinition {
  return {
    name,
    type: 'string',
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...overrides,
  };
}

/** Email types Jostle accepts. Not RFC 7643's canonical set, so generic strict validators reject them. */
export const JOSTLE_EMAIL_TYPES = ['work', 'personal', 'alternate1', 'alternate2'] as const;
export const JOSTLE_PHONE_TYPES = [
  'workofficephone',
  'homephone',
  'workmobilephone',
  'personalmobilephone',
] as const;

function typedValueList(
  name: string,
  description: string,
  types: readonly string[],
): ScimAttributeDefinition {
  return attr(name, description, {
    type: 'complex',
    multiValued: true,
    subAttributes: [
      attr('value', `The ${name === 'emails' ? 'email address' : 'phone number'}.`),
      attr('type', 'Which kind of entry this is.', { canonicalValues: [...types] }),
      attr('primary', 'Whether this is the primary entry.', { type: 'boolean' }),
    ],
  });
}

export const coreUserSchema: ScimSchemaDefinition = {
  id: CORE_USER_SCHEMA,
  name: 'User',
  description: 'Jostle user account (the subset of the SCIM core User that Jostle accepts).',
  attributes: [
    attr('userName', 'Unique identifier of the user in Jostle; the only attribute Jostle can filter on.', {
      required: true,
      uniqueness: 'server',
    }),
    attr('name', 'The user’s name.', {
      type: 'complex',
      required: true,
      subAttributes: [
        attr('givenName', 'First name.', { required: true }),
        attr('familyName', 'Last name.', { required: true }),
      ],
    }),
    attr('displayName', 'Name shown in Jostle.'),
    attr('nickName', 'Preferred casual name.'),
    attr('title', 'Job title.'),
    attr('userType', 'Kind of user, for example Employee or Contractor.'),
    attr('active', 'Whether the account is active; false deactivates the user in Jostle.', {
      type: 'boolean',
    }),
    attr('externalId', 'Identifier of the user in the provisioning client.', { caseExact: true }),
    typedValueList('emails', 'Email addresses, one per type.', JOSTLE_EMAIL_TYPES),
    typedValueList('phoneNumbers', 'Phone numbers, one per type.', JOSTLE_PHONE_TYPES),
  ],
};

const extensionStrings: Array<[string, string]> = [
  ['alternateEmail1Label', 'Label shown for the alternate1 email.'],
  ['alternateEmail2Label', 'Label shown for the alternate2 email.'],
  ['birthDate', 'Birth date.'],
  ['joinDate', 'Date the user joined the organisation.'],
  ['customBadge', 'Custom badge.'],
  ['customFilterCategory', 'Custom filter category.'],
  ['customProfile', 'Custom profile field.'],
  ['locations', 'Locations the user belongs to.'],
  ['loginType', 'How the user signs in to Jostle.'],
  ['personalPronouns', 'Personal pronouns.'],
  ...(['1', '2'] as const).flatMap((n): Array<[string, string]> => [
    [`address${n}StreetAddress`, `Address ${n}: street.`],
    [`address${n}Locality`, `Address ${n}: city or locality.`],
    [`address${n}Region`, `Address ${n}: state or region.`],
    [`address${n}PostalCode`, `Address ${n}: postal code.`],
    [`address${n}Country`, `Address ${n}: country.`],
  ]),
];

export const jostleUserExtensionSchema: ScimSchemaDefinition = {
  id: JOSTLE_USER_EXTENSION,
  name: 'JostleUser',
  description: 'Jostle’s own user attributes.',
  attributes: extensionStrings.map(([name, description]) => attr(name, description)),
};

export const jostleSchemas: readonly ScimSchemaDefinition[] = [coreUserSchema, jostleUserExtensionSchema];

/** A target attribute as Entra's attribute-mapping screen names it. */
export interface JostleTargetAttribute {
  /** The path Entra writes, e.g. `emails[type eq "work"].value` or `urn:…:jostle:2.0:User:alternateEmail1Label`. */
  path: string;
  type: 'String' | 'Boolean';
  /** Only userName: Jostle answers filters on no other attribute. */
  filterable: boolean;
  /** In the Jostle gallery app's default mapping (the tutorial's table). */
  galleryDefault: boolean;
  description: string;
}

function target(
  path: string,
  description: string,
  extra: Partial<JostleTargetAttribute> = {},
): JostleTargetAttribute {
  return { path, type: 'String', filterable: false, galleryDefault: false, description, ...extra };
}

const ext = (name: string): string => `${JOSTLE_USER_EXTENSION}:${name}`;
const typed = (list: 'emails' | 'phoneNumbers', type: string): string => `${list}[type eq "${type}"].value`;

export const jostleTargetAttributes: readonly JostleTargetAttribute[] = [
  target('userName', 'Jostle user name; used to match users.', { filterable: true, galleryDefault: true }),
  target('active', 'Active or deactivated.', { type: 'Boolean', galleryDefault: true }),
  target('name.givenName', 'First name.', { galleryDefault: true }),
  target('name.familyName', 'Last name.', { galleryDefault: true }),
  ...JOSTLE_EMAIL_TYPES.map((type) =>
    target(typed('emails', type), `Email (${type}).`, { galleryDefault: true }),
  ),
  target(ext('alternateEmail1Label'), 'Label of the alternate1 email.', { galleryDefault: true }),
  target(ext('alternateEmail2Label'), 'Label of the alternate2 email.', { galleryDefault: true }),
  target('displayName', 'Name shown in Jostle.'),
  target('externalId', 'Identifier in Entra.'),
  target('title', 'Job title.'),
  target('nickName', 'Preferred casual name.'),
  target('userType', 'Kind of user.'),
  ...JOSTLE_PHONE_TYPES.map((type) => target(typed('phoneNumbers', type), `Phone (${type}).`)),
  ...extensionStrings
    .filter(([name]) => !name.startsWith('alternateEmail'))
    .map(([name, description]) => target(ext(name), description)),
];

/** Looks up a target attribute by path; attribute names compare case-insensitively as in SCIM. */
export function findTargetAttribute(path: string): JostleTargetAttribute | undefined {
  const wanted = path.trim().toLowerCase();
  return jostleTargetAttributes.find((candidate) => candidate.path.toLowerCase() === wanted);
}
