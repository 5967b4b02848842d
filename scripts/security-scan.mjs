#!/usr/bin/env node
/**
 * `npm run security:scan`: electronegativity over the Electron main process (`main/`, which holds the preload
 * source) and, once built, the preload bundle that ships (`out/main/preload.cjs`), gated on its findings.
 *
 * electronegativity exits 0 whatever it finds, so this script calls its programmatic API and decides itself:
 * - exit 1 on any HIGH or MEDIUM finding. A finding that is accepted must be explained where it is: an
 *   `// eng-disable CHECK_ID` comment on the flagged line (that is where electronegativity looks) plus a
 *   reason, in a comment on the line above or after the directive. A directive without a reason, a file-wide
 *   directive (line 1) or a directive naming no known check also fails;
 * - exit 1 when a file could not be parsed (a file the scanner skipped is a file nobody checked);
 * - a short table either way.
 *
 * Offline and fast: electronegativity fetches translations from S3 at start-up (through `got`, with retries:
 * ~3 s per call here) and Electron's release list for AvailableSecurityFixesGlobalCheck. We hand its `got`
 * an immediate rejection (it then uses its bundled English texts), exclude that global check, and pass the
 * installed Electron version. See docs/security.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const started = Date.now();

// --- offline: no network lookups -------------------------------------------------------------------------
const engDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = require.resolve('got', { paths: [join(engDir, 'dist')] });
const offlineGot = new Module(gotPath);
offlineGot.filename = gotPath;
offlineGot.loaded = true;
offlineGot.exports = () => Promise.reject(new Error('security-scan: network lookups are disabled'));
require.cache[gotPath] = offlineGot;

const run = require('@doyensec/electronegativity');
const { CHECKS } = require(join(engDir, 'dist/finder/checks/AtomicChecks/index.js'));
const { GLOBAL_CHECKS } = require(join(engDir, 'dist/finder/checks/GlobalChecks/index.js'));

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const FAILING = new Set(['HIGH', 'MEDIUM']);

/** Runs one scan with electronegativity's own start-up chatter ("Could not retrieve…") kept off stdout. */
async function scan(input, excludeFromScan) {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await run({ input, electronVersionOverride: electronVersion, excludeFromScan }, false);
  } finally {
    console.log = log;
  }
}

// Default targets; tests pass their own folder (`node scripts/security-scan.mjs <dir>`) to prove the gate bites.
const args = process.argv.slice(2).map((arg) => resolve(arg));
const targets = args.length
  ? args.map((input) => ({ input, exclude: ['AvailableSecurityFixesGlobalCheck'] }))
  : [
      { input: join(root, 'main'), exclude: ['AvailableSecurityFixesGlobalCheck'] },
      // The bundle that ships: atomic checks only (the global checks judge a whole app, which main/ is).
      {
        input: join(root, 'out/main/preload.cjs'),
        exclude: GLOBAL_CHECKS.map((check) => check.name),
        optional: 'not built yet; its source is scanned as main/electron/preload.ts',
      },
    ];

const findings = [];
const problems = [];
const notes = [];
let checkCount = 0;
for (const target of targets) {
  const shown = relative(root, target.input);
  if (!existsSync(target.input)) {
    if (!target.optional) throw new Error(`${shown} does not exist`);
    notes.push(`${shown}: ${target.optional}`);
    continue;
  }
  const result = await scan(target.input, target.exclude);
  checkCount = Math.max(checkCount, result.globalChecks + result.atomicChecks);
  for (const error of result.errors) {
    if (!error.tolerable)
      problems.push(`${relative(root, error.file)}: could not be parsed (${error.message})`);
  }
  for (const issue of result.issues) {
    findings.push({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      where:
        issue.file === 'N/A' ? `${shown} (global)` : `${relative(root, issue.file)}:${issue.location.line}`,
      description: issue.description,
    });
  }
}

