/**
 * Exactly what to change in Entra's portal for a setup path: the admin's mapping against the defaults a new app
 * on that path starts with. The Configure in Entra step and the support export list the same rows.
 */
import type { AppPath } from '../app-path/app-path';
import { ENTRA_GENERIC_TARGETS } from './entra-scim-targets';
import { describeMappingSource, sameMapping } from './gallery-diff';
import type { AttributeMapping } from './model';
import { defaultMappingFor } from './path-defaults';

export interface PortalChange {
  action: 'delete' | 'edit' | 'add';
  target: string;
  /** The source Entra shows today (delete, edit). */
  from?: string;
  /** The source to set (edit, add). */
  to?: string;
  matchingPrecedence?: number;
  /**
   * Custom app only: the target is not in Entra's generic attribute list, so it must first be added under
   * **Show advanced options > Edit attribute list** (MAP).
   */
  addToAttributeList: boolean;
}

const key = (target: string) => target.trim().toLowerCase();
const GENERIC = new Set(
  [
    ...ENTRA_GENERIC_TARGETS.map((target) => target.path),
    'userName',
    'active',
    'displayName',
    'title',
    'emails[type eq "work"].value',
    'name.givenName',
    'name.familyName',
    'externalId',
    'nickName',
    'userType',
  ].map(key),
);

export function portalChanges(mappings: readonly AttributeMapping[], appPath: AppPath): PortalChange[] {
  const defaults = defaultMappingFor(appPath).mappings;
  const byTarget = new Map(defaults.map((mapping) => [key(mapping.target), mapping]));
  const wanted = new Set(mappings.map((mapping) => key(mapping.target)));
  const needsListEntry = (target: string) => appPath === 'custom' && !GENERIC.has(key(target));
  const changes: PortalChange[] = defaults
    .filter((mapping) => !wanted.has(key(mapping.target)))
    .map((mapping) => ({
      action: 'delete',
      target: mapping.target,
      from: describeMappingSource(mapping),
      addToAttributeList: false,
    }));
  for (const mapping of mappings) {
    const current = byTarget.get(key(mapping.target));
    if (current && sameMapping(current, mapping)) continue;
    changes.push({
      action: current ? 'edit' : 'add',
      target: mapping.target,
      ...(current ? { from: describeMappingSource(current) } : {}),
      to: describeMappingSource(mapping),
      ...(mapping.matchingPrecedence !== undefined ? { matchingPrecedence: mapping.matchingPrecedence } : {}),
      addToAttributeList: !current && needsListEntry(mapping.target),
    });
  }
  return changes;
}
