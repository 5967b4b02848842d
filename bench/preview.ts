/**
 * Preview benchmark: import, scope and map 100,000 users, as `npm run cli -- preview` does.
 *
 *   npx tsx bench/preview.ts [--users N | N] [--seed N]
 *   npx tsx bench/preview.ts --users-csv FILE [--assignments-csv FILE]   (your own Download users CSV)
 *
 * Generates a synthetic tenant (Download users CSV + assignment list) into a temporary folder, then times
 * reading both files (the users CSV in 1 MiB chunks straight into the compact user table, as the app's
 * import does: main/host/picked-files.ts + DownloadUsersImporter), parsing them, evaluating scope (assigned only + one attribute filter) and building
 * the SCIM POST body of every in-scope user with the gallery default mappings. The data is generated in a
 * child process so that the measured process's peak RSS covers only the import, scope and map.
 * Baseline, in another child in the same run: reading both files and splitting every line at its commas
 * (the least any CSV import does); the ratio says how many times that the real work takes.
 * Targets: 100,000 users < 2 s and < 400 MB; 500,000 users < 10 s and < 1 GB (over 100,000 rows: the larger).
 * With --users-csv, the file is imported as it is (scope: assigned only with --assignments-csv, else all
 * users, each with the members-only filter) and nothing is generated.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chunksOf } from './csv-file';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GALLERY_DEFAULT_CONFIG, runPreview } from '../shared/mapping';
import type { ScopeConfig } from '../shared/scoping';
import {
  generateSyntheticTenant,
  importDownloadUsersCsv,
  parseAssignmentsCsv,
  toAssignmentsCsv,
  toDownloadUsersCsv,
} from '../shared/source-data';

const usersFileName = 'users.csv';
const assignmentsFileName = 'assignments.csv';

if (process.argv[2] === '--generate') {
  const [folder, count, seed] = [process.argv[3] as string, Number(process.argv[4]), Number(process.argv[5])];
  const tenant = generateSyntheticTenant({ users: count, seed });
  writeFileSync(join(folder, usersFileName), toDownloadUsersCsv(tenant.users));
  writeFileSync(join(folder, assignmentsFileName), toAssignmentsCsv(tenant.assignments));
  process.exit(0);
}
if (process.argv[2] === '--baseline') {
  const started = performance.now();
  let cells = 0;
  for (const file of process.argv.slice(3))
    for (const line of readFileSync(file, 'utf8').split('\n')) cells += line.split(',').length;
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, cells }));
  process.exit(0);
}

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    users: { type: 'string' },
    seed: { type: 'string', default: '42' },
    'users-csv': { type: 'string' },
    'assignments-csv': { type: 'string' },
  },
});
const requested = Number(options.users ?? positionals[0] ?? 100_000);
if (!Number.isInteger(requested) || requested < 1) throw new Error('--users takes a whole number of users');
const folder = mkdtempSync(join(tmpdir(), 'preview-bench-'));
const ownFiles = options['users-csv'] !== undefined;
const usersFile = options['users-csv'] ?? join(folder, usersFileName);
const assignmentsFile = ownFiles ? options['assignments-csv'] : join(folder, assignmentsFileName);
if (!ownFiles) {
  // process.execArgv carries tsx's loader, so the child runs this same TypeScript file.
  execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1] as string,
      '--generate',
      folder,
      String(requested),
      String(Number(options.seed)),
    ],
    { stdio: 'inherit' },
  );
}

const baseline = JSON.parse(
  execFileSync(process.execPath, [
    ...process.execArgv,
    process.argv[1] as string,
    '--baseline',
    usersFile,
    ...(assignmentsFile ? [assignmentsFile] : []),
  ]).toString(),
) as { ms: number };

const scope: ScopeConfig = {
  version: 1,
  scope: assignmentsFile ? 'assignedOnly' : 'allUsers',
  filters: [
    {
      title: 'Members',
      clauses: [{ attribute: 'userPrincipalName', operator: 'NOT REGEX MATCH', value: '#EXT#' }],
    },
  ],
};

const cpuBefore = process.cpuUsage();
const started = performance.now();
const users = importDownloadUsersCsv(chunksOf(usersFile), 'users.csv');
const assignments = assignmentsFile
  ? parseAssignmentsCsv(readFileSync(assignmentsFile, 'utf8'), 'assignments.csv')
  : undefined;
if (!users.ok) throw new Error(`the users CSV did not import: ${users.error.message}`);
if (assignments && !assignments.ok)
  throw new Error(`the assignments CSV did not import: ${assignments.error.message}`);
const count = users.value.length;
if (!ownFiles && count !== requested) throw new Error(`imported ${count} users instead of ${requested}`);
const TARGET_MS = count > 100_000 ? 10_000 : 2_000;
const TARGET_RSS_MB = count > 100_000 ? 1_024 : 400;
const imported = performance.now();
const preview = runPreview({
  users: users.value,
  ...(assignments?.ok ? { assignments: assignments.value } : {}),
  scope,
  mapping: GALLERY_DEFAULT_CONFIG,
});
const finished = performance.now();
const cpu = process.cpuUsage(cpuBefore);
rmSync(folder, { recursive: true, force: true });

const totalMs = finished - started;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER TARGET');
console.log(`preview benchmark: ${count.toLocaleString('en')} users (Node ${process.version})`);
console.log(`  import (read + parse CSVs): ${(imported - started).toFixed(0)} ms`);
console.log(`  scope + map:                ${(finished - imported).toFixed(0)} ms`);
console.log(`  in scope ${preview.summary.inScope}, out of scope ${preview.summary.outOfScope}`);
// CPU time (all threads, GC helpers included) shows how much of the wall time was waiting for a busy machine.
console.log(
  `  CPU time: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)}`,
);
console.log(`  total: ${totalMs.toFixed(0)} ms (target < ${TARGET_MS} ms) ${verdict(totalMs < TARGET_MS)}`);
console.log(
  `  peak RSS: ${peakRssMb.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB) ${verdict(peakRssMb < TARGET_RSS_MB)}`,
);
console.log(
  `  baseline (read both files, split every line at commas, same run): ${baseline.ms.toFixed(0)} ms; ratio ${(totalMs / baseline.ms).toFixed(1)}×`,
);
process.exitCode = totalMs < TARGET_MS && peakRssMb < TARGET_RSS_MB ? 0 : 1;
