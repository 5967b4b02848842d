#!/usr/bin/env node
/**
 * `npm run licenses`: the licences of everything that ships in the app, grouped by licence; exit 1 on a
 * copyleft licence (or on a package whose licence cannot be determined). Offline: reads package-lock.json
 * and the installed package.json files, never the registry.
 *
 * What ships:
 * - main process: the `dependencies` of package.json and everything they pull in (all platforms'
 *   optional packages too, e.g. each @napi-rs/keyring-<platform> binary, even if not installed here);
 * - renderer bundle: Vite bundles React, Fluent UI… from devDependencies, so the packages imported by
 *   `renderer/` and `shared/` (found by scanning their imports) plus the renderer's known roots, and
 *   everything they pull in;
 * - the Electron runtime itself (not the npm package's download helpers).
 *
 * Policy (docs/security.md): strong copyleft (GPL, AGPL, SSPL, EUPL, OSL, CC-BY-SA…) and LGPL fail. MPL-2.0
 * (file-level weak copyleft) is allowed: we ship such files unmodified and their source stays available,
 * so its obligations are met by keeping the notices; it is listed so a reviewer sees it. An SPDX "OR"
 * passes if any branch passes; "AND" needs every part to pass.
 *
 * Usage: node scripts/licenses.mjs [--json] [--lock <package-lock.json>]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const asJson = argv.includes('--json');
const lockArg = argv.indexOf('--lock');
const lockPath = lockArg >= 0 ? resolve(argv[lockArg + 1]) : join(root, 'package-lock.json');
const projectDir = dirname(lockPath);

const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
if (!lock.packages) throw new Error(`${lockPath}: lockfileVersion 2 or 3 expected`);
const packages = lock.packages;
const manifest = packages[''] ?? JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'));

/** Packages the renderer bundle starts from even if the import scan misses one (re-exports, CSS-in-JS). */
const RENDERER_ROOTS = [
  'react',
  'react-dom',
  '@fluentui/react-components',
  '@fluentui/react-icons',
  '@tanstack/react-virtual',
];
const RUNTIME_ROOTS = ['electron'];

const COPYLEFT = /^(A?GPL|LGPL|SSPL|EUPL|OSL|CC-BY-SA|CC-BY-NC|CPAL|RPL|Sleepycat|QPL|ODbL|CECILL)/i;
const WEAK_COPYLEFT_ALLOWED = /^MPL-2\.0/i;

// --- which packages ship -------------------------------------------------------------------------------

/** Node's resolution inside the lockfile: from `node_modules/a/node_modules/b`, look in b's, then a's… */
function resolveFrom(fromPath, name) {
  let base = fromPath;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut >= 0 ? base.slice(0, cut) : '';
  }
}

function walk(rootNames, group, shipped, { recursive = true } = {}) {
  const queue = rootNames.map((name) => ['', name, true]);
  while (queue.length) {
    const [from, name, required] = queue.shift();
    const path = resolveFrom(from, name);
    if (!path) {
      if (required) throw new Error(`${name} (needed by ${from || 'the project'}) is not in ${lockPath}`);
      continue;
    }
    const entry = shipped.get(path);
    if (entry) {
      entry.groups.add(group);
      continue;
    }
    shipped.set(path, { path, groups: new Set([group]) });
    if (!recursive) continue;
    const info = packages[path];
    const optionalPeers = info.peerDependenciesMeta ?? {};
    for (const dep of Object.keys(info.dependencies ?? {})) queue.push([path, dep, true]);
    for (const dep of Object.keys(info.optionalDependencies ?? {})) queue.push([path, dep, false]);
    for (const dep of Object.keys(info.peerDependencies ?? {}))
      if (!optionalPeers[dep]?.optional) queue.push([path, dep, false]);
  }
}

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(m?[jt]sx?|css)$/.test(name) ? [path] : [];
  });
}

/** Bare imports of the bundled code (renderer/ and the shared/ code it uses), as package names. */
function bundledImports() {
  const names = new Set();
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"./][^'"]*)['"]/g;
  for (const file of [
    ...sourceFiles(join(projectDir, 'renderer')),
    ...sourceFiles(join(projectDir, 'shared')),
  ]) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(pattern)) {
      if (specifier.startsWith('node:') || specifier.startsWith('virtual:')) continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  // Only what resolves from the project root; anything else (an alias, a typo) is the build's problem.
  return [...names].filter((name) => resolveFrom('', name));
}

