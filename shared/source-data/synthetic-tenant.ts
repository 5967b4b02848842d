/**
 * Deterministic synthetic tenants for demos and benchmarks: the same seed gives the same users, groups
 * and assignments. Shaped like real directories: diacritics and non-Latin names, guests with #EXT# UPNs,
 * disabled accounts, missing mail, and multi-valued otherMails.
 */
import type { AssignmentList } from './assignments-csv';
import type { SourceUser, SourceValue } from './source-user';
import { UserTableBuilder, type UserTable } from './user-table';
import { normalizeDiacritics } from '../expressions/normalize-diacritics';

/** mulberry32: tiny, fast and good enough for test data; Math.random cannot be seeded. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Ada',
  'Zoë',
  'José',
  'Łukasz',
  'Amélie',
  'Søren',
  'Mei',
  'Olu',
  'Priya',
  'Jürgen',
  'Fatima',
  'Liam',
  'Noa',
  'Ísak',
  '健',
  'María',
];
const FAMILY = [
  'Lovelace',
  'Nuñez',
  'Kowalski',
  'Müller',
  "O'Brien",
  'Ødegaard',
  'Chen',
  'Adeyemi',
  'Sharma',
  'Dubois',
  'van der Berg',
  'Smith',
  'Haddad',
  'Sigurðsson',
  '山田',
  'García-López',
];
const DEPARTMENTS = ['Sales', 'Engineering', 'Finance', 'HR', 'Marketing', 'Support', 'Operations', 'Legal'];
const TITLES = ['Engineer', 'Manager', 'Analyst', 'Director', 'Specialist', 'Coordinator', 'Intern'];
const PLACES: Array<[string, string, string, string]> = [
  ['US', 'Seattle', 'WA', '98052'],
  ['CA', 'Winnipeg', 'MB', 'R3C 4T3'],
  ['GB', 'London', 'England', 'SW1A 1AA'],
  ['DE', 'München', 'Bayern', '80331'],
  ['JP', 'Tokyo', 'Tokyo', '100-0001'],
];

export interface SyntheticTenantOptions {
  users: number;
  seed?: number;
  domain?: string;
  /** Number of groups; users are spread across them. */
  groups?: number;
}

export interface SyntheticTenant {
  users: SourceUser[];
  assignments: AssignmentList;
}

/** Where the generator puts its users: a plain array or a table builder. */
interface UserSink {
  add(objectId: string, userPrincipalName: string, attributes: Record<string, SourceValue>): void;
  objectIdAt(index: number): string;
  userPrincipalNameAt(index: number): string;
}

export function generateSyntheticTenant(options: SyntheticTenantOptions): SyntheticTenant {
  const users: SourceUser[] = [];
  const assignments = generate(options, {
    add: (objectId, userPrincipalName, attributes) => users.push({ objectId, userPrincipalName, attributes }),
    objectIdAt: (index) => users[index]!.objectId,
    userPrincipalNameAt: (index) => users[index]!.userPrincipalName,
  });
  return { users, assignments };
}

/** The same tenant (same seed, same users), held as the app holds an import: a compact {@link UserTable}. */
export function generateSyntheticTable(options: SyntheticTenantOptions): {
  users: UserTable;
  assignments: AssignmentList;
} {
  const builder = new UserTableBuilder();
  const assignments = generate(options, builder);
  return { users: builder.finish(), assignments };
}

function generate(options: SyntheticTenantOptions, sink: UserSink): AssignmentList {
  const random = randomSource(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const domain = options.domain ?? 'contoso.example';
  for (let index = 0; index < options.users; index += 1) {
    const givenName = pick(GIVEN);
    const surname = pick(FAMILY);
    const guest = random() < 0.05;
    // As an admin would spell a user name: Søren Łukasz → soeren.lukasz, not "sren.ukasz".
    const ascii = normalizeDiacritics(`${givenName}.${surname}`)
      .replace(/[^A-Za-z.]/g, '')
      .toLowerCase();
    const alias = `${ascii || 'user'}${index}`;
    const userPrincipalName = guest ? `${alias}_partner.example#EXT#@${domain}` : `${alias}@${domain}`;
    const [country, city, state, postalCode] = pick(PLACES);
    const objectId = guid();
    const attributes: Record<string, SourceValue> = {
      userPrincipalName,
      displayName: `${givenName} ${surname}`,
      surname,
      mail: random() < 0.08 ? null : guest ? `${alias}@partner.example` : `${alias}@${domain}`,
      givenName,
      objectId,
      userType: guest ? 'Guest' : 'Member',
      jobTitle: random() < 0.1 ? null : pick(TITLES),
      department: random() < 0.05 ? null : pick(DEPARTMENTS),
      accountEnabled: random() >= 0.04,
      usageLocation: country,
      streetAddress: `${Math.floor(random() * 900) + 100} Main Street`,
      state,
      country,
      physicalDeliveryOfficeName: `${city} ${Math.floor(random() * 5) + 1}`,
      city,
      postalCode,
      telephoneNumber:
        random() < 0.3 ? null : `+1 425 555 ${String(Math.floor(random() * 10000)).padStart(4, '0')}`,
      mobile: random() < 0.5 ? null : `+1 206 555 ${String(Math.floor(random() * 10000)).padStart(4, '0')}`,
      employeeId: guest ? null : String(1000000 + index),
      otherMails: random() < 0.2 ? [`${alias}@home.example`] : null,
    };
    sink.add(objectId, userPrincipalName, attributes);
  }
  const groupCount = options.groups ?? Math.max(1, Math.min(20, Math.ceil(options.users / 500)));
  const groups = Array.from({ length: groupCount }, (_, index) => ({
    id: guid(),
    displayName: `${DEPARTMENTS[index % DEPARTMENTS.length]} ${Math.floor(index / DEPARTMENTS.length) + 1}`,
    memberUsers: [] as string[],
    memberGroups: [] as string[],
    appRole: 'User',
  }));
  const direct: AssignmentList['users'] = [];
  for (let index = 0; index < options.users; index += 1) {
    const roll = random();
    // About 70% come in through an assigned group, 10% are assigned directly, 20% are not assigned.
    if (roll < 0.7) pick(groups).memberUsers.push(sink.objectIdAt(index));
    else if (roll < 0.8) direct.push({ id: sink.userPrincipalNameAt(index), appRole: 'User' });
  }
  if (groups.length > 1) groups[0]!.memberGroups.push(groups[1]!.id);
  return { users: direct, groups };
}

/** Writes an assignment list in the CSV format parseAssignmentsCsv reads. */
export function toAssignmentsCsv(assignments: AssignmentList): string {
  const quote = (value: string | null) =>
    value === null ? '' : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const lines = ['type,id,displayName,memberType,memberId,appRole'];
  for (const user of assignments.users) lines.push(`User,${quote(user.id)},,,,${quote(user.appRole)}`);
  for (const group of assignments.groups) {
    const prefix = `Group,${quote(group.id)},${quote(group.displayName)}`;
    if (group.memberUsers.length + group.memberGroups.length === 0)
      lines.push(`${prefix},,,${quote(group.appRole)}`);
    for (const member of group.memberUsers)
      lines.push(`${prefix},User,${quote(member)},${quote(group.appRole)}`);
    for (const member of group.memberGroups)
      lines.push(`${prefix},Group,${quote(member)},${quote(group.appRole)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
