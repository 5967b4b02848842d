import { describe, expect, it } from 'vitest';
import { parseProvisioningLogs } from '../../shared/provisioning-logs';
import { fixture, rowsOf, withoutOrigin } from './helpers';

const HEADER = 'Date (UTC),Action,Status,Error Code,Reason,Source Identity ID';

describe('provisioning-logs CSV import', () => {
  it('reads the portal download: BOM, CRLF, quoted commas and a line break inside a reason', () => {
    const rows = rowsOf('entra-download.csv');
    expect(rows).toHaveLength(17);
    expect(rows[0]).toMatchObject({
      at: '2026-03-02T09:14:05.123Z',
      action: 'Create',
      status: 'Success',
      sourceId: 'a1b2c3d4-0001-4a5b-9c8d-111111111111',
      sourceName: 'Amara Okafor',
      targetId: '7731',
      cycleId: '2f6c1a9e-3b7d-4e21-8c55-0a9d4e7b1c62',
      changeId: '00000001-c0de-4abc-9def-000000000001',
      origin: { line: 2, record: 1 },
    });
    expect(rows[0]).not.toHaveProperty('errorCode');
    const conflict = rows[2]!;
    expect(conflict).toMatchObject({
      status: 'Failure',
      errorCode: 'EntryConflict',
      origin: { line: 4, record: 3 },
    });
    expect(conflict.reason).toContain('already exists in Jostle.\r\nThe matching attribute');
    // The reason spans two lines, so the next record starts on line 6.
    expect(rows[3]!.origin.line).toBe(6);
    expect(rows.find((row) => row.sourceName === 'Chen, Wei')?.errorCode).toBe('TooManyRequests');
  });

  it('reads the user’s name from a “Source Identity Name” column', () => {
    const parsed = parseProvisioningLogs(
      'Date (UTC),Action,Status,Error Code,Source Identity Name\n2026-03-02 09:14:05,Create,Failure,EntryConflict,Reception Desk\n',
      { fileName: 'ProvisioningLogs.csv' },
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.rows[0]).toMatchObject({ sourceName: 'Reception Desk', errorCode: 'EntryConflict' });
  });

  it('concept-provisioning-logs: keeps Entra’s actions (Other for skipped out-of-scope users, StagedDelete)', () => {
    const rows = rowsOf('entra-download.csv');
    const skipped = rows.filter((row) => row.status === 'Skipped');
    expect(skipped.map((row) => row.action)).toEqual(['Other', 'Other', 'StagedDelete']);
    expect(skipped[2]).toMatchObject({ staged: true, sourceName: 'Hana Sato' });
    expect(rows.filter((row) => row.staged)).toHaveLength(1);
  });

  it('reads a Log Analytics export (PascalCase, JSON-text identities, US dates) to the same events', () => {
    const portal = withoutOrigin(rowsOf('entra-download.csv'));
    const analytics = withoutOrigin(rowsOf('log-analytics-export.csv'));
    // The Log Analytics export flattens the reason's line break to a space.
    const flattenReason = (rows: typeof portal) =>
      rows.map((row) => (row.reason ? { ...row, reason: row.reason.replace(/\r\n/g, ' ') } : row));
    expect(flattenReason(analytics)).toEqual(flattenReason(portal));
  });

  it('reads the JSON download of the same run to the same events as the CSV', () => {
    expect(withoutOrigin(rowsOf('entra-download.json'))).toEqual(withoutOrigin(rowsOf('entra-download.csv')));
  });

  it('accepts semicolon-separated files, Graph-style dotted headers and a blank trailing line', () => {
    const text =
      'activityDateTime;provisioningAction;provisioningStatusInfo.status;provisioningStatusInfo.errorInformation.errorCode\n' +
      '2026-03-02 10:00:00;update;failure;Conflict\n\n';
    const result = parseProvisioningLogs(text);
    expect(result.ok && result.rows).toEqual([
      {
        at: '2026-03-02T10:00:00.000Z',
        action: 'Update',
        status: 'Failure',
        errorCode: 'Conflict',
        origin: { line: 2, record: 1 },
      },
    ]);
  });

  it('treats a blank status with an error code as a failure and warns when there is no action column', () => {
    const result = parseProvisioningLogs('Date,Status,Error Code\n2026-03-02T10:00:00Z,,Timeout\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows[0]).toMatchObject({ status: 'Failure', action: 'Other', errorCode: 'Timeout' });
    expect(result.warnings[0]).toMatch(/no action column/);
  });

  describe('broken input: a clear error with the line, and no rows', () => {
    const errorOf = (text: string) => {
      const result = parseProvisioningLogs(text, { format: 'csv' });
      expect(result.ok).toBe(false);
      expect(result).not.toHaveProperty('rows');
      return result.ok ? undefined : result.error;
    };

    it('names the line where an unclosed quote opens', () => {
      expect(errorOf(fixture('broken-unclosed-quote.csv'))).toMatchObject({
        line: 4,
        column: 232,
        message: expect.stringMatching(/^Line 4: a quoted cell is never closed/),
      });
    });

    it('names the line of an impossible date (31 February)', () => {
      expect(errorOf(fixture('broken-bad-date.csv'))).toMatchObject({
        line: 3,
        record: 2,
        message: 'Line 3: "2026-02-31 09:14" is not a date and time.',
      });
    });

    it('names the line of a row with too many cells', () => {
      expect(
        errorOf(
          `${HEADER}\n2026-03-02T10:00:00Z,Create,Success,,,id-1\n2026-03-02T10:01:00Z,Create,Success,,a, b,id-2\n`,
        ),
      ).toMatchObject({
        line: 3,
        message: expect.stringContaining('7 cells where the header has 6'),
      });
    });

    it('names the line of an unknown status', () => {
      expect(errorOf(`${HEADER}\n2026-03-02T10:00:00Z,Create,Pending,,,id-1\n`)?.message).toBe(
        'Line 2: the status "Pending" is not one of Success, Failure, Skipped, Warning.',
      );
    });

    it('names text after a closing quote', () => {
      expect(errorOf(`${HEADER}\n2026-03-02T10:00:00Z,Create,Success,,"said "hi"",id-1\n`)).toMatchObject({
        line: 2,
      });
    });

    it('keeps the line right for a quoting error after a reason that spans lines', () => {
      const text =
        `${HEADER}\r\n2026-03-02T10:00:00Z,Create,Failure,Conflict,"first\r\nsecond",id-1\r\n` +
        '2026-03-02T10:01:00Z,Create,Success,,"open,id-2\r\n';
      expect(errorOf(text)).toMatchObject({
        line: 4,
        column: 38,
        message: expect.stringMatching(/^Line 4: a quoted cell is never closed/),
      });
    });

    it('points to the right file when given the steps companion file', () => {
      expect(errorOf(fixture('ProvisioningLogs_ProvisioningSteps.csv'))?.message).toMatch(
        /ProvisioningSteps file.*Import the file named ProvisioningLogs/,
      );
    });

    it('lists what it needs when the file is some other CSV', () => {
      const message = errorOf('userPrincipalName,displayName\nada@contoso.example,Ada\n')?.message;
      expect(message).toMatch(/needs a date column .* and a status column/);
      expect(message).toContain('Columns found: userPrincipalName, displayName');
    });

    it('rejects an empty file', () => {
      expect(errorOf('\uFEFF\r\n')?.message).toMatch(/empty/);
    });
  });
});
