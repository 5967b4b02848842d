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
  // Most users share one of a few assignments (the same groups and roles): each user's entry is one of a
  // few shared, read-only objects, and adding a direct or group assignment to one moves the user to the
  // next, found once per distinct step. 400,000 assigned users then cost a map entry each, and no
  // per-user object or key string is built.
  const byObjectId = new Map<string, UserAssignment>();
  const unresolved = new Set<string>();
  const interned = new Map<string, UserAssignment>();
  const steps = new Map<UserAssignment, Map<string, UserAssignment>>();
  const step = (
    from: UserAssignment,
    key: string,
    direct: boolean,
    group: string | null,
    role: string | null,
  ) => {
    let next = steps.get(from)?.get(key);
    if (next !== undefined) return next;
    const viaGroups =
      group !== null && !from.viaGroups.includes(group) ? [...from.viaGroups, group] : from.viaGroups;
    const appRoles = role && !from.appRoles.includes(role) ? [...from.appRoles, role] : from.appRoles;
    const made: UserAssignment = {
      direct: from.direct || direct,
      viaGroups: [...viaGroups],
      appRoles: [...appRoles],
    };
    const content = `${made.direct ? 1 : 0}\u0000${made.viaGroups.join('\u0001')}\u0000${made.appRoles.join('\u0001')}`;
    next = interned.get(content);
    if (next === undefined) {
      next = made;
      interned.set(content, made);
    }
    let fromSteps = steps.get(from);
    if (fromSteps === undefined) steps.set(from, (fromSteps = new Map()));
    fromSteps.set(key, next);
    return next;
  };
  const unassigned: UserAssignment = { direct: false, viaGroups: [], appRoles: [] };
  const apply = (
    reference: string,
    key: string,
    direct: boolean,
    group: string | null,
    role: string | null,
  ) => {
    const objectId = canonical.get(caseKey(reference));
    if (!objectId) {
      unresolved.add(reference);
      return;
    }
    byObjectId.set(objectId, step(byObjectId.get(objectId) ?? unassigned, key, direct, group, role));
  };
  for (const user of list.users) apply(user.id, `d\u0000${user.appRole ?? ''}`, true, null, user.appRole);
  for (const group of list.groups) {
    const name = group.displayName ?? group.id;
    const key = `g\u0000${name}\u0000${group.appRole ?? ''}`;
    for (const member of group.memberUsers) apply(member, key, false, name, group.appRole);
  }
  return {
    lookup: (user) => byObjectId.get(user.objectId),
    unresolved: [...unresolved],
  };
}
