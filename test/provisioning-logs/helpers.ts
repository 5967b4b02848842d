import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProvisioningLogs, type ProvisioningLogRow } from '../../shared/provisioning-logs';

export const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/provisioning-logs', name), 'utf8');

/** Parses a fixture that must be valid, failing the test with the importer's own message otherwise. */
export function rowsOf(name: string): ProvisioningLogRow[] {
  const result = parseProvisioningLogs(fixture(name), { fileName: name });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.rows;
}

/** Rows without their place in the file, to compare the same events read from different formats. */
export const withoutOrigin = (rows: readonly ProvisioningLogRow[]) =>
  rows.map(({ origin: _origin, ...row }) => row);
