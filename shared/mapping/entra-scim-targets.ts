/**
 * Target attributes on the Entra side of a non-gallery SCIM app: the generic SCIM attribute list the `scim` job
 * template starts with (Entra does not read `/Schemas` for non-gallery apps, SCIM-DEV), limited to the ones its
 * default mappings and SCIM-DEV's example table use. Entra sends a value for any of them whether or not Jostle
 * lists it, so the preview and the dry run must be able to build them; whether Jostle accepts each one is
 * jostle-verdict.ts's job.
 */
import { jostleTargetAttributes, type JostleTargetAttribute } from '../jostle/schema';

export const ENTERPRISE_USER_EXTENSION = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const generic = (path: string, description: string): JostleTargetAttribute => ({
  path,
  type: 'String',
  filterable: false,
  galleryDefault: false,
  description,
});
const enterprise = (name: string) => `${ENTERPRISE_USER_EXTENSION}:${name}`;

export const ENTRA_GENERIC_TARGETS: readonly JostleTargetAttribute[] = [
  generic('preferredLanguage', 'Preferred language (SCIM core).'),
  generic('name.formatted', 'Full name (SCIM core).'),
  ...(['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'] as const).map((sub) =>
    generic(`addresses[type eq "work"].${sub}`, `Work address: ${sub} (SCIM core).`),
  ),
  generic('addresses[type eq "other"].formatted', 'Other address (SCIM core; SCIM-DEV table).'),
  generic('phoneNumbers[type eq "work"].value', 'Work phone (SCIM core type "work").'),
  generic('phoneNumbers[type eq "mobile"].value', 'Mobile phone (SCIM core type "mobile").'),
  generic('phoneNumbers[type eq "fax"].value', 'Fax (SCIM core type "fax").'),
  generic('emails[type eq "other"].value', 'Other email (SCIM core; SCIM-DEV table).'),
  generic(enterprise('employeeNumber'), 'Employee number (enterprise extension).'),
  generic(enterprise('department'), 'Department (enterprise extension).'),
  generic(enterprise('manager'), 'Manager, a reference to another user (enterprise extension).'),
];

/** Paths whose Entra source is a reference to another object (Entra resolves it to the target's id). */
export const REFERENCE_TARGETS: ReadonlySet<string> = new Set([enterprise('manager').toLowerCase()]);

/**
 * Every target a mapping can name on either path: Jostle's attributes first (so userName keeps its
 * filterable flag), then the generic ones Jostle does not list.
 */
export function mappableTargets(
  jostleTargets: readonly JostleTargetAttribute[] = jostleTargetAttributes,
): JostleTargetAttribute[] {
  const known = new Set(jostleTargets.map((target) => target.path.toLowerCase()));
  return [
    ...jostleTargets,
    ...ENTRA_GENERIC_TARGETS.filter((target) => !known.has(target.path.toLowerCase())),
  ];
}

export const MAPPABLE_TARGETS: readonly JostleTargetAttribute[] = mappableTargets();
