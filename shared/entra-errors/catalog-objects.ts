/**
 * Codes Entra logs against one user: conflicts, matching, values Jostle rejects, mapping mistakes, throttling.
 * Written from Microsoft's provisioning-log error table, restated for Jostle (users only; `userName` is the
 * only attribute Jostle can filter on, so it is the only workable matching attribute).
 */
import type { EntraErrorEntry } from './model';
import {
  ENTRA_GROUP_MAPPING,
  ENTRA_PROVISIONING,
  ENTRA_USER_MAPPING,
  JOSTLE_MANAGE_PROVISIONING,
} from './paths';

const ON_DEMAND = 'then run **Provision on demand** for that user to confirm';

export const OBJECT_ERRORS: readonly EntraErrorEntry[] = [
  {
    code: 'Conflict',
    aliases: ['EntryConflict'],
    httpStatuses: [409],
    title: 'A Jostle user already has this value',
    likelyCause:
      'Entra tried to create the user, but Jostle already has someone with the same `userName` (or another unique value) that Entra did not match: a person added by hand or invited before provisioning, or a matching attribute fed from a different Entra attribute than the one Jostle holds.',
    fix: `In ${ENTRA_USER_MAPPING} make \`userName\` the matching attribute and feed it the value the existing Jostle users carry (often their email or UPN); or correct the clashing value in Jostle or Entra; ${ON_DEMAND}.`,
    category: 'conflict',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'DuplicateTargetEntries',
    title: 'More than one Jostle user matched',
    likelyCause:
      'Searching Jostle with the matching attribute returned several users, so Entra cannot tell which one to update.',
    fix: `Remove or rename the duplicate in Jostle, and keep \`userName\` as the only matching attribute in ${ENTRA_USER_MAPPING}; ${ON_DEMAND}.`,
    category: 'matching',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'DuplicateSourceEntries',
    title: 'More than one Entra user has the same matching value',
    likelyCause:
      'Two or more Entra users produce the same value for `userName`, so Entra will not guess which one owns the Jostle account.',
    fix: `Make the value unique on the Entra users, or feed \`userName\` from a unique attribute such as \`userPrincipalName\` in ${ENTRA_USER_MAPPING}.`,
    category: 'matching',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'InvalidAnchor',
    title: 'The Jostle user Entra was managing no longer exists',
    likelyCause:
      'Entra remembers the Jostle ID of every user it created or matched; this one was deleted in Jostle (or replaced), so updates to that ID fail.',
    fix: `If the person should be in Jostle, select **Restart provisioning** on ${ENTRA_PROVISIONING} so Entra matches everyone again (a full initial cycle; it takes a while). If they should not, remove their assignment to the Jostle app.`,
    category: 'matching',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'TooManyRequests',
    httpStatuses: [429],
    title: 'Jostle asked Entra to slow down',
    likelyCause:
      'Jostle rate-limited the provisioning requests, usually during the initial cycle or after a large assignment change. Jostle does not publish its limits.',
    fix: `Nothing for occasional events: Entra retries them. If they continue over several cycles they build up toward quarantine: assign users in smaller batches and tell Jostle Support (support@jostle.me) the times shown here.`,
    category: 'throttling',
    retriedAutomatically: true,
    quarantineSignal: true,
  },
  {
    code: 'InternalServerError',
    httpStatuses: [500, 502, 503],
    title: 'Jostle returned a server error',
    likelyCause: "A fault or outage in Jostle's API while handling this user.",
    fix: `Nothing at first: Entra retries in about 40 minutes. If the same user keeps failing, send the change ID and time from this summary to Jostle Support (support@jostle.me).`,
    category: 'target-unavailable',
    retriedAutomatically: true,
    quarantineSignal: false,
  },
  {
    code: 'Timeout',
    httpStatuses: [504],
    title: 'Jostle took too long to answer',
    likelyCause: 'Jostle did not respond in time, typically under load during a large cycle.',
    fix: 'Nothing for occasional events: Entra retries in about 40 minutes. If most events time out, tell Jostle Support (support@jostle.me) the times shown here.',
    category: 'target-unavailable',
    retriedAutomatically: true,
    quarantineSignal: false,
  },
  {
    // 3P-1PW: a real Entra log writes a 400 on create as SystemForCrossDomainIdentityManagementBadRequest. It is a
    // per-user rejection, not a Tenant URL problem or a quarantine signal.
    code: 'SystemForCrossDomainIdentityManagementBadRequest',
    aliases: ['BadRequest', 'InvalidValue', 'invalidValue', 'InvalidSyntax', 'invalidSyntax'],
    httpStatuses: [400],
    title: 'Jostle rejected a value for this user',
    likelyCause:
      'A mapped value is not acceptable to Jostle: a malformed or duplicate email, a value that is too long, an empty required name, or an attribute Jostle does not offer.',
    fix: `Open the event's **Modified Properties** tab to see the values sent, correct the Entra user or the mapping expression in ${ENTRA_USER_MAPPING}; ${ON_DEMAND}.`,
    category: 'rejected-value',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'UnprocessableEntity',
    httpStatuses: [422],
    title: 'Jostle understood the request but would not apply it',
    likelyCause:
      'The request was well formed but breaks a Jostle rule, for example a required field such as first or last name left empty, or a value in a format Jostle does not accept.',
    fix: `Check the reason text and the **Modified Properties** tab, then fix the source value in Entra or the mapping in ${ENTRA_USER_MAPPING}; ${ON_DEMAND}.`,
    category: 'rejected-value',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'NotImplemented',
    httpStatuses: [501],
    title: 'Jostle does not support this request',
    likelyCause:
      'Entra asked for something Jostle has not implemented: group provisioning, or an update to an attribute Jostle does not list.',
    fix: `Turn off ${ENTRA_GROUP_MAPPING} and delete mappings to attributes Jostle does not list in ${ENTRA_USER_MAPPING}.`,
    category: 'scim-compatibility',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
    title: "Entra could not read Jostle's answer",
    likelyCause:
      'The response was not SCIM JSON: the **Tenant URL** points at the Jostle intranet instead of the API Base URL, or a proxy replaced the answer with its own page.',
    fix: `Paste **Your Base URL** from ${JOSTLE_MANAGE_PROVISIONING} into **Tenant URL** unchanged and select **Test Connection**. If it persists, send the change ID to Jostle Support (support@jostle.me).`,
    category: 'scim-compatibility',
    retriedAutomatically: false,
    quarantineSignal: true,
  },
  {
    code: 'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse',
    title: 'Jostle returned several results where Entra expected one',
    likelyCause:
      'Usually group provisioning, which Jostle does not support; for users, Jostle answered a lookup with more than one user.',
    fix: `Turn off ${ENTRA_GROUP_MAPPING}. If it happens for users, keep \`userName\` as the only matching attribute and send the change ID to Jostle Support (support@jostle.me).`,
    category: 'scim-compatibility',
    retriedAutomatically: false,
    quarantineSignal: true,
  },
  {
    code: 'MandatoryFieldsMissing',
    aliases: ['MissingValues'],
    title: 'A required value is empty',
    likelyCause:
      'The user could not be created because a value Jostle needs is blank in Entra, typically first name, last name or the value feeding `userName`.',
    fix: `Fill in the value on the Entra user, or give the mapping a default value in ${ENTRA_USER_MAPPING}; ${ON_DEMAND}.`,
    category: 'attribute-mapping',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'SchemaAttributeNotFound',
    title: 'A mapping targets an attribute Jostle does not have',
    likelyCause:
      "An attribute mapping writes to a Jostle attribute that is not in Jostle's schema, such as a leftover gallery default or a mistyped extension attribute.",
    fix: `Delete or correct that row in ${ENTRA_USER_MAPPING} so it targets an attribute from Jostle's list, then **Save**.`,
    category: 'attribute-mapping',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'SchemaPropertyCanOnlyAcceptValue',
    title: 'A list of values was mapped to a single-value Jostle attribute',
    likelyCause: 'The Entra source attribute holds several values, but the Jostle attribute takes one.',
    fix: `Map a single-valued source, or reduce it to one value with an expression (for example \`Item()\` or \`Join()\`) in ${ENTRA_USER_MAPPING}.`,
    category: 'attribute-mapping',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'InvalidDomain',
    title: 'A value contains a domain Jostle does not accept',
    likelyCause:
      'An email or user name uses a domain that is invalid or not permitted for your Jostle intranet.',
    fix: 'Change the domain on the Entra user, or ask your Jostle administrator to permit it; then run **Provision on demand**.',
    category: 'rejected-value',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'LicenseLimitExceeded',
    title: 'No Jostle licence left for this user',
    likelyCause: 'Your Jostle subscription has no room for more active users.',
    fix: 'Remove assignments for people who should not be in Jostle, or ask your Jostle Customer Success Manager (success@jostle.me) for more licences.',
    category: 'rejected-value',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'SpecialCharactersInMatchingValue',
    title: 'The matching value has a character Entra cannot filter on (dry-run code)',
    likelyCause:
      "This code is the assistant's own, from a dry run: the value Entra would look the user up by contains a double quote, a backslash or a control character. Microsoft says Entra cannot filter on values with special characters and fails the user; which characters is our assumption.",
    fix: `Remove the character from the Entra attribute that feeds \`userName\`, or change that mapping in ${ENTRA_USER_MAPPING}.`,
    category: 'matching',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
];
