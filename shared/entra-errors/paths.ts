/**
 * Menu paths the fixes point to, written once so every entry names them the same way as the tutorial.
 * Bold is Markdown; the UI and the exports render it.
 */
export const JOSTLE_MANAGE_PROVISIONING =
  '**Admin Settings > User data to/from other systems > Manage user provisioning**';
export const JOSTLE_AUTOMATION_USERS =
  '**Admin Settings > User accounts and data > Manage Automation users**';
/**
 * Newer admin center builds say **Entra ID > Enterprise apps**; the 2024 tutorial says Identity >
 * Applications > Enterprise applications. The first mention names both, later ones the app's own pages.
 */
export const ENTRA_ENTERPRISE_APPS =
  '**Entra ID > Enterprise apps** (Identity > Applications > Enterprise applications)';
export const ENTRA_PROVISIONING = `${ENTRA_ENTERPRISE_APPS} > **Jostle > Provisioning**`;
export const ENTRA_ADMIN_CREDENTIALS = `${ENTRA_PROVISIONING} > **Admin Credentials**`;
export const ENTRA_USER_MAPPING = `${ENTRA_PROVISIONING} > **Mappings > Provision Microsoft Entra ID Users**`;
export const ENTRA_GROUP_MAPPING = `${ENTRA_PROVISIONING} > **Mappings > Provision Microsoft Entra ID Groups**`;
export const ENTRA_USERS_AND_GROUPS = `${ENTRA_ENTERPRISE_APPS} > **Jostle > Users and groups**`;
export const ENTRA_PROVISIONING_LOGS = `${ENTRA_ENTERPRISE_APPS} > **Jostle > Provisioning logs**`;

/** The key-rotation steps several credential errors share. */
export const NEW_KEY_STEPS =
  `In Jostle open ${JOSTLE_MANAGE_PROVISIONING}, choose **Add a new key…**, pick your Automation user and copy the key at once ` +
  `(Jostle shows it only once). In Entra paste it into ${ENTRA_ADMIN_CREDENTIALS} > **Secret Token**, select **Test Connection**, then **Save**.`;
