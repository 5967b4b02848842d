/**
 * The `$select` of the users pull, built from what the mapping and the scoping filters read, so Graph
 * sends every attribute they need and nothing else. Provisioning source names differ from Graph property
 * names in a few places; shared/source-data/users-graph.ts renames them back on import.
 */
import { parseExpression, referencedAttributes } from '../../shared/expressions';
import type { MappingConfig } from '../../shared/mapping';
import type { ScopeConfig } from '../../shared/scoping';

/** Provisioning source attribute → the Graph user property that carries it. */
const GRAPH_PROPERTY: Readonly<Record<string, string>> = {
  objectId: 'id',
  physicalDeliveryOfficeName: 'officeLocation',
  mobile: 'mobilePhone',
  facsimileTelephoneNumber: 'faxNumber',
  telephoneNumber: 'businessPhones',
  'employeeOrgData.costCenter': 'employeeOrgData',
  'employeeOrgData.division': 'employeeOrgData',
  ...Object.fromEntries(
    Array.from({ length: 15 }, (_, index) => [
      `extensionAttribute${index + 1}`,
      'onPremisesExtensionAttributes',
    ]),
  ),
};

/**
 * Sources that are not properties of a Graph user: IsSoftDeleted (deleted users are not in /users at all;
 * the pull reads active users, so it is absent = not deleted), appRoleAssignments (read from the
 * assignments instead), and the Download-users columns that Graph does not expose under that name.
 */
const NOT_GRAPH = new Set([
  'IsSoftDeleted',
  'appRoleAssignments',
  'alternateEmailAddress',
  'authenticationEmail',
  'authenticationAlternativePhoneNumber',
]);

/** Always read: identity, the "Active in source system" check, and the preview's display name. */
const ALWAYS = ['id', 'userPrincipalName', 'accountEnabled', 'displayName'];

export interface UserSelect {
  select: string[];
  /** `manager($select=id)` when a mapping reads [manager]. */
  expand?: string;
  /** Sources the pull cannot fill, for a warning. */
  unavailable: string[];
}

function sourcesOf(mapping: MappingConfig, scope: ScopeConfig): string[] {
  const names = new Set<string>();
  for (const item of mapping.mappings) {
    if (item.type === 'Direct') names.add(item.source);
    if (item.type === 'Expression') {
      try {
        for (const name of referencedAttributes(parseExpression(item.expression))) names.add(name);
      } catch {
        // The Mappings step reports broken expressions; the pull just cannot know what they read.
      }
    }
  }
  for (const filter of scope.filters) for (const clause of filter.clauses) names.add(clause.attribute);
  return [...names];
}

export function buildUserSelect(mapping: MappingConfig, scope: ScopeConfig): UserSelect {
  const select = new Set(ALWAYS);
  const unavailable: string[] = [];
  let expand: string | undefined;
  for (const source of sourcesOf(mapping, scope)) {
    if (source === 'manager') expand = 'manager($select=id)';
    else if (NOT_GRAPH.has(source)) {
      if (source !== 'IsSoftDeleted') unavailable.push(source);
    } else select.add(GRAPH_PROPERTY[source] ?? source);
  }
  return { select: [...select], ...(expand ? { expand } : {}), unavailable };
}
