import type { SetupPathSection } from './setup-path';
/**
 * The support export as data: everything support needs to understand an admin's setup, and nothing that
 * could let anyone act as them. The JSON format is this model as it is; Markdown and HTML are rendered from it.
 */
import type { StoredUserImport, StoredAssignmentsImport } from './imported-data-schema';

export type ExportFormat = 'markdown' | 'json' | 'html';

export interface ExportOptions {
  format: ExportFormat;
  /** Imported users and assignments go in only when the admin asks; otherwise only their counts. */
  includeUserData: boolean;
  now?: Date;
}

export interface AboutSection {
  assistantName: string;
  assistantVersion: string;
  /** How the assistant was run: the desktop window or the browser mode (the CLI uses the browser-mode context). */
  transport: string;
  generatedAt: string;
  os: { platform: string; release: string; type: string; arch: string };
  runtime: { node: string; electron: string | null };
}

export interface ConnectionSection {
  /** Host (and port) of the saved Base URL only: the path is left out on purpose. */
  baseUrlHost: string | null;
  key: {
    saved: boolean;
    fingerprint: string | null;
    savedAt: string | null;
    storage: 'os-keychain' | 'memory';
    storageName: string;
    storageProblem: string | null;
  };
}

export interface NetworkSection {
  proxy: {
    /** `system`: Electron's proxy resolution (OS settings, PAC); `environment`: HTTPS_PROXY & co.; `direct`. */
    mode: 'system' | 'environment' | 'direct';
    description: string;
    /** From the environment, with any user name and password removed. */
    httpsProxy: string | null;
    httpProxy: string | null;
    noProxy: string | null;
  };
  certificates: {
    caFile: string | null;
    /** Whether that file exists on this computer now; null when there is no CA file. */
    caFileFound: boolean | null;
    useSystemCa: boolean;
    nodeExtraCaCerts: string | null;
  };
}

export interface StepsSection {
  currentStep: string;
  steps: Array<{ id: string; title: string; status: string }>;
  done: string[];
}

export interface ConfigProblem {
  severity: 'error' | 'warning';
  message: string;
  /** "mapping 3", "filter 1, clause 2"… where the problem sits. */
  where: string | null;
}

export interface MappingRow {
  target: string;
  type: string;
  /** The source attribute, constant value or expression, as Entra's "Edit Attribute" dialog shows it. */
  source: string;
  apply: string;
  defaultValue: string | null;
  matchingPrecedence: number | null;
  /**
   * Differs from (or is missing in) the default for the same target: the imported Entra schema's mapping
   * when one is imported, else the Jostle gallery app's built-in default.
   */
  differsFromGallery: boolean;
  /** The same as a built-in gallery default that no public source confirms (shown as "assumed"). */
  defaultAssumed: boolean;
}

export interface MappingSection {
  origin: 'saved' | 'gallery-defaults' | 'custom-defaults' | 'unreadable';
  /** What differsFromGallery compares with: Entra's imported schema, else the setup path's defaults. */
  comparedWith: 'entra-schema' | 'gallery-defaults' | 'custom-defaults';
  mappings: MappingRow[];
  /** Gallery targets the saved mapping leaves out. */
  galleryTargetsMissing: string[];
  problems: ConfigProblem[];
}

export interface ScopingSection {
  origin: 'saved' | 'default' | 'unreadable';
  scope: 'assignedOnly' | 'allUsers' | null;
  scopeLabel: string | null;
  filters: Array<{ title: string; clauses: string[] }>;
  problems: ConfigProblem[];
}

export interface ProbeLine {
  id: string;
  title: string;
  status: 'pass' | 'warn' | 'fail' | 'skipped';
  summary: string;
  remedy: string | null;
  /** The first request the probe made and its answer, with the Base URL shortened and tokens removed. */
  firstEvidence: string | null;
}

export interface ProbesSection {
  target: 'mock' | 'live';
  baseUrlHost: string | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  write: boolean;
  cancelled: boolean;
  ok: boolean;
  counts: { pass: number; warn: number; fail: number; skipped: number };
  trust: string[];
  leftovers: Array<{ userName: string; id: string | null; state: string; note: string }>;
  results: ProbeLine[];
}

