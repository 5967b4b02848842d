/** The Monitor section of the export: what the imported provisioning log says, as the Monitor step shows it. */
import type { SupportExport } from './model';
import { missing, type Block, type Cell, type Section } from './outline';

const plural = (count: number, word: string) =>
  `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

const nonZero = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count.toLocaleString('en-US')}`)
    .join(', ') || 'none';

/** Fix texts carry Markdown bold for menu paths; the export's cells are plain text. */
const plain = (text: string) => text.replace(/\*\*/g, '');

export function monitorSection(model: SupportExport): Section {
  const title = 'Monitor: provisioning log analysis';
  const monitor = model.monitor;
  if (!monitor) {
    return {
      id: 'monitor',
      title,
      blocks: [missing('No provisioning log imported on the Monitor step.')],
    };
  }
  const { quarantine } = monitor;
  const failures = monitor.byStatus.Failure ?? 0;
  const diagnosis: Cell =
    quarantine.signals.length === 0
      ? { text: `No quarantine signals; ${plural(failures, 'failure')}.`, tone: failures ? 'warn' : 'good' }
      : {
          text: `${quarantine.likely ? 'Quarantine risk' : 'Worth watching'}: ${quarantine.signals
            .map((signal) => (signal.severity === 'high' ? `(serious) ${signal.message}` : signal.message))
            .join(' ')}`,
          tone: quarantine.likely ? 'bad' : 'warn',
        };
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        [
          'Imported from',
          `${monitor.source === 'graph' ? 'Microsoft Graph' : 'a downloaded file'}: ${monitor.fileName} (${monitor.importedAt})`,
        ],
        [
          'Events',
          `${plural(monitor.total, 'event')}${
            monitor.timeRange ? `, ${monitor.timeRange.from} to ${monitor.timeRange.to} (UTC)` : ''
          }, ${plural(monitor.cycles.length, 'cycle')}`,
        ],
        ['Diagnosis', diagnosis],
        [
          'Failed share',
          `${quarantine.failureProportion.failures.toLocaleString('en-US')} of ${quarantine.failureProportion.attempted.toLocaleString('en-US')} attempted events (skipped ones not counted)`,
        ],
        ['By action', nonZero(monitor.byAction)],
        ['By status', nonZero(monitor.byStatus)],
        ['Skipped, by reason', nonZero(monitor.skippedByCode)],
        ['Staged deletes held back', String(monitor.stagedDeletes)],
      ],
    },
    {
      kind: 'paragraph',
      text: 'A download is a filtered sample of Entra’s logs: these are signals to check on Enterprise applications > Jostle > Provisioning, not Entra’s verdict.',
      tone: 'muted',
    },
  ];
  if (monitor.warnings.length > 0) blocks.push({ kind: 'list', items: monitor.warnings });
  if (monitor.cycles.length > 0) {
    blocks.push({ kind: 'heading', text: 'Cycles (oldest first)' });
    blocks.push({
      kind: 'table',
      columns: ['From', 'To', 'Events', 'Failures'],
      rows: monitor.cycles.map((cycle): Cell[] => [
        cycle.from,
        cycle.to,
        String(cycle.events),
        cycle.failures ? { text: String(cycle.failures), tone: 'bad' } : '0',
      ]),
    });
  }
  if (monitor.errors.length === 0) {
    blocks.push(missing('No failures or warnings in the log.'));
    return { id: 'monitor', title, blocks };
  }
  blocks.push({ kind: 'heading', text: 'Failures and warnings by error code' });
  blocks.push({
    kind: 'table',
    columns: ['Error code', 'Count', 'Likely cause', 'Fix'],
    rows: monitor.errors.map((group): Cell[] => [
      { text: group.code ?? '(no code)', tone: 'bad' },
      String(group.count),
      `${group.title}: ${group.likelyCause}${group.matchedBy === 'pattern' || group.matchedBy === 'fallback' ? ' (matched by pattern, not by this exact code)' : ''}`,
      plain(group.fix),
    ]),
  });
  blocks.push({
    kind: 'heading',
    text: monitor.userDataIncluded
      ? 'First failures per code'
      : 'First failures per code (users shown as "user 1", "user 2"…)',
  });
  blocks.push({
    kind: 'table',
    columns: ['Time (UTC)', 'User', 'Action', 'Error code', 'Reason', 'Change ID'],
    rows: monitor.errors.flatMap((group) =>
      group.samples.map((sample): Cell[] => [
        sample.at,
        sample.user ?? '(no name)',
        `${sample.action} · ${sample.status}`,
        group.code ?? '(no code)',
        sample.reason ?? '—',
        sample.changeId ?? '—',
      ]),
    ),
  });
  return { id: 'monitor', title, blocks };
}
