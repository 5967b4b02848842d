import { describe, expect, it } from 'vitest';
import { parseProvisioningLogs } from '../../shared/provisioning-logs';
import { fixture, rowsOf } from './helpers';

const event = (overrides: Record<string, unknown> = {}) => ({
  activityDateTime: '2026-03-02T10:00:00Z',
  provisioningAction: 'create',
  provisioningStatusInfo: { status: 'success' },
  ...overrides,
});

describe('provisioning-logs JSON import', () => {
  it('reads a Graph page ({ value: [...] }) and warns that later pages are missing', () => {
    const result = parseProvisioningLogs(fixture('graph-page.json'), { fileName: 'graph-page.json' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe('json-graph-page');
    expect(result.rows).toHaveLength(9);
    expect(result.rows[0]).toMatchObject({
      action: 'Delete',
      sourceName: 'Ivo Petrov',
      origin: { record: 1 },
    });
    expect(result.warnings[0]).toMatch(/@odata.nextLink/);
  });

  it('reads Azure Monitor archive lines, taking the time from the record around the event', () => {
    const result = parseProvisioningLogs(fixture('azure-monitor-archive.jsonl'), { fileName: 'PT1H.jsonl' });
    expect(result.ok && result.format).toBe('ndjson');
    if (!result.ok) return;
    expect(result.rows.map((row) => row.at)).toEqual([
      '2026-03-02T09:14:05.123Z',
      '2026-03-02T09:14:06.410Z',
      '2026-03-02T09:14:07.002Z',
      '2026-03-02T09:14:08.551Z',
    ]);
    expect(result.rows[2]).toMatchObject({ errorCode: 'EntryConflict', origin: { line: 3, record: 3 } });
  });

  it('reads the pre-2022 beta shape (action, statusInfo) and Log Analytics JSON with JSON-text columns', () => {
    const beta = {
      activityDateTime: '2026-03-02T10:00:00Z',
      action: 'Disable',
      statusInfo: { status: 'failure', errorCode: 'Unauthorized', reason: '401' },
    };
    const analytics = {
      TimeGenerated: '2026-03-02T10:01:00Z',
      ProvisioningAction: 'Update',
      ProvisioningStatusInfo:
        '{"status":"failure","errorInformation":{"errorCode":"UnprocessableEntity","reason":"bad email"}}',
      SourceIdentity: '{"id":"src-9","displayName":"Zoë"}',
    };
    const result = parseProvisioningLogs(JSON.stringify({ records: [beta, analytics] }));
    expect(result.ok && result.format).toBe('json-records');
    expect(result.ok && result.rows.map(({ origin: _origin, ...row }) => row)).toEqual([
      {
        at: '2026-03-02T10:00:00.000Z',
        action: 'Disable',
        status: 'Failure',
        errorCode: 'Unauthorized',
        reason: '401',
      },
      {
        at: '2026-03-02T10:01:00.000Z',
        action: 'Update',
        status: 'Failure',
        errorCode: 'UnprocessableEntity',
        reason: 'bad email',
        sourceId: 'src-9',
        sourceName: 'Zoë',
      },
    ]);
  });

  it('flags unknownFutureValue as a Warning and unfamiliar actions as Other', () => {
    const result = parseProvisioningLogs(
      JSON.stringify([
        event({
          provisioningAction: 'unknownFutureValue',
          provisioningStatusInfo: { status: 'unknownFutureValue' },
        }),
        event({ provisioningAction: 'Export' }),
      ]),
    );
    expect(result.ok && result.rows.map((row) => [row.action, row.status])).toEqual([
      ['Other', 'Warning'],
      ['Other', 'Success'],
    ]);
  });

  describe('broken input: the position, and no rows', () => {
    const errorOf = (text: string) => {
      const result = parseProvisioningLogs(text, { format: 'json' });
      expect(result.ok).toBe(false);
      expect(result).not.toHaveProperty('rows');
      return result.ok ? undefined : result.error;
    };

    it('says where a cut-short download ends', () => {
      expect(errorOf(fixture('broken-truncated-json.txt'))).toMatchObject({
        line: 1,
        column: 1501,
        position: 1500,
        message: expect.stringContaining('the file ends too early'),
      });
    });

    it('gives line and column of a syntax error in pretty-printed JSON', () => {
      const text =
        '[\n  {\n    "activityDateTime": "2026-03-02T10:00:00Z",\n    "provisioningAction": "create"\n    "cycleId": "c1"\n  }\n]';
      expect(errorOf(text)).toMatchObject({
        line: 5,
        column: 5,
        message: expect.stringMatching(/^Line 5, column 5: .*expected ',' or '}'/),
      });
    });

    it('gives the line of a broken NDJSON line', () => {
      const lines = [
        JSON.stringify(event()),
        JSON.stringify(event()),
        '{"activityDateTime": "2026-03-02T10:00:00Z", "provisioningAction": }',
      ];
      expect(errorOf(lines.join('\n'))).toMatchObject({ line: 3, column: 68 });
    });

    it('gives the record number of an event with no date', () => {
      expect(errorOf(JSON.stringify([event(), event({ activityDateTime: '' })]))).toMatchObject({
        record: 2,
        message: 'Record 2: the activity date is empty.',
      });
    });

    it('rejects a list item that is not an event', () => {
      expect(errorOf(JSON.stringify([event(), 42]))?.message).toBe(
        'Record 2: expected an event object, found 42.',
      );
    });

    it('rejects JSON that is not provisioning logs', () => {
      expect(errorOf('{"userPrincipalName": "ada@contoso.example"}')?.message).toMatch(
        /not Entra provisioning logs/,
      );
    });

    it('rejects an empty file', () => {
      expect(errorOf('  \n')?.message).toBe('The file is empty.');
    });
  });

  it('picks JSON by content when the file name does not say', () => {
    expect(rowsOf('revoked-key.json')).toHaveLength(12);
    const result = parseProvisioningLogs(`\uFEFF  ${JSON.stringify([event()])}`);
    expect(result.ok && result.format).toBe('json-array');
  });
});
