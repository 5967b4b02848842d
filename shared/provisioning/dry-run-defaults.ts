/**
 * Where a dry run's Entra settings start when the admin has not chosen them: the one function the Dry run
 * step and `npm run cli -- dry-run` both call, so the window and the CLI start from the same values and say
 * where each came from.
 *
 * - Target Object Actions: the imported Entra schema's (its object mapping's flowTypes), else a new job's
 *   (Create, Update and Delete all on).
 * - PATCH dialect: defaultPatchDialectFor(appPath, tenantUrl): on the custom (non-gallery) path a Tenant URL
 *   with ?aadOptscim062020 selects the SCIM-compliant format; otherwise Entra's default format.
 */
import { defaultPatchDialectFor, SCIM_COMPLIANCE_FLAG, type AppPath } from '../app-path/app-path';
import type { PatchDialect } from '../mapping/diff';

export interface TargetObjectActionsValue {
  create: boolean;
  update: boolean;
  delete: boolean;
}

export interface DryRunDefaultsInput {
  appPath: AppPath;
  /** The Tenant URL the admin pastes in Entra: the saved Base URL (or the CLI's --target). */
  tenantUrl?: string | null;
  /** The imported Entra schema, if any: its file name and Target Object Actions. */
  entraSchema?: { fileName: string; targetObjectActions: TargetObjectActionsValue } | null;
}

export interface DryRunDefaults {
  targetObjectActions: TargetObjectActionsValue;
  /** Where they came from, in the admin's words. */
  targetObjectActionsFrom: string;
  patchDialect: PatchDialect;
  patchDialectFrom: string;
}

const NEW_JOB_ACTIONS: TargetObjectActionsValue = { create: true, update: true, delete: true };

export function dryRunDefaults(input: DryRunDefaultsInput): DryRunDefaults {
  const schema = input.entraSchema ?? null;
  const tenantUrl = input.tenantUrl ?? undefined;
  const patchDialect = defaultPatchDialectFor(input.appPath, tenantUrl);
  return {
    targetObjectActions: schema ? { ...schema.targetObjectActions } : { ...NEW_JOB_ACTIONS },
    targetObjectActionsFrom: schema
      ? `From your imported Entra schema (${schema.fileName}).`
      : 'As in a new Entra job: all three on. Import your Entra schema on the Mappings step to start from yours.',
    patchDialect,
    patchDialectFrom:
      patchDialect === 'aadOptscim062020'
        ? `Your Tenant URL ends with ?${SCIM_COMPLIANCE_FLAG}, so a custom app's job uses the SCIM-compliant format.`
        : input.appPath === 'custom'
          ? `Default format: your Tenant URL has no ?${SCIM_COMPLIANCE_FLAG}, so a custom app's job uses Entra's older format.`
          : 'Default format: which format the Jostle gallery job uses is not public (assumed).',
  };
}
