/**
 * A page of the dry-run log, newest first and filtered, read without loading the whole paged log: it must
 * give what filtering every entry would (the handler did that before, for every page the window asked for).
 */
import { describe, expect, it } from 'vitest';
import { ProvisioningLog, type LoggedOutcome } from '../../main/provisioning/log-store';
import { queryLog } from '../../main/provisioning/log-query';
import type { DryRunResult, LogQuery, ProvisioningLogEntry } from '../../main/provisioning/types';
import {
  GRAPH_LOG_EXPORT_LIMIT,
  newestLogEntries,
  provisioningObjectSummaries,
} from '../../main/provisioning/graph-log';

const ACTIONS = ['Create', 'Update', 'Disable', 'Other'] as const;
const STATUSES = ['Success', 'Failure', 'Skipped'] as const;
const NAMES = ['ada', 'Zoë', 'o"brien', 'back\\slash', 'ΟΔΥΣΣΕΑΣ', 'ünïcode'];

function outcome(index: number): LoggedOutcome {
  const status = STATUSES[index % 3]!;
  return {
    action: ACTIONS[(index >> 1) % 4]!,
    status,
    errorCode: status === 'Failure' ? (index % 2 ? 'EntryConflict' : 'TooManyRequests') : null,
    // A message that names another user: a search must not match on it.
    message: `turn ${index} (see ${NAMES[(index + 1) % NAMES.length]})`,
    targetId: null,
    diff: [],
    exchanges: [],
  };
}

function reference(
  log: ProvisioningLog,
  query: LogQuery,
): { matching: number; entries: ProvisioningLogEntry[] } {
  const needle = query.search?.trim().toLowerCase() ?? '';
  const matching = [...log.all()]
    .reverse()
    .filter(
      (entry) =>
        (query.action === undefined || entry.action === query.action) &&
        (query.status === undefined || entry.status === query.status) &&
        (needle === '' ||
          entry.userPrincipalName.toLowerCase().includes(needle) ||
          (entry.errorCode ?? '').toLowerCase().includes(needle)),
    );
  return { matching: matching.length, entries: matching.slice(query.offset, query.offset + query.limit) };
}

describe('a page of the dry-run log', () => {
  const paged = new ProvisioningLog(
    { detailedSuccesses: 5, maxEntries: 100_000, maxBodyChars: 100, inMemoryEntries: 300 },
    ['never-shown-secret'],
  );
  for (let index = 0; index < 5_000; index += 1)
    paged.add(
      1 + (index >> 11),
      outcome(index),
      `object-${index}`,
      `${NAMES[index % NAMES.length]}.${index}@contoso.example`,
    );

  const queries: LogQuery[] = [
    { offset: 0, limit: 50 },
    { offset: 4_990, limit: 50 },
    { offset: 10_000, limit: 50 },
    { offset: 3, limit: 7, action: 'Update' },
    { offset: 0, limit: 500, status: 'Failure' },
    { offset: 100, limit: 20, action: 'Other', status: 'Skipped' },
    { offset: 0, limit: 30, search: 'zoë' },
    { offset: 5, limit: 30, search: '  ADA.1' },
    { offset: 0, limit: 40, search: 'entryconflict', action: 'Disable' },
    { offset: 0, limit: 40, search: 'o"brien' },
    { offset: 0, limit: 40, search: 'back\\slash.4' },
    { offset: 0, limit: 40, search: 'οδυσσεας' },
    { offset: 0, limit: 40, search: 'see ada' },
    { offset: 0, limit: 40, search: 'nobody' },
  ];

  it.each(queries)('%o gives what filtering every entry gives', (query) => {
    const page = queryLog(paged, query);
    const expected = reference(paged, query);
    expect(page.total).toBe(5_000);
    expect(page.matching).toBe(expected.matching);
    expect(page.entries).toEqual(expected.entries);
  });

  it('finds entries by search in memory and on disk alike, and names none by its message', () => {
    expect(queryLog(paged, { offset: 0, limit: 500, search: 'zoë' }).matching).toBe(834);
    expect(queryLog(paged, { offset: 0, limit: 10, search: 'see ada' }).matching).toBe(0);
  });

  it('reads entries added after a page was read', () => {
    queryLog(paged, { offset: 0, limit: 5 });
    paged.add(9, outcome(1), 'object-late', 'late@contoso.example');
    const newest = queryLog(paged, { offset: 0, limit: 1 });
    expect(newest.entries[0]).toMatchObject({ objectId: 'object-late', cycle: 9 });
    expect(paged.at(paged.size - 1).objectId).toBe('object-late');
  });
});

describe('the saved Graph log of a very large run', () => {
  it('holds the newest entries up to its limit, oldest of them first, and says how many there were', () => {
    const log = new ProvisioningLog(
      { detailedSuccesses: 0, maxEntries: 1_000, maxBodyChars: 100, inMemoryEntries: 10 },
      [],
    );
    for (let index = 0; index < 30; index += 1)
      log.add(1, outcome(index), `object-${index}`, `u${index}@x.example`);
    const result = { logSize: log.size, queryLog: (query: LogQuery) => queryLog(log, query) } as DryRunResult;
    const newest = newestLogEntries(result, 12);
    expect(newest.map((entry) => entry.objectId)).toEqual(
      Array.from({ length: 12 }, (_, at) => `object-${18 + at}`),
    );
    const summaries = provisioningObjectSummaries(newest, {
      startedAt: '2026-12-02T00:00:00Z',
      targetHost: null,
    });
    expect(summaries.value[0]!.sourceIdentity.id).toBe('object-29');
    expect(newestLogEntries(result)).toHaveLength(30);
    expect(GRAPH_LOG_EXPORT_LIMIT).toBeGreaterThanOrEqual(10_000);
  });
});
