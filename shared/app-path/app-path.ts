/**
 * The two ways Jostle's help article sets up the Entra half (JOSTLE-HELP, "Setup Part 2" and "Setup Part 2
 * (alternate approach): … Custom application"): Microsoft's Jostle gallery app, or a non-gallery app the admin
 * creates. The choice is one setting that the mapping defaults, validation, the preview, the dry run, the CLI and
 * the export all read.
 */
import { z } from 'zod';
import type { PatchDialect } from '../mapping/diff';

export const APP_PATHS = ['gallery', 'custom'] as const;
export const appPathSchema = z.enum(APP_PATHS);
export type AppPath = z.infer<typeof appPathSchema>;
export const DEFAULT_APP_PATH: AppPath = 'gallery';

export const APP_PATH_LABELS: Readonly<Record<AppPath, string>> = {
  gallery: 'Jostle gallery app (Microsoft’s tutorial)',
  custom: 'Custom non-gallery app (Jostle’s alternate approach)',
};

/** Reads `--app` or a stored value; anything else is refused with the accepted values named. */
export function parseAppPath(text: string): AppPath {
  const parsed = appPathSchema.safeParse(text.trim().toLowerCase());
  if (!parsed.success) throw new Error(`--app must be gallery or custom, not "${text}"`);
  return parsed.data;
}

/** The feature flag Microsoft documents for non-gallery `scim` / `customappsso` jobs (COMPAT). */
export const SCIM_COMPLIANCE_FLAG = 'aadOptscim062020';

/**
 * The PATCH dialect Entra uses by default on each path, for the dry-run engine to start from.
 *
 * - custom: COMPAT documents both dialects for non-gallery jobs. Without the flag in the Tenant URL the job sends
 *   the older dialect ("Add"/"Replace", Booleans as "True"/"False"); with `?aadOptscim062020` it sends the
 *   compliant one. So the default follows the Tenant URL the admin will paste.
 * - gallery: COMPAT says the page "primarily applies" to non-gallery apps; which dialect the Jostle gallery job
 *   uses is not public (audit F23), so we assume the older dialect and the flag is not offered.
 */
export function defaultPatchDialectFor(appPath: AppPath, tenantUrl?: string): PatchDialect {
  if (appPath === 'custom' && tenantUrl !== undefined && hasComplianceFlag(tenantUrl)) {
    return 'aadOptscim062020';
  }
  return 'default';
}

/** Whether a Tenant URL carries `?aadOptscim062020` (the flag is a bare query parameter, any case). */
export function hasComplianceFlag(tenantUrl: string): boolean {
  const query = tenantUrl.split('?')[1];
  if (!query) return false;
  return query
    .split('&')
    .some((part) => part.split('=')[0]?.trim().toLowerCase() === SCIM_COMPLIANCE_FLAG.toLowerCase());
}

/** The Tenant URL to paste into Entra for a Jostle Base URL on each path. */
export function tenantUrlFor(appPath: AppPath, baseUrl: string, withFlag: boolean): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  return appPath === 'custom' && withFlag ? `${trimmed}?${SCIM_COMPLIANCE_FLAG}` : trimmed;
}

export interface PathBehaviour {
  /** What Entra does, in a sentence. */
  behaviour: string;
  gallery: string;
  custom: string;
  /** Keys of docs/entra-fidelity.md's Sources table. */
  sources: string[];
  verdict: 'documented' | 'assumed';
}

/**
 * The documented differences between the paths: Plan's comparison, the export and docs/entra-fidelity.md §K
 * list the same rows.
 */
export const PATH_DIFFERENCES: readonly PathBehaviour[] = [
  {
    behaviour: 'Starting attribute mappings',
    gallery: 'Jostle’s template: the ten Jostle attributes of the tutorial’s table',
    custom: 'Entra’s generic SCIM defaults, several of which Jostle does not list',
    sources: ['JOSTLE-MS', 'SCIM-DEV', '3P-PORTAL-DEFAULTS'],
    verdict: 'documented',
  },
  {
    behaviour: 'PATCH dialect and the aadOptscim062020 flag',
    gallery: 'Not documented for gallery apps; we assume the older dialect',
    custom: 'Older dialect by default; the compliant one when the Tenant URL ends in ?aadOptscim062020',
    sources: ['COMPAT'],
    verdict: 'documented',
  },
  {
    behaviour: 'Request rate from Entra',
    gallery: 'Throttled for apps Microsoft onboarded',
    custom: 'No rate limiting for non-gallery apps',
    sources: ['3P-MS-RATE'],
    verdict: 'assumed',
  },
  {
    behaviour: 'Schema discovery (/Schemas)',
    gallery: 'Attribute list comes from the template',
    custom: 'Entra does not read /Schemas for non-gallery apps; the attribute list is Entra’s generic one',
    sources: ['SCIM-DEV'],
    verdict: 'documented',
  },
  {
    behaviour: 'Group provisioning',
    gallery: 'Jostle’s template provisions users only',
    custom: 'The generic template also has a group mapping; Jostle has no /Groups, so turn it off',
    sources: ['SCIM-DEV', 'JOSTLE-API', '3P-PORTAL-DEFAULTS'],
    verdict: 'assumed',
  },
  {
    behaviour: 'Matching',
    gallery: 'userName, precedence 1 (Jostle filters on userName only)',
    custom: 'userName, precedence 1 in the generic defaults; same Jostle limit',
    sources: ['SCIM-DEV', 'JOSTLE-MS'],
    verdict: 'documented',
  },
];
