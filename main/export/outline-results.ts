import type { SupportExport } from './model';
import { MAX_EXPORTED_USERS } from './model';
import { describeInitialCycleEstimate } from '../../shared/provisioning/cycle-estimate';
import {
  describeHost,
  isThisComputer,
  missing,
  orNone,
  yesNo,
  type Block,
  type Cell,
  type Section,
  type Tone,
} from './outline';

/**
 * What a run talked to, in words support cannot misread: a "live" run whose saved Base URL is on this
 * computer reached Mock Jostle (or another local server), not a tenant; a live dry run wrote to the tenant.
 */
export function targetLabel(target: 'mock' | 'live', host: string | null, run: 'probes' | 'dry-run'): string {
  if (target === 'mock') return 'the built-in mock Jostle';
  if (isThisComputer(host))
    return 'the saved Base URL, which is on this computer (Mock Jostle), not a Jostle tenant';
  const shown = orNone(host, 'unknown host');
  return run === 'dry-run' ? `Live run: wrote to ${shown}` : `the Jostle tenant (live), ${shown}`;
}

/** How old the probe results are, and whether they tested the host saved now: a past run is not today's. */
function probeStaleness(model: SupportExport): Cell {
  const probes = model.probes!;
  const minutes = Math.max(
    0,
    Math.round((Date.parse(model.about.generatedAt) - Date.parse(probes.finishedAt)) / 60_000),
  );
  const age =
    minutes < 1
      ? 'run just before this export'
      : minutes < 120
        ? `run ${minutes} minute${minutes === 1 ? '' : 's'} before this export`
        : `run ${Math.round(minutes / 60)} hours before this export`;
  const otherHost =
    probes.target === 'live' && probes.baseUrlHost !== model.connection.baseUrlHost
      ? `; they tested ${orNone(probes.baseUrlHost, 'an unknown host')}, not the Base URL saved now (${orNone(model.connection.baseUrlHost, 'none')})`
      : '';
  return {
    text: `${age}${otherHost}; changes made since (mappings, key, URL) are not reflected: run Diagnostics again for today's state`,
    tone: otherHost || minutes >= 60 ? 'warn' : 'muted',
  };
}

const PROBE_TONES: Record<string, Tone> = { pass: 'good', warn: 'warn', fail: 'bad', skipped: 'muted' };

export function probesSection(model: SupportExport): Section {
  const title = 'Latest probe results';
  const { probes } = model;
  if (!probes) {
    return {
      id: 'probes',
      title,
      blocks: [missing('Not run yet: no probes have been run against the mock or the Jostle tenant.')],
    };
  }
  const { pass, warn, fail, skipped } = probes.counts;
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        ['Target', targetLabel(probes.target, probes.baseUrlHost, 'probes')],
        ['Host', describeHost(probes.baseUrlHost, 'unknown')],
        ['Staleness', probeStaleness(model)],
        [
          'Run',
          `${probes.startedAt} to ${probes.finishedAt} (${probes.durationMs} ms)${probes.cancelled ? ', cancelled' : ''}`,
        ],
        ['Write probes', yesNo(probes.write)],
        [
          'Outcome',
          {
            text: `${pass} passed, ${warn} warned, ${fail} failed, ${skipped} skipped`,
            tone: probes.ok ? 'good' : 'bad',
          },
        ],
        ['Certificates trusted', probes.trust.length ? probes.trust.join('; ') : 'Node.js defaults'],
      ],
    },
    {
      kind: 'table',
      columns: ['Status', 'Probe', 'Summary', 'What to do', 'First request'],
      rows: probes.results.map((result): Cell[] => [
        { text: result.status.toUpperCase(), tone: PROBE_TONES[result.status] ?? 'muted' },
        result.title,
        result.summary,
        orNone(result.remedy, ''),
        orNone(result.firstEvidence, ''),
      ]),
    },
  ];
  if (probes.leftovers.length > 0) {
    blocks.push({ kind: 'heading', text: 'Test users left behind' });
    blocks.push({
      kind: 'list',
      items: probes.leftovers.map(
        (leftover) =>
          `${leftover.userName}${leftover.id ? ` (id ${leftover.id})` : ''}, ${leftover.state}: ${leftover.note}`,
      ),
    });
  }
  return { id: 'probes', title, blocks };
}

