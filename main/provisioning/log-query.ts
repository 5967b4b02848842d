/**
 * One page of the dry-run log, newest first as Entra lists its provisioning logs, filtered by action, status
 * and a search of the user principal name and error code. Reads only what it must: filters use the log's
 * per-entry codes, a page reads its own entries, and a search parses only the lines whose text holds the term.
 * (Reading the whole paged log back for every page was ~500 MB of entries at 500,000 users.)
 */
import type { ProvisioningLog } from './log-store';
import type { LogPage, LogQuery, ProvisioningLogEntry } from './types';

/**
 * A term whose characters JSON writes differently (quotes, backslashes, control characters, lone surrogates)
 * or whose lower case depends on its neighbours (sigma) may not appear as is in an entry's text: those
 * searches parse every line rather than trust the text.
 */
// eslint-disable-next-line no-control-regex
const NOT_LITERAL_IN_JSON = /["\\\u0000-\u001f\ud800-\udfffσςΣ]/;

function matchesSearch(entry: ProvisioningLogEntry, needle: string): boolean {
  return (
    entry.userPrincipalName.toLowerCase().includes(needle) ||
    (entry.errorCode ?? '').toLowerCase().includes(needle)
  );
}

export function queryLog(log: ProvisioningLog, query: LogQuery): LogPage {
  const needle = query.search?.trim().toLowerCase() ?? '';
  const newestFirst: number[] = [];
  let matching = 0;
  if (needle === '') {
    for (let index = log.size - 1; index >= 0; index -= 1) {
      if (!log.hasOutcome(index, query.action, query.status)) continue;
      if (matching >= query.offset && newestFirst.length < query.limit) newestFirst.push(index);
      matching += 1;
    }
  } else {
    const trustText = !NOT_LITERAL_IN_JSON.test(needle);
    const found: number[] = [];
    for (let index = 0; index < log.inMemory; index += 1)
      if (log.hasOutcome(index, query.action, query.status) && matchesSearch(log.at(index), needle))
        found.push(index);
    for (const { index, text } of log.pagedTexts()) {
      if (!log.hasOutcome(index, query.action, query.status)) continue;
      if (trustText && !text.toLowerCase().includes(needle)) continue;
      if (matchesSearch(JSON.parse(text) as ProvisioningLogEntry, needle)) found.push(index);
    }
    matching = found.length;
    for (let at = found.length - 1 - query.offset; at >= 0 && newestFirst.length < query.limit; at -= 1)
      newestFirst.push(found[at]!);
  }
  return { total: log.size, matching, entries: log.entriesAt(newestFirst) };
}
