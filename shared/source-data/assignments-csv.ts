/**
 * The assignment list: who is assigned to the Jostle enterprise app (Users and groups blade), with the
 * members of each assigned group. Entra has no single export for this, so the format is ours:
 *
 *   type,id,displayName,memberType,memberId,appRole
 *   User,ada@contoso.com,Ada Lovelace,,,User
 *   Group,5f1c…,Sales,User,grace@contoso.com,User
 *   Group,5f1c…,Sales,Group,7a2d…,          ← a nested group: Entra ignores its members
 *
 * `id`/`memberId` of users may be an objectId or a userPrincipalName. One row per group member; a group
 * row without a member is an empty assigned group.
 */
import { headerKey, readCsv } from './csv-table';
import { failure, SourceDataError, type ImportResult } from './source-user';

export interface AssignedGroup {
  id: string;
  displayName: string | null;
  /** Direct user members (objectId or UPN as written). */
  memberUsers: string[];
  /** Nested groups: Entra does not provision their members. */
  memberGroups: string[];
  /** App role the group was assigned with, if any. */
  appRole: string | null;
}

export interface AssignmentList {
  /** Directly assigned users (objectId or UPN as written) with their app role, if any. */
  users: Array<{ id: string; appRole: string | null }>;
  groups: AssignedGroup[];
}

/** Header names after headerKey() normalisation. */
type Column = 'type' | 'id' | 'displayname' | 'membertype' | 'memberid' | 'approle';

function parse(text: string): AssignmentList {
  const table = readCsv(text, (cells) => cells.some((cell) => headerKey(cell) === 'type'));
  const index = new Map(table.header.map((header, position) => [headerKey(header), position]));
  for (const required of ['type', 'id'] as const) {
    if (!index.has(required))
      throw new SourceDataError(`The header has no "${required}" column`, table.headerLine);
  }
  const users = new Map<string, { id: string; appRole: string | null }>();
  const groups = new Map<string, AssignedGroup>();
  for (const row of table.rows) {
    const cell = (column: Column): string | null => {
      const position = index.get(column);
      const value = position === undefined ? '' : (row.cells[position] ?? '').trim();
      return value === '' ? null : value;
    };
    const type = cell('type')?.toLowerCase();
    const id = cell('id');
    if (!id) throw new SourceDataError('id is empty', row.line);
    if (type === 'user') {
      if (cell('memberid')) throw new SourceDataError('A User row cannot have a memberId', row.line);
      users.set(id.toLowerCase(), { id, appRole: cell('approle') });
      continue;
    }
    if (type !== 'group') {
      throw new SourceDataError(`type is "${cell('type') ?? ''}"; expected User or Group`, row.line);
    }
    const group = groups.get(id.toLowerCase()) ?? {
      id,
      displayName: cell('displayname'),
      memberUsers: [],
      memberGroups: [],
      appRole: cell('approle'),
    };
    groups.set(id.toLowerCase(), group);
    const memberId = cell('memberid');
    if (!memberId) continue;
    const memberType = (cell('membertype') ?? 'User').toLowerCase();
    if (memberType === 'user') group.memberUsers.push(memberId);
    else if (memberType === 'group') group.memberGroups.push(memberId);
    else throw new SourceDataError(`memberType is "${cell('membertype')}"; expected User or Group`, row.line);
  }
  return { users: [...users.values()], groups: [...groups.values()] };
}

export function parseAssignmentsCsv(text: string, fileName?: string): ImportResult<AssignmentList> {
  try {
    const value = parse(text);
    const warnings = value.groups
      .filter((group) => group.memberGroups.length > 0)
      .map(
        (group) =>
          `Group ${group.displayName ?? group.id} contains ${group.memberGroups.length === 1 ? '1 nested group' : `${group.memberGroups.length} nested groups`}; ` +
          'Entra provisions only its direct members',
      );
    return { ok: true, value, warnings };
  } catch (error) {
    return failure(error, fileName);
  }
}