const shipped = new Map();
walk(Object.keys(manifest.dependencies ?? {}), 'main', shipped);
walk([...new Set([...RENDERER_ROOTS, ...bundledImports()])], 'renderer', shipped);
// The electron npm package's own dependencies only download the binary; what ships is the runtime, whose
// Chromium and Node notices come with it (LICENSES.chromium.html in every build).
walk(
  RUNTIME_ROOTS.filter((name) => resolveFrom('', name)),
  'runtime',
  shipped,
  { recursive: false },
);

// --- licences ------------------------------------------------------------------------------------------

function declaredLicense(meta) {
  if (typeof meta?.license === 'string') return meta.license;
  if (meta?.license?.type) return meta.license.type;
  if (Array.isArray(meta?.licenses) && meta.licenses.length)
    return meta.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  return null;
}

function licenseOf(path) {
  const installed = join(projectDir, path, 'package.json');
  if (existsSync(installed)) {
    const meta = JSON.parse(readFileSync(installed, 'utf8'));
    return { name: meta.name, version: meta.version, license: declaredLicense(meta) ?? 'UNKNOWN' };
  }
  // Optional packages for other platforms are not installed here; the lockfile records their licence.
  const info = packages[path];
  const name = info.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return { name, version: info.version, license: declaredLicense(info) ?? 'UNKNOWN', fromLock: true };
}

/** pass | weak | fail for an SPDX expression (simple OR/AND/WITH, parentheses). */
function verdict(expression) {
  const tokens = expression.replace(/[()]/g, ' ').trim().split(/\s+/);
  if (!expression.trim() || /^(UNKNOWN|UNLICENSED|SEE LICENSE)/i.test(expression)) return 'fail';
  const single = (id) => (COPYLEFT.test(id) ? 'fail' : WEAK_COPYLEFT_ALLOWED.test(id) ? 'weak' : 'pass');
  const rank = { pass: 0, weak: 1, fail: 2 };
  // Split by OR first (lowest precedence), then AND; WITH exceptions stay with their licence.
  const alternatives = tokens
    .join(' ')
    .split(/\s+OR\s+/i)
    .map((branch) =>
      branch
        .split(/\s+AND\s+/i)
        .map((part) => single(part.split(/\s+WITH\s+/i)[0]))
        .reduce((worst, next) => (rank[next] > rank[worst] ? next : worst), 'pass'),
    );
  return alternatives.reduce((best, next) => (rank[next] < rank[best] ? next : best), 'fail');
}

const rows = [...shipped.values()]
  .map(({ path, groups }) => ({ ...licenseOf(path), groups: [...groups].sort() }))
  .filter((row) => row.name !== manifest.name)
  .map((row) => ({ ...row, verdict: verdict(row.license) }));

const byLicense = new Map();
for (const row of rows) {
  if (!byLicense.has(row.license)) byLicense.set(row.license, []);
  byLicense.get(row.license).push(row);
}
const groups = [...byLicense.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
const failing = rows.filter((row) => row.verdict === 'fail');

if (asJson) {
  console.log(JSON.stringify({ packages: rows, failing }, null, 2));
} else {
  const count = (group) => rows.filter((row) => row.groups.includes(group)).length;
  console.log(
    `Shipped packages: ${rows.length} (main process ${count('main')}, renderer bundle ${count('renderer')}, ` +
      `Electron runtime ${count('runtime')})\n`,
  );
  const width = Math.max(...groups.map(([license]) => license.length), 'licence'.length);
  console.log(`${'licence'.padEnd(width)}  count  status   packages`);
  console.log(`${'-'.repeat(width)}  -----  -------  --------`);
  for (const [license, members] of groups) {
    const status = { pass: 'ok', weak: 'review', fail: 'FAIL' }[verdict(license)];
    const names = members.map((m) => m.name).sort();
    const shown =
      names.length > 6 ? `${names.slice(0, 6).join(', ')}, … (+${names.length - 6})` : names.join(', ');
    console.log(
      `${license.padEnd(width)}  ${String(members.length).padStart(5)}  ${status.padEnd(7)}  ${shown}`,
    );
  }
  const fromLock = rows.filter((row) => row.fromLock).length;
  if (fromLock)
    console.log(`\n${fromLock} package(s) for other platforms: licence read from package-lock.json.`);
  for (const row of failing)
    console.error(
      `\nNot allowed in the app bundle: ${row.name}@${row.version} (${row.license}) [${row.groups}]`,
    );
  console.log(
    `\n${failing.length ? 'FAILED' : 'OK'}: ${failing.length} copyleft or unknown licence(s) among ${rows.length}.`,
  );
}
process.exit(failing.length ? 1 : 0);
