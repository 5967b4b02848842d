/**
 * Writes a synthetic tenant's Download users CSV: `node --import tsx test/e2e/support/write-tenant-csv.ts
 * <users> <file>`. Run as a child process so a 500,000-user tenant is built neither in the browser nor in
 * the Playwright runner's own memory.
 */
import { writeFileSync } from 'node:fs';
import { generateSyntheticTenant, toDownloadUsersCsv } from '../../../shared/source-data';

const [count, file] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || !file) {
  process.stderr.write('Usage: write-tenant-csv.ts <users> <file>\n');
  process.exit(2);
}
writeFileSync(file, toDownloadUsersCsv(generateSyntheticTenant({ users: count, seed: 18 }).users));
