/**
 * "Sync only assigned users and groups": a user is assigned when assigned directly or as an immediate
 * member of an assigned group. Members of nested groups are not (reference §10, HOW).
 */
import type { AssignmentList } from '../source-data/assignments-csv';
import { caseKey, type SourceUser } from '../source-data/source-user';
import { objectIdAt, userPrincipalNameAt, type UserList } from '../source-data/user-list';

export interface UserAssignment {
  direct: boolean;
  /** Display names (or ids) of the assigned groups the user is an immediate member of. */
  viaGroups: string[];
  /** App roles from direct and group assignments: the user's [appRoleAssignments]. */
  appRoles: string[];
}

export interface AssignmentIndex {
  /** The user's assignment, or undefined when not assigned. */
  lookup(user: SourceUser): UserAssignment | undefined;
  /** References in the assignment list that match no imported user (typos, or users missing from the export). */
  unresolved: string[];
}

export function buildAssignmentIndex(list: AssignmentList, users: UserList): AssignmentIndex {
  // Index only the references the list uses (far fewer than users × 2 spellings), then resolve them in
  // one pass over the users.
  const canonical = new Map<string, string>();
  for (const user of list.users) canonical.set(caseKey(user.id), '');
  for (const group of list.groups) for (const member of group.memberUsers) canonical.set(caseKey(member), '');
  // By index and key: a table answers these without building each row.
  for (let index = 0; index < users.length; index += 1) {
    const objectId = objectIdAt(users, index);
    const byId = caseKey(objectId);
    if (canonical.has(byId)) canonical.set(byId, objectId);
    const byUpn = caseKey(userPrincipalNameAt(users, index));
    if (canonical.has(byUpn)) canonical.set(byUpn, objectId);
  }
  const byObjectId = new Map<string, UserAssignment>();
  const unresolved = new Set<string>();
  const entry = (reference: string): UserAssignment | undefined => {
    const objectId = canonical.get(caseKey(reference));
    if (!objectId) {
      unresolved.add(reference);
      return undefined;
    }
    let assignment = byObjectId.get(objectId);
    if (!assignment) {
      assignment = { direct: false, viaGroups: [], appRoles: [] };
      byObjectId.set(objectId, assignment);
    }
    return assignment;
  };
  const addRole = (assignment: UserAssignment, role: string | null) => {
    if (role && !assignment.appRoles.includes(role)) assignment.appRoles.push(role);
  };
  for (const user of list.users) {
    const assignment = entry(user.id);
    if (!assignment) continue;
    assignment.direct = true;
    addRole(assignment, user.appRole);
  }
  for (const group of list.groups) {
    for (const member of group.memberUsers) {
      const assignment = entry(member);
      if (!assignment) continue;
      const name = group.displayName ?? group.id;
      if (!assignment.viaGroups.includes(name)) assignment.viaGroups.push(name);
      addRole(assignment, group.appRole);
    }
  }
  // Most users share one of a few assignments (the same groups and roles): one object for each, not one per
  // user, so 400,000 assigned users cost a map entry each. Read-only from here on.
  const shared = new Map<string, UserAssignment>();
  for (const [objectId, assignment] of byObjectId) {
    const key = `${assignment.direct ? 1 : 0}\u0000${assignment.viaGroups.join('\u0001')}\u0000${assignment.appRoles.join('\u0001')}`;
    const one = shared.get(key);
    if (one === undefined) shared.set(key, assignment);
    else byObjectId.set(objectId, one);
  }
  return {
    lookup: (user) => byObjectId.get(user.objectId),
    unresolved: [...unresolved],
  };
}
