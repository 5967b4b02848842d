/**
 * The default user mappings of a new non-gallery SCIM app (the `scim` job template), which the custom path
 * starts from.
 *
 * Two public lists exist and they differ:
 * - SCIM-DEV's "example of user attributes" table (Microsoft). It is labelled an example, has no expression for
 *   `active` ("IsSoftDeleted → active"), maps physicalDeliveryOfficeName to `addresses[type eq "other"].formatted`
 *   and proxyAddresses to `emails[type eq "other"].value`, and lacks preferredLanguage, name.formatted, city,
 *   state and country.
 * - What the portal shows on a new non-gallery app, as vendors' setup guides reproduce it row by row
 *   (3P-PORTAL-DEFAULTS), and as real Entra traffic confirms for the rows it shows (3P-LARAVEL:
 *   `addresses[type eq "work"].formatted`, the enterprise `department`).
 *
 * We follow the portal list: it is what Entra actually sends from an untouched app, which is what the admin who
 * follows Jostle's alternate approach gets. SCIM-DEV's two extra rows are kept as `SCIM_DEV_ONLY_ROWS` so the
 * CLI and docs can show the difference.
 */
import type { AttributeMapping, MappingConfig } from './model';
import { ENTERPRISE_USER_EXTENSION } from './entra-scim-targets';

const direct = (
  source: string,
  target: string,
  extra: { matchingPrecedence?: number } = {},
): AttributeMapping => ({ type: 'Direct', source, target, apply: 'Always', ...extra });
const expression = (text: string, target: string): AttributeMapping => ({
  type: 'Expression',
  expression: text,
  target,
  apply: 'Always',
});
const work = (sub: string) => `addresses[type eq "work"].${sub}`;

export const CUSTOM_DEFAULT_MAPPINGS: readonly AttributeMapping[] = [
  direct('userPrincipalName', 'userName', { matchingPrecedence: 1 }),
  expression('Switch([IsSoftDeleted], , "False", "True", "True", "False")', 'active'),
  direct('displayName', 'displayName'),
  direct('jobTitle', 'title'),
  direct('mail', 'emails[type eq "work"].value'),
  direct('preferredLanguage', 'preferredLanguage'),
  direct('givenName', 'name.givenName'),
  direct('surname', 'name.familyName'),
  expression('Join(" ", [givenName], [surname])', 'name.formatted'),
  direct('physicalDeliveryOfficeName', work('formatted')),
  direct('streetAddress', work('streetAddress')),
  direct('city', work('locality')),
  direct('state', work('region')),
  direct('postalCode', work('postalCode')),
  direct('country', work('country')),
  direct('telephoneNumber', 'phoneNumbers[type eq "work"].value'),
  direct('mobile', 'phoneNumbers[type eq "mobile"].value'),
  direct('facsimileTelephoneNumber', 'phoneNumbers[type eq "fax"].value'),
  direct('mailNickname', 'externalId'),
  direct('employeeId', `${ENTERPRISE_USER_EXTENSION}:employeeNumber`),
  direct('department', `${ENTERPRISE_USER_EXTENSION}:department`),
  direct('manager', `${ENTERPRISE_USER_EXTENSION}:manager`),
];

export const CUSTOM_DEFAULT_CONFIG: MappingConfig = { version: 1, mappings: [...CUSTOM_DEFAULT_MAPPINGS] };

/** Rows of SCIM-DEV's example table that the portal defaults do not have (shown, never applied). */
export const SCIM_DEV_ONLY_ROWS: readonly AttributeMapping[] = [
  direct('proxyAddresses', 'emails[type eq "other"].value'),
  direct('physicalDeliveryOfficeName', 'addresses[type eq "other"].formatted'),
];
