/**
 * Preview benchmark: import, scope and map 100,000 users, as `npm run cli -- preview` does.
 *
 *   npx tsx bench/preview.ts [users=100000]
 *
 * Generates a synthetic tenant (Download users CSV + assignment list) into a temporary folder, then times
 * reading both files (the users CSV in 1 MiB chunks straight into the compact user table, as the app's
 * import does: main/host/picked-files.ts + DownloadUsersImporter), parsing them, evaluating scope (assigned only + one attribute filter) and building
 * the SCIM POST body of every in-scope user with the gallery default mappings. The data is generated in a
 * child process so that the measured process's peak RSS covers only the import, scope and map.
 * Baseline, in another child in the same run: reading both files and splitting every line at its commas
 * (the least any CSV import does); the ratio says how many times that the real work takes.
 * Targets: 100,000 users < 2 s and < 400 MB; 500,000 users < 10 s and < 1 GB.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GALLERY_DEFAULT_CONFIG, runPreview } from '../shared/mapping';
import type { ScopeConfig } from '../shared/scoping';
import {
  generateSyntheticTenant,
  importDownloadUsersCsv,
  parseAssignmentsCsv,
  toAssignmentsCsv,
  toDownloadUsersCsv,
} from '../shared/source-data';

/** The file's text in 1 MiB pieces, a character split between reads completed first (as the app reads). */
function* chunksOf(file: string): Generator<string> {
  const handle = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  try {
    for (let got = readSync(handle, buffer); got > 0; got = readSync(handle, buffer))
      yield decoder.decode(buffer.subarray(0, got), { stream: true });
    yield decoder.decode();
  } finally {
    closeSync(handle);
  }
}

const usersFileName = 'users.csv';
const assignmentsFileName = 'assignments.csv';

if (process.argv[2] === '--generate') {
  const [folder, count] = [process.argv[3] as string, Number(process.argv[4])];
  const tenant = generateSyntheticTenant({ users: count, seed: 42 });
  writeFileSync(join(folder, usersFileName), toDownloadUsersCsv(tenant.users));
  writeFileSync(join(folder, assignmentsFileName), toAssignmentsCsv(tenant.assignments));
  process.exit(0);
}
if (process.argv[2] === '--baseline') {
  const started = performance.now();
  let cells = 0;
  for (const file of [process.argv[3] as string, process.argv[4] as string])
    for (const line of readFileSync(file, 'utf8').split('\n')) cells += line.split(',').length;
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, cells }));
  process.exit(0);
}

const count = Number(process.argv[2] ?? 100_000);
const TARGET_MS = count > 100_000 ? 10_000 : 2_000;
const TARGET_RSS_MB = count > 100_000 ? 1_024 : 400;
const folder = mkdtempSync(join(tmpdir(), 'preview-bench-'));
const usersFile = join(folder, usersFileName);
const assignmentsFile = join(folder, assignmentsFileName);
// process.execArgv carries tsx's loader, so the child runs this same TypeScript file.
execFileSync(
  process.execPath,
  [...process.execArgv, process.argv[1] as string, '--generate', folder, String(count)],
  {
    stdio: 'inherit',
  },
);

const baseline = JSON.parse(
  execFileSync(process.execPath, [
    ...process.execArgv,
    process.argv[1] as string,
    '--baseline',
    usersFile,
    assignmentsFile,
  ]).toString(),
) as { ms: number };

const scope: ScopeConfig = {
  version: 1,
  scope: 'assignedOnly',
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
const assignments = parseAssignmentsCsv(readFileSync(assignmentsFile, 'utf8'), 'assignments.csv');
if (!users.ok || !assignments.ok) throw new Error('the generated files did not import');
if (users.value.length !== count) throw new Error(`imported ${users.value.length} users instead of ${count}`);
const imported = performance.now();
const preview = runPreview({
  users: users.value,
  assignments: assignments.value,
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