export function dryRunSection(model: SupportExport): Section {
  const title = 'Latest dry run';
  const { dryRun } = model;
  if (!dryRun) return { id: 'dry-run', title, blocks: [missing('Not run yet: no dry run has been made.')] };
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        ['Target', targetLabel(dryRun.target, dryRun.targetHost, 'dry-run')],
        ['Run', `${dryRun.startedAt} to ${dryRun.finishedAt}`],
        ['PATCH dialect', dryRun.patchDialect === 'default' ? 'default' : 'aadOptscim062020 (feature flag)'],
        [
          'Latest cycle',
          dryRun.latestCycle
            ? {
                text: `cycle ${dryRun.latestCycle.cycle} of ${dryRun.cycles.length}: ${
                  dryRun.latestCycle.failures === 0
                    ? 'no failures'
                    : `${dryRun.latestCycle.failures} failed ${dryRun.latestCycle.failures === 1 ? 'operation' : 'operations'}`
                } (earlier cycles below are history)`,
                tone: dryRun.latestCycle.failures === 0 ? 'good' : 'bad',
              }
            : 'none',
        ],
        [
          'Quarantine',
          dryRun.quarantine.quarantined
            ? {
                text: `quarantined (${orNone(dryRun.quarantine.reason, 'no reason given')}): ${dryRun.quarantine.explanation}`,
                tone: 'bad',
              }
            : { text: `not quarantined: ${dryRun.quarantine.explanation}`, tone: 'good' },
        ],
        ['Estimated real initial cycle', describeInitialCycleEstimate(dryRun.estimate)],
      ],
    },
    {
      kind: 'table',
      columns: ['Cycle', 'Kind', 'In scope', 'Requests', 'Duration', 'Results'],
      rows: dryRun.cycles.map((cycle): Cell[] => [
        String(cycle.cycle),
        cycle.kind + (cycle.cancelled ? ' (cancelled)' : ''),
        String(cycle.inScope),
        String(cycle.requests),
        `${cycle.durationMs} ms`,
        Object.entries(cycle.counts)
          .map(([name, count]) => `${name}: ${count}`)
          .join(', ') || 'nothing to do',
      ]),
    },
  ];
  if (dryRun.firstErrors.length === 0) {
    blocks.push(missing('No errors.'));
  } else {
    const latest = dryRun.latestCycle?.cycle;
    const inLatest = dryRun.firstErrors.filter((error) => error.cycle === latest).length;
    blocks.push({
      kind: 'heading',
      text:
        `First errors (${dryRun.firstErrors.length} of ${dryRun.errorCount} kept by the dry run): ` +
        `${inLatest} in the latest cycle, ${dryRun.firstErrors.length - inLatest} from earlier cycles (history)`,
    });
    blocks.push({
      kind: 'table',
      columns: ['Cycle', 'User', 'Action', 'Error code', 'Message'],
      rows: dryRun.firstErrors.map((error): Cell[] => [
        String(error.cycle),
        error.user,
        error.action,
        { text: error.errorCode, tone: 'bad' },
        error.message,
      ]),
    });
  }
  return { id: 'dry-run', title, blocks };
}

function attributesText(attributes: Readonly<Record<string, unknown>>): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== null && value !== '')
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}

export function importedDataSection(model: SupportExport): Section {
  const { users, assignments, userDataIncluded } = model.importedData;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: userDataIncluded
        ? 'The admin chose to include the imported user data.'
        : 'Imported user data is left out (only counts are shown); the admin can choose to include it.',
      tone: userDataIncluded ? 'warn' : 'muted',
    },
  ];
  blocks.push(
    users
      ? {
          kind: 'fields',
          rows: [
            [
              'Users file',
              `${orNone(users.fileName, 'unnamed')}, imported ${orNone(users.importedAt, 'at an unknown time')}`,
            ],
            ['Users', String(users.count)],
          ],
        }
      : missing('No users imported yet.'),
  );
  blocks.push(
    assignments
      ? {
          kind: 'fields',
          rows: [
            [
              'Assignments file',
              `${orNone(assignments.fileName, 'unnamed')}, imported ${orNone(assignments.importedAt, 'at an unknown time')}`,
            ],
            ['Directly assigned users', String(assignments.directUsers)],
            ['Assigned groups', `${assignments.groups} (${assignments.groupMembers} members)`],
          ],
        }
      : missing('No assignments imported yet.'),
  );
  if (users?.list) {
    blocks.push({
      kind: 'heading',
      text:
        users.list.length < users.count ? `Users (first ${MAX_EXPORTED_USERS} of ${users.count})` : 'Users',
    });
    blocks.push({
      kind: 'table',
      columns: ['userPrincipalName', 'objectId', 'Attributes'],
      rows: users.list.map((user) => [
        user.userPrincipalName,
        user.objectId,
        attributesText(user.attributes),
      ]),
    });
  }
  if (assignments?.list) {
    blocks.push({ kind: 'heading', text: 'Assignments' });
    blocks.push({
      kind: 'table',
      columns: ['Type', 'Id', 'Name', 'Members', 'App role'],
      rows: [
        ...assignments.list.users.map((user) => ['User', user.id, '', '', orNone(user.appRole, '')]),
        ...assignments.list.groups.map((group) => [
          'Group',
          group.id,
          orNone(group.displayName, ''),
          [...group.memberUsers, ...group.memberGroups.map((id) => `group ${id}`)].join(', '),
          orNone(group.appRole, ''),
        ]),
      ],
    });
  }
  return { id: 'imported-data', title: 'Imported data', blocks };
}
