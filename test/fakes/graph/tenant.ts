/**
 * The data behind the Graph fake: a tenant with users, groups, one or more enterprise applications and
 * their provisioning jobs. A test fixture, not a feature. Shapes follow Microsoft's Graph v1.0 reference
 * pages (user, group, servicePrincipal, appRoleAssignment, synchronizationJob, provisioningObjectSummary).
 */
import { exportSynchronizationSchema } from '../../../shared/entra-schema';
import { GALLERY_DEFAULT_CONFIG } from '../../../shared/mapping';
import type { AssignmentList, SourceUser } from '../../../shared/source-data';

export interface FakeGroup {
  id: string;
  displayName: string;
  /** Direct members; nested groups are listed by id and their own members stay theirs. */
  memberUsers: string[];
  memberGroups: string[];
}

export interface FakeApp {
  id: string;
  appId: string;
  displayName: string;
  applicationTemplateId: string | null;
  appRoles: Array<{ id: string; displayName: string; value: string | null }>;
  assignments: Array<{
    principalId: string;
    principalType: 'User' | 'Group';
    principalDisplayName: string;
    appRoleId: string;
  }>;
  jobs: Array<{
    id: string;
    templateId: string;
    status: Record<string, unknown>;
    schema: Record<string, unknown>;
  }>;
  /** The last secrets PUT, as sent. */
  secrets: Array<{ key: string; value: string }>;
}

export interface FakeTenant {
  tenantId: string;
  displayName: string;
  users: Array<Record<string, unknown>>;
  groups: FakeGroup[];
  apps: FakeApp[];
  provisioningLogs: Array<Record<string, unknown>>;
}

/** SourceUser (provisioning names) → a Graph user object, the inverse of shared/source-data/users-graph. */
export function toGraphUser(user: SourceUser): Record<string, unknown> {
  const graph: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'objectId') graph.id = value;
    else if (name === 'physicalDeliveryOfficeName') graph.officeLocation = value;
    else if (name === 'mobile') graph.mobilePhone = value;
    else if (name === 'facsimileTelephoneNumber') graph.faxNumber = value;
    else if (name === 'telephoneNumber') graph.businessPhones = value === null ? [] : [value];
    else if (name === 'otherMails') graph.otherMails = value ?? [];
    else graph[name] = value;
  }
  graph.id = user.objectId;
  graph.userPrincipalName = user.userPrincipalName;
  return graph;
}

export const JOSTLE_TEMPLATE_ID = 'fake-jostle-template-0000';
export const USER_ROLE_ID = '18d14569-c3bd-439b-9a66-3a2aee01d14f';

/**
 * A Jostle app's schema in Graph's documented shape (synchronizationSchema: one outbound rule from "Azure
 * Active Directory", a User → User object mapping). Its attribute mappings are our gallery defaults written
 * as Entra stores them, so a pull gives the same mapping a hand-entered setup has.
 */
export function sampleSchema(jobId: string): Record<string, unknown> {
  const fresh = exportSynchronizationSchema({ mapping: GALLERY_DEFAULT_CONFIG, filters: [], base: null });
  if (fresh.kind !== 'object-mapping') throw new Error('expected a fresh object mapping');
  return {
    id: jobId,
    version: 'Date:2026-12-01T10:00:00Z~###~Version:1',
    synchronizationRules: [
      {
        id: 'rule-jostle-users',
        name: 'USER_OUTBOUND',
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: 'Jostle',
        objectMappings: [fresh.objectMapping],
      },
    ],
    directories: [],
  };
}

/** A tenant from a user list and assignments (e.g. the synthetic tenant), with one Jostle gallery app. */
export function buildFakeTenant(users: readonly SourceUser[], assignments: AssignmentList): FakeTenant {
  const byUpn = new Map(users.map((user) => [user.userPrincipalName.toLowerCase(), user.objectId]));
  const objectIdOf = (id: string) => byUpn.get(id.toLowerCase()) ?? id;
  const groups: FakeGroup[] = assignments.groups.map((group) => ({
    id: group.id,
    displayName: group.displayName ?? group.id,
    memberUsers: group.memberUsers.map(objectIdOf),
    memberGroups: [...group.memberGroups],
  }));
  const displayNames = new Map(
    users.map((user) => [user.objectId, String(user.attributes.displayName ?? '')]),
  );
  const jobId = 'scim.fake0000000000000000.00000000-0000-0000-0000-000000000001';
  const app: FakeApp = {
    id: 'sp-jostle-1',
    appId: 'app-jostle-1',
    displayName: 'Jostle',
    applicationTemplateId: JOSTLE_TEMPLATE_ID,
    appRoles: [{ id: USER_ROLE_ID, displayName: 'User', value: 'User' }],
    assignments: [
      ...assignments.users.map((user) => ({
        principalId: objectIdOf(user.id),
        principalType: 'User' as const,
        principalDisplayName: displayNames.get(objectIdOf(user.id)) ?? '',
        appRoleId: USER_ROLE_ID,
      })),
      ...groups.map((group) => ({
        principalId: group.id,
        principalType: 'Group' as const,
        principalDisplayName: group.displayName,
        appRoleId: USER_ROLE_ID,
      })),
    ],
    jobs: [
      {
        id: jobId,
        templateId: 'scim',
        status: { code: 'NotRun', lastExecution: null, quarantine: null },
        schema: sampleSchema(jobId),
      },
    ],
    secrets: [],
  };
  return {
    tenantId: '11111111-2222-3333-4444-555555555555',
    displayName: 'Contoso (fake)',
    users: users.map(toGraphUser),
    groups,
    apps: [
      app,
      {
        ...app,
        id: 'sp-other',
        appId: 'app-other',
        displayName: 'Jostle (test)',
        applicationTemplateId: null,
        assignments: [],
        jobs: [],
        secrets: [],
      },
    ],
    provisioningLogs: [],
  };
}
