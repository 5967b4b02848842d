/**
 * The export's "Setup path" section (issue 22): which Entra app the admin sets up, what differs on that path,
 * and exactly which mapping changes to make in the portal, relative to the path's defaults.
 */
import { APP_PATH_LABELS, PATH_DIFFERENCES, type AppPath } from '../../shared/app-path/app-path';
import {
  defaultMappingFor,
  mappingConfigSchema,
  portalChanges,
  type MappingConfig,
  type PortalChange,
} from '../../shared/mapping';
import { dataFiles } from '../app/data-files';
import type { Section } from './outline';
import { readJsonFile } from './read-json-file';

export interface SetupPathSection {
  appPath: AppPath;
  label: string;
  /** What the portal needs, row by row, against the defaults a new app on this path starts with. */
  mappingChanges: PortalChange[];
  differences: Array<{ behaviour: string; onThisPath: string; verdict: string; sources: string[] }>;
}

export async function collectSetupPath(dataDir: string, appPath: AppPath): Promise<SetupPathSection> {
  const json = await readJsonFile(dataFiles.mapping(dataDir));
  let config: MappingConfig = defaultMappingFor(appPath);
  if (json.state === 'read') {
    const parsed = mappingConfigSchema.safeParse(json.value);
    if (parsed.success) config = parsed.data;
  }
  return {
    appPath,
    label: APP_PATH_LABELS[appPath],
    mappingChanges: portalChanges(config.mappings, appPath),
    differences: PATH_DIFFERENCES.map((row) => ({
      behaviour: row.behaviour,
      onThisPath: row[appPath],
      verdict: row.verdict,
      sources: row.sources,
    })),
  };
}

const ACTION = { delete: 'Delete', edit: 'Edit', add: 'Add' } as const;

/** One line per portal change, in the admin's terms (also used by the Configure in Entra step's tests). */
export function describeChange(change: PortalChange): string {
  const precedence =
    change.matchingPrecedence === undefined ? '' : `, matching precedence ${change.matchingPrecedence}`;
  const list = change.addToAttributeList ? ' (first add it to the app’s attribute list)' : '';
  if (change.action === 'delete') return `Delete ${change.target} (source ${change.from})`;
  if (change.action === 'edit')
    return `Edit ${change.target}: source ${change.from} → ${change.to}${precedence}`;
  return `Add ${change.target} ← ${change.to}${precedence}${list}`;
}

export function setupPathSection(model: { setupPath: SetupPathSection }): Section {
  const { setupPath } = model;
  return {
    id: 'setup-path',
    title: 'Setup path',
    blocks: [
      { kind: 'fields', rows: [['Entra app', setupPath.label]] },
      { kind: 'heading', text: 'Mapping changes to make in Entra' },
      setupPath.mappingChanges.length === 0
        ? { kind: 'paragraph', text: 'None: the mapping is the path’s defaults.', tone: 'muted' }
        : {
            kind: 'table',
            columns: ['Action', 'Target attribute', 'Change'],
            rows: setupPath.mappingChanges.map((change) => [
              ACTION[change.action],
              change.target,
              describeChange(change),
            ]),
          },
      { kind: 'heading', text: 'How this path differs' },
      {
        kind: 'table',
        columns: ['Behaviour', 'On this path', 'Verdict', 'Sources'],
        rows: setupPath.differences.map((row) => [
          row.behaviour,
          row.onThisPath,
          row.verdict,
          row.sources.join(', '),
        ]),
      },
    ],
  };
}