// --- inline explanations: every eng-disable directive needs a known check and a reason -------------------
const knownChecks = new Set();
for (const Check of [...CHECKS, ...GLOBAL_CHECKS]) {
  knownChecks.add(Check.name.toUpperCase());
  try {
    knownChecks.add(new Check().id.toUpperCase());
  } catch {
    // a check that cannot be built without arguments is still known by its class name
  }
}

function sourceFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => {
    const child = join(path, name);
    if (statSync(child).isDirectory()) return sourceFiles(child);
    return /\.(c|m)?[jt]sx?$/.test(name) ? [child] : [];
  });
}

const directivePattern = /(?:\/\*|\/\/)[ \t]*eng-disable[ \t]+([\w \t,]+)/i;
const commentText = (line) =>
  /^\s*(\/\/|\/\*|\*)/.test(line) && !directivePattern.test(line)
    ? line.replace(/^\s*(\/\/|\/\*\*?|\*\/?)\s*/, '').replace(/\s*\*\/\s*$/, '')
    : null;

/** The reason for a directive: text after it on the same line, else the comment block right above it. */
function reasonFor(lines, index, after) {
  if (/\w/.test(after)) return after.trim();
  const block = [];
  for (let above = index - 1; above >= 0; above -= 1) {
    const text = commentText(lines[above]);
    if (text === null) break;
    block.unshift(text);
  }
  return block.join(' ').trim();
}

const explained = [];
for (const target of targets) {
  if (!existsSync(target.input)) continue;
  for (const file of sourceFiles(target.input)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const match = directivePattern.exec(line);
      if (!match) return;
      const where = `${relative(root, file)}:${index + 1}`;
      const ids = match[1]
        .trim()
        .split(/[\s,]+/)
        .filter(Boolean);
      const after = line.slice(match.index + match[0].length).replace(/^\s*\*\/\s*/, '');
      const reason = reasonFor(lines, index, after);
      if (index === 0)
        problems.push(`${where}: file-wide eng-disable is not allowed; disable on the flagged line`);
      for (const id of ids) {
        if (!knownChecks.has(id.toUpperCase()))
          problems.push(`${where}: eng-disable names no known check: ${id}`);
      }
      if (!/\w{3,}/.test(reason)) {
        problems.push(`${where}: eng-disable ${ids.join(' ')} has no reason (a comment on the line above)`);
      }
      for (const id of ids) explained.push({ id, where, reason });
    });
  }
}

// --- report ---------------------------------------------------------------------------------------------
function table(rows, headers) {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) => cells.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
  return [headers, widths.map((width) => '-'.repeat(width)), ...rows]
    .map((row) => line(row).trimEnd())
    .join('\n');
}

const blocking = findings.filter((finding) => FAILING.has(finding.severity));
console.log(
  `electronegativity ${JSON.parse(readFileSync(join(engDir, 'package.json'), 'utf8')).version}: ` +
    `${checkCount} checks, Electron ${electronVersion}, offline`,
);
if (findings.length) {
  console.log(
    table(
      findings.map((f) => [
        FAILING.has(f.severity) ? 'FAIL' : 'note',
        f.id,
        f.severity,
        f.confidence,
        f.where,
      ]),
      ['', 'check', 'severity', 'confidence', 'where'],
    ),
  );
} else {
  console.log('No findings.');
}
if (explained.length) {
  console.log('\nExplained inline (eng-disable):');
  console.log(
    table(
      explained.map((e) => [e.id, e.where, e.reason.length > 100 ? `${e.reason.slice(0, 99)}…` : e.reason]),
      ['check', 'where', 'reason'],
    ),
  );
}
for (const note of notes) console.log(`\nNote: ${note}`);
for (const finding of blocking) console.error(`\n${finding.id} at ${finding.where}: ${finding.description}`);
for (const problem of problems) console.error(`\n${problem}`);

const failed = blocking.length > 0 || problems.length > 0;
console.log(
  `\n${failed ? 'FAILED' : 'OK'}: ${blocking.length} high/medium finding(s), ${problems.length} problem(s), ` +
    `${explained.length} explained inline; ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed ? 1 : 0);
