/**
 * Which delegated Graph permission each action needs, and the Entra role the signed-in admin must hold.
 * Least privilege: reads never ask for a write permission; Synchronization.ReadWrite.All is asked for only
 * when the admin applies something. Each permission is the one the Graph reference page of the call lists
 * as "least privileged" for delegated work accounts (docs/entra-fidelity.md, section M).
 */
export const GRAPH_PERMISSIONS = {
  readUsers: ['User.Read.All'],
  readApps: ['Application.Read.All'],
  readJob: ['Synchronization.Read.All'],
  readAssignments: ['Application.Read.All', 'GroupMember.Read.All'],
  readLogs: ['AuditLog.Read.All'],
  apply: ['Synchronization.ReadWrite.All'],
} as const;

export type GraphAction = keyof typeof GRAPH_PERMISSIONS;

/** Every read permission, asked for together at the first sign-in so a pull does not prompt five times. */
export const READ_SCOPES: readonly string[] = [
  ...new Set([
    ...GRAPH_PERMISSIONS.readUsers,
    ...GRAPH_PERMISSIONS.readApps,
    ...GRAPH_PERMISSIONS.readJob,
    ...GRAPH_PERMISSIONS.readAssignments,
    ...GRAPH_PERMISSIONS.readLogs,
  ]),
];

export const WRITE_SCOPES: readonly string[] = GRAPH_PERMISSIONS.apply;

/** The least-privileged built-in role the provisioning APIs accept for delegated calls. */
export const REQUIRED_ROLE = 'Cloud Application Administrator';

/** One line for the UI and the CLI: what an action needs. */
export function permissionNote(action: GraphAction): string {
  return `Needs the delegated permission ${GRAPH_PERMISSIONS[action].join(' and ')} and the ${REQUIRED_ROLE} (or Application Administrator) role.`;
}

/** Full scope URIs for a national cloud: MSAL needs them qualified when the Graph host is not the global one. */
export function qualifiedScopes(scopes: readonly string[], graphUrl: string): string[] {
  const origin = new URL(graphUrl).origin;
  return scopes.map((scope) => `${origin}/${scope}`);
}
