/**
 * The Jostle gallery app's default mappings: the ten targets of the tutorial's table. The tutorial lists
 * targets only; the sources below are our choices, made to behave well on real directories:
 *
 * - userName ← userPrincipalName, matching precedence 1 (Jostle filters on userName only).
 * - active ← Switch([IsSoftDeleted], , "False", "True", "True", "False"), the usual Entra default.
 * - name.givenName ← givenName, name.familyName ← surname.
 * - work email ← mail. Entra users have no "personal" mail attribute; otherMails (the user's alternate
 *   email addresses) is the closest, so personal/alternate1/alternate2 take its 1st/2nd/3rd entries, and
 *   each is simply not sent when the user has fewer.
 * - The two labels are sent only when the matching alternate email exists (IgnoreFlowIfNullOrEmpty
 *   around a Switch whose "" key catches the missing value, the pattern Microsoft recommends).
 */
import type { AttributeMapping, MappingConfig } from './model';
import { JOSTLE_USER_EXTENSION } from '../jostle/schema';

const label = (item: number, text: string): string =>
  `IgnoreFlowIfNullOrEmpty(Switch(Item([otherMails], ${item}), "${text}", "", ""))`;

export const GALLERY_DEFAULT_MAPPINGS: readonly AttributeMapping[] = [
  { type: 'Direct', source: 'userPrincipalName', target: 'userName', apply: 'Always', matchingPrecedence: 1 },
  {
    type: 'Expression',
    expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    target: 'active',
    apply: 'Always',
  },
  { type: 'Direct', source: 'givenName', target: 'name.givenName', apply: 'Always' },
  { type: 'Direct', source: 'surname', target: 'name.familyName', apply: 'Always' },
  { type: 'Direct', source: 'mail', target: 'emails[type eq "work"].value', apply: 'Always' },
  {
    type: 'Expression',
    expression: 'Item([otherMails], 1)',
    target: 'emails[type eq "personal"].value',
    apply: 'Always',
  },
  {
    type: 'Expression',
    expression: 'Item([otherMails], 2)',
    target: 'emails[type eq "alternate1"].value',
    apply: 'Always',
  },
  {
    type: 'Expression',
    expression: 'Item([otherMails], 3)',
    target: 'emails[type eq "alternate2"].value',
    apply: 'Always',
  },
  {
    type: 'Expression',
    expression: label(2, 'Other email'),
    target: `${JOSTLE_USER_EXTENSION}:alternateEmail1Label`,
    apply: 'Always',
  },
  {
    type: 'Expression',
    expression: label(3, 'Other email 2'),
    target: `${JOSTLE_USER_EXTENSION}:alternateEmail2Label`,
    apply: 'Always',
  },
];

export const GALLERY_DEFAULT_CONFIG: MappingConfig = { version: 1, mappings: [...GALLERY_DEFAULT_MAPPINGS] };

/**
 * Suggested sources for the newer Jostle attributes, offered when the admin adds one. Keyed by target
 * path; targets without an obvious Entra source are absent.
 */
export const SUGGESTED_SOURCES: Readonly<Record<string, string>> = {
  displayName: 'displayName',
  externalId: 'objectId',
  title: 'jobTitle',
  userType: 'employeeType',
  'phoneNumbers[type eq "workofficephone"].value': 'telephoneNumber',
  'phoneNumbers[type eq "workmobilephone"].value': 'mobile',
  [`${JOSTLE_USER_EXTENSION}:address1StreetAddress`]: 'streetAddress',
  [`${JOSTLE_USER_EXTENSION}:address1Locality`]: 'city',
  [`${JOSTLE_USER_EXTENSION}:address1Region`]: 'state',
  [`${JOSTLE_USER_EXTENSION}:address1PostalCode`]: 'postalCode',
  [`${JOSTLE_USER_EXTENSION}:address1Country`]: 'country',
  [`${JOSTLE_USER_EXTENSION}:locations`]: 'physicalDeliveryOfficeName',
  [`${JOSTLE_USER_EXTENSION}:joinDate`]: 'employeeHireDate',
};