export interface DryRunSection {
  startedAt: string;
  finishedAt: string;
  target: 'mock' | 'live';
  targetHost: string | null;
  patchDialect: string;
  cycles: Array<{
    cycle: number;
    kind: string;
    startedAt: string;
    durationMs: number;
    requests: number;
    inScope: number;
    cancelled: boolean;
    /** Non-zero counts only, e.g. { "Create Success": 12 }. */
    counts: Record<string, number>;
  }>;
  /** At most {@link MAX_DRY_RUN_ERRORS}; `errorCount` says how many the summary kept. */
  firstErrors: Array<{ cycle: number; user: string; action: string; errorCode: string; message: string }>;
  errorCount: number;
  /** The verdict that stands after the latest cycle (an earlier cycle's quarantine is history). */
  quarantine: { quarantined: boolean; reason: string | null; explanation: string };
  /** The latest cycle's number and failures: what the state is now; earlier cycles are history. */
  latestCycle: { cycle: number; failures: number } | null;
  estimate: { objectsInScope: number; minMinutes: number; maxMinutes: number };
}

export interface ImportedDataSection {
  userDataIncluded: boolean;
  users: {
    fileName: string | null;
    importedAt: string | null;
    count: number;
    /** Only with includeUserData, at most {@link MAX_EXPORTED_USERS}. */
    list?: StoredUserImport['users'];
  } | null;
  assignments: {
    fileName: string | null;
    importedAt: string | null;
    directUsers: number;
    groups: number;
    groupMembers: number;
    /** Only with includeUserData. */
    list?: StoredAssignmentsImport['assignments'];
  } | null;
}

/** Tested here vs the imported Entra synchronization schema (shared/entra-schema). */
export interface EntraSchemaSection {
  fileName: string;
  importedAt: string;
  ruleName: string;
  objectMappingName: string;
  targetObjectActions: { create: boolean; update: boolean; delete: boolean };
  notes: Array<{ where: string; message: string }>;
  mappings: Array<{ target: string; status: string; tested: string | null; entra: string | null }>;
  clauses: Array<{
    filter: number;
    clause: number;
    status: string;
    tested: string | null;
    entra: string | null;
  }>;
}

/** The Monitor step's analysis of an imported provisioning log (a download or Graph). */
export interface MonitorSection {
  fileName: string;
  importedAt: string;
  source: 'file' | 'graph';
  /** false: the users in the samples are "user 1", "user 2"… */
  userDataIncluded: boolean;
  total: number;
  timeRange: { from: string; to: string } | null;
  byAction: Record<string, number>;
  byStatus: Record<string, number>;
  skippedByCode: Record<string, number>;
  stagedDeletes: number;
  cycles: Array<{ from: string; to: string; events: number; failures: number }>;
  /** Signals read off a filtered download, not Entra's verdict. */
  quarantine: {
    likely: boolean;
    signals: Array<{ severity: 'high' | 'watch'; message: string }>;
    failureProportion: { failures: number; attempted: number; ratio: number };
  };
  errors: Array<{
    code: string | null;
    count: number;
    firstAt: string;
    lastAt: string;
    title: string;
    likelyCause: string;
    fix: string;
    matchedBy: string;
    samples: Array<{
      at: string;
      action: string;
      status: string;
      user: string | null;
      reason: string | null;
      changeId: string | null;
    }>;
  }>;
  warnings: string[];
}

export interface SupportExport {
  kind: 'jostle-provisioning-assistant/support-export';
  formatVersion: 1;
  about: AboutSection;
  connection: ConnectionSection;
  network: NetworkSection;
  steps: StepsSection;
  mapping: MappingSection;
  /** Which Entra app the admin sets up and the portal changes for it (issue 22). */
  setupPath: SetupPathSection;
  scoping: ScopingSection;
  /** null: no Entra schema imported. */
  entraSchema: EntraSchemaSection | null;
  /** null: no probes have run yet. */
  probes: ProbesSection | null;
  /** null: no dry run yet. */
  dryRun: DryRunSection | null;
  /** null: no provisioning log imported on the Monitor step. */
  monitor: MonitorSection | null;
  importedData: ImportedDataSection;
}

export const MAX_DRY_RUN_ERRORS = 20;
export const MAX_EXPORTED_USERS = 1000;
