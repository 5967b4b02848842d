/**
 * The Monitor step's log analysis for the export (main/app/monitor-analysis-store): the diagnosis, counts,
 * cycles and error groups with their first failures. The samples name users, which is the admin's data:
 * without the opt-in each becomes "user 1", "user 2"… (the same user, the same label), in the reason too,
 * and e-mail addresses in a reason become [e-mail].
 */
import { MonitorAnalysisStore } from '../app/monitor-analysis-store';
import type { MonitorSection } from './model';
import { redactLongRuns } from './redact';

const EMAIL = /[^\s'"<>@(),;]+@[^\s'"<>@(),;]+\.[a-z]{2,}/gi;

export async function collectMonitor(
  dataDir: string,
  includeUserData: boolean,
): Promise<MonitorSection | null> {
  const analysis = await new MonitorAnalysisStore(dataDir).current();
  if (!analysis) return null;
  const { summary } = analysis;
  const labels = new Map<string, string>();
  const labelOf = (key: string) => {
    let label = labels.get(key);
    if (label === undefined) {
      label = `user ${labels.size + 1}`;
      labels.set(key, label);
    }
    return label;
  };
  return {
    fileName: analysis.fileName,
    importedAt: analysis.importedAt,
    source: analysis.source,
    userDataIncluded: includeUserData,
    total: summary.total,
    timeRange: summary.timeRange ?? null,
    byAction: summary.byAction,
    byStatus: summary.byStatus,
    skippedByCode: summary.skippedByCode,
    stagedDeletes: summary.stagedDeletes,
    cycles: summary.cycles.map(({ from, to, events, failures }) => ({ from, to, events, failures })),
    quarantine: {
      likely: summary.quarantine.likely,
      signals: summary.quarantine.signals.map(({ severity, message }) => ({ severity, message })),
      failureProportion: summary.quarantine.failureProportion,
    },
    errors: summary.errors.map((group) => ({
      code: group.code,
      count: group.count,
      firstAt: group.firstAt,
      lastAt: group.lastAt,
      title: group.help.title,
      likelyCause: group.help.likelyCause,
      fix: group.help.fix,
      /** Whether the advice is for this exact code or a pattern match; support should know which. */
      matchedBy: group.help.matchedBy,
      samples: group.samples.map((sample) => {
        const names = [sample.sourceName, sample.sourceId, sample.targetId].filter((value): value is string =>
          Boolean(value),
        );
        const label = includeUserData ? null : labelOf(sample.sourceId ?? sample.sourceName ?? sample.at);
        // Entra's reasons quote user principal names and e-mail addresses as well as the names.
        const hide = (text: string) =>
          label === null
            ? text
            : names.reduce((out, name) => out.split(name).join(label), text).replace(EMAIL, '[e-mail]');
        return {
          at: sample.at,
          action: sample.action,
          status: sample.status,
          user: label ?? sample.sourceName ?? sample.sourceId ?? null,
          reason: sample.reason === undefined ? null : redactLongRuns(hide(sample.reason)),
          changeId: sample.changeId ?? null,
        };
      }),
    })),
    warnings: analysis.warnings,
  };
}
