/**
 * Source attributes of a Microsoft Entra user as the provisioning service names them (the names used in
 * `[brackets]` in expressions and in scoping filters), with what Entra allows for each.
 */

export type SourceAttributeType = 'String' | 'Boolean' | 'DateTime' | 'Reference' | 'Integer';

export interface SourceAttribute {
  name: string;
  type: SourceAttributeType;
  multiValued: boolean;
  /** Why a scoping filter cannot use it, or undefined when it can. */
  notScopable?: string;
  /** Why an attribute mapping cannot use it as a source, or undefined when it can. */
  notMappable?: string;
}

const NOT_SCOPABLE_KNOWN = 'Entra does not support scoping filters on this attribute (known issues page)';
const NOT_SCOPABLE_MULTI = 'Entra does not support scoping filters on multi-valued attributes';
const NOT_SCOPABLE_DATE = 'Entra does not support scoping filters on date attributes';

const str = (name: string): SourceAttribute => ({ name, type: 'String', multiValued: false });
const multi = (name: string): SourceAttribute => ({
  name,
  type: 'String',
  multiValued: true,
  notScopable: NOT_SCOPABLE_MULTI,
});
const date = (name: string): SourceAttribute => ({
  name,
  type: 'DateTime',
  multiValued: false,
  notScopable: NOT_SCOPABLE_DATE,
});

export const ENTRA_USER_ATTRIBUTES: readonly SourceAttribute[] = [
  { name: 'accountEnabled', type: 'Boolean', multiValued: false },
  { name: 'IsSoftDeleted', type: 'Boolean', multiValued: false },
  {
    name: 'appRoleAssignments',
    type: 'String',
    multiValued: true,
    notScopable: NOT_SCOPABLE_KNOWN,
  },
  str('city'),
  str('companyName'),
  str('country'),
  date('createdDateTime'),
  str('department'),
  str('displayName'),
  str('employeeId'),
  date('employeeHireDate'),
  date('employeeLeaveDateTime'),
  str('employeeOrgData.costCenter'),
  str('employeeOrgData.division'),
  str('employeeType'),
  ...Array.from({ length: 15 }, (_, index) => str(`extensionAttribute${index + 1}`)),
  str('facsimileTelephoneNumber'),
  str('givenName'),
  str('jobTitle'),
  str('mail'),
  str('mailNickname'),
  { name: 'manager', type: 'Reference', multiValued: false, notScopable: NOT_SCOPABLE_KNOWN },
  str('mobile'),
  str('objectId'),
  str('onPremisesDistinguishedName'),
  str('onPremisesDomainName'),
  str('onPremisesImmutableId'),
  str('onPremisesSamAccountName'),
  str('onPremisesUserPrincipalName'),
  multi('otherMails'),
  str('physicalDeliveryOfficeName'),
  str('postalCode'),
  str('preferredLanguage'),
  multi('proxyAddresses'),
  str('state'),
  str('streetAddress'),
  str('surname'),
  str('telephoneNumber'),
  str('usageLocation'),
  str('userPrincipalName'),
  // HOW (B2B note): a guest's full UPN with #EXT#, where [userPrincipalName] gives alias@theirdomain.
  str('originalUserPrincipalName'),
  {
    name: 'userType',
    type: 'String',
    multiValued: false,
    notScopable: NOT_SCOPABLE_KNOWN,
    notMappable:
      "userType isn't available as a source attribute in Entra's attribute mappings unless the source schema is extended (known issues page)",
  },
  // Columns of the "Download users" export that are not provisioning source attributes in their own right.
  str('alternateEmailAddress'),
  str('authenticationEmail'),
  str('authenticationAlternativePhoneNumber'),
  str('ageGroup'),
  str('consentProvidedForMinor'),
  str('legalAgeGroupClassification'),
];

const byLowerName = new Map(
  ENTRA_USER_ATTRIBUTES.map((attribute) => [attribute.name.toLowerCase(), attribute]),
);

/** Directory extension attributes registered by an app: `extension_<appId without dashes>_<name>`. */
const DIRECTORY_EXTENSION = /^extension_[0-9a-f]{32}_[A-Za-z0-9_]+$/i;

/**
 * Looks an attribute up regardless of case. Returns the catalogue entry (with its canonical spelling),
 * a single-valued String entry for directory extensions, or undefined.
 */
export function findSourceAttribute(name: string): SourceAttribute | undefined {
  const known = byLowerName.get(name.toLowerCase());
  if (known) return known;
  if (DIRECTORY_EXTENSION.test(name)) return { name, type: 'String', multiValued: false };
  return undefined;
}
