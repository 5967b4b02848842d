/**
 * Codes about reaching and authenticating to Jostle, quarantine reasons, and Entra's own conditions.
 * Written from Microsoft's provisioning-log error table and quarantine page, restated for a Jostle setup.
 */
import type { EntraErrorEntry } from './model';
import {
  ENTRA_ADMIN_CREDENTIALS,
  ENTRA_GROUP_MAPPING,
  ENTRA_PROVISIONING,
  ENTRA_PROVISIONING_LOGS,
  ENTRA_USER_MAPPING,
  ENTRA_USERS_AND_GROUPS,
  JOSTLE_AUTOMATION_USERS,
  JOSTLE_MANAGE_PROVISIONING,
  NEW_KEY_STEPS,
} from './paths';

const RESTART = `After the fix, select **Restart provisioning** on ${ENTRA_PROVISIONING} (a full initial cycle runs again).`;

export const CONNECTION_ERRORS: readonly EntraErrorEntry[] = [
  {
    code: 'Unauthorized',
    httpStatuses: [401],
    title: 'Jostle refused the request as not authorized',
    likelyCause:
      "Microsoft's table puts this code with the authorization failures (the request was authenticated but not allowed). With Jostle it usually means the key itself: revoked or deleted in Jostle, pasted incompletely, or belonging to an Automation user that is deactivated or has never signed in once.",
    fix: `${NEW_KEY_STEPS} If the test still fails, sign in to Jostle once as the Automation user (${JOSTLE_AUTOMATION_USERS}) and try again.`,
    category: 'credentials',
    retriedAutomatically: false,
    quarantineSignal: true,
  },
  {
    code: 'SystemForCrossDomainIdentityManagementCredentialValidationFailure',
    title: 'Test Connection failed: Entra could not validate the Tenant URL and Secret Token',
    likelyCause:
      "The **Tenant URL** is not exactly Jostle's **Your Base URL**, the **Secret Token** is not a current Jostle API key, the Automation user has never signed in, or the subscription does not include SSO/user provisioning.",
    fix: `Copy **Your Base URL** again from ${JOSTLE_MANAGE_PROVISIONING} into ${ENTRA_ADMIN_CREDENTIALS} > **Tenant URL**. ${NEW_KEY_STEPS} If **Manage user provisioning** is missing, ask your Jostle Customer Success Manager (success@jostle.me) to add SSO/user provisioning.`,
    category: 'credentials',
    retriedAutomatically: false,
    quarantineSignal: true,
  },
  {
    code: 'InsufficientRights',
    aliases: ['NotPermitted', 'Forbidden'],
    httpStatuses: [403],
    title: 'Jostle accepted the key but refused the operation',
    likelyCause:
      'The key works, but its Automation user may not manage users, or your subscription lacks SSO/user provisioning for this operation.',
    fix: `Check the Automation user in ${JOSTLE_AUTOMATION_USERS} and that it is the one chosen for the key under ${JOSTLE_MANAGE_PROVISIONING}. Confirm with your Jostle Customer Success Manager (success@jostle.me) that the subscription includes SSO/user provisioning. Then run **Provision on demand** for one affected user.`,
    category: 'permissions',
    retriedAutomatically: false,
    quarantineSignal: true,
  },
  {
    code: 'MethodNotAllowed',
    httpStatuses: [405],
    title: 'Jostle does not accept this kind of request',
    likelyCause:
      'Entra sent a request Jostle does not serve: most often group provisioning (Jostle supports users only), or a Tenant URL with an extra or missing path segment.',
    fix: `Turn off ${ENTRA_GROUP_MAPPING} (set **Enabled** to **No**) and check that ${ENTRA_ADMIN_CREDENTIALS} > **Tenant URL** is exactly **Your Base URL** from ${JOSTLE_MANAGE_PROVISIONING}.`,
    category: 'scim-compatibility',
    retriedAutomatically: false,
    quarantineSignal: true,
  },
  {
    code: 'NotFound',
    httpStatuses: [404],
    title: 'Jostle answered "not found"',
    likelyCause:
      "On every request: the **Tenant URL** does not point at Jostle's SCIM API (Microsoft quarantines such jobs as a SCIM compliance issue). On a few users: the Jostle user was removed.",
    fix: `Paste **Your Base URL** from ${JOSTLE_MANAGE_PROVISIONING} into ${ENTRA_ADMIN_CREDENTIALS} > **Tenant URL** unchanged and select **Test Connection**. For single users, see InvalidAnchor.`,
    category: 'scim-compatibility',
    retriedAutomatically: false,
    quarantineSignal: true,
  },
  {
    code: 'WebExceptionProtocolError',
    title: 'The HTTP connection to Jostle failed',
    likelyCause:
      'A network or HTTP-level failure between Entra and Jostle: a brief outage, or a Tenant URL that is not the https Base URL.',
    fix: `Nothing if it is occasional: Entra retries in about 40 minutes. If every event fails, check ${ENTRA_ADMIN_CREDENTIALS} > **Tenant URL** against **Your Base URL** and select **Test Connection**.`,
    category: 'target-unavailable',
    retriedAutomatically: true,
    quarantineSignal: false,
  },
  {
    code: 'EncounteredQuarantineException',
    title: 'Quarantine: the credentials are not valid',
    likelyCause:
      'Entra stopped trusting the connection because Jostle kept rejecting the Secret Token (revoked key, or an Automation user that cannot sign in). Cycles slow to once a day; after four weeks the job is disabled.',
    fix: `${NEW_KEY_STEPS} ${RESTART}`,
    category: 'quarantine',
    retriedAutomatically: false,
    quarantineSignal: true,
  },
  {
    code: 'EncounteredEscrowProportionThreshold',
    title: 'Quarantine: too many events failed',
    likelyCause:
      'More than 40 % of provisioning events failed (or more than 40,000), evaluated once at least 5,000 failures have built up. One repeated error, such as a conflict on every user, is the usual source.',
    fix: `Fix the error code with the most failures in this summary first, check it with **Provision on demand** for one user. ${RESTART}`,
    category: 'quarantine',
    retriedAutomatically: false,
    quarantineSignal: true,
  },
  {
    code: 'QuarantineOnDemand',
    title: 'Quarantine: set by Microsoft',
    likelyCause: 'Microsoft detected a problem with this provisioning job and quarantined it by hand.',
    fix: `Look for the notification from azure-noreply@microsoft.com (sent to the **Notification Email** on ${ENTRA_PROVISIONING}), fix what it names, and open a Microsoft support case if it is unclear.`,
    category: 'quarantine',
    retriedAutomatically: false,
    quarantineSignal: true,
  },
  {
    code: 'InternalError',
    title: "Entra's provisioning service had an internal error",
    likelyCause: 'A fault inside Microsoft Entra, not in Jostle or your configuration.',
    fix: `Nothing: Entra retries in about 40 minutes. If one user keeps failing for a day, open a Microsoft support case with the change ID from ${ENTRA_PROVISIONING_LOGS}.`,
    category: 'entra-service',
    retriedAutomatically: true,
    quarantineSignal: false,
  },
  {
    code: 'EntrySynchronizationSkipped',
    title: 'Skipped: out of scope or nothing to change',
    likelyCause:
      'The user is not assigned to the Jostle app, is filtered out by a scoping filter, or already matches Jostle. Expected for most of the directory.',
    fix: `Nothing, unless this person should be in Jostle: assign them (or their group) under ${ENTRA_USERS_AND_GROUPS} and check the scoping filter in ${ENTRA_USER_MAPPING}.`,
    category: 'skipped',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'ImportSkipped',
    title: 'Skipped: the user has no value for the matching attribute',
    likelyCause:
      "The Entra attribute that feeds Jostle's `userName` (the matching attribute) is empty on this user, so Entra cannot match or create them.",
    fix: `Fill in that attribute on the user in Entra, or map \`userName\` from an attribute every user has (such as \`userPrincipalName\`) in ${ENTRA_USER_MAPPING}.`,
    category: 'skipped',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'NotEffectivelyEntitled',
    title: 'Skipped: the user is not entitled to Jostle',
    likelyCause:
      'The user is disabled in Entra and was never provisioned (Entra does not create or match disabled users), or is not assigned to the Jostle app or not in scope. Logged as Create (or Other) with status Skipped.',
    fix: `Nothing, unless this person should be in Jostle: enable the account in Entra, assign them (or their group) under ${ENTRA_USERS_AND_GROUPS}, and check the scoping filter in ${ENTRA_USER_MAPPING}.`,
    category: 'skipped',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'RedundantExport',
    title: 'Skipped: Jostle already has these values',
    likelyCause:
      'Entra found nothing to send: the change it picked up left the Jostle user as it already was.',
    fix: 'Nothing to do.',
    category: 'skipped',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
  {
    code: 'TargetObjectActionDisabled',
    title: 'Not sent: that Target Object Action is off (dry-run code)',
    likelyCause:
      "This code is the assistant's own, from a dry run: the Create, Update or Delete box under **Target Object Actions** is unticked, so Entra does not send that change. Microsoft does not publish how Entra logs it.",
    fix: `If the change should happen, tick the action in ${ENTRA_USER_MAPPING} > **Target Object Actions** and save.`,
    category: 'skipped',
    retriedAutomatically: false,
    quarantineSignal: false,
  },
];
