import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProvisioningLogs } from '../../shared/provisioning-logs';

/** Quotes a cell the way Excel and Entra do: only when it needs it. */
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const breaks = (text: string) => (text.match(/\r\n|\r|\n/g) ?? []).length;

describe('CSV reading (RFC 4180)', () => {
  it('recovers any reason text and the starting line of every record, whatever the line endings', () => {
    const reasonText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', 'é', ';') });
    fc.assert(
      fc.property(
        fc.array(reasonText, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        (reasons, eol) => {
          const lines = ['Date,Status,Reason'];
          const expectedLines: number[] = [];
          let line = 2;
          for (const reason of reasons) {
            expectedLines.push(line);
            const record = `2026-03-02T10:00:00Z,Failure,${quote(reason)}`;
            lines.push(record);
            line += breaks(record) + 1;
          }
          const result = parseProvisioningLogs(lines.join(eol) + eol, { format: 'csv' });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.rows.map((row) => row.reason ?? '')).toEqual(reasons.map((reason) => reason.trim()));
          expect(result.rows.map((row) => row.origin.line)).toEqual(expectedLines);
        },
      ),
      { numRuns: 200 },
    );
  });
});
