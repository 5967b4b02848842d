/**
 * The two CI gates can fail: `npm run security:scan` on an unsafe window and on an unexplained suppression,
 * `npm run licenses` on a copyleft package. (Both also run on the real project in `npm test`.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

const fixtures = tempDir('jpa-gates-');
afterAll(() => fixtures.remove());

function runScript(script: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function writeTree(dir: string, files: Record<string, string>): string {
  const root = join(fixtures.path, dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('security:scan gate', () => {
  it('fails on an unsafe BrowserWindow (electronegativity exits 0 for it; the gate must not)', () => {
    const dir = writeTree('unsafe', {
      'main.js': [
        "const { BrowserWindow } = require('electron');",
        'new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, webSecurity: false } });',
        '',
      ].join('\n'),
    });
    const { status, output } = runScript('scripts/security-scan.mjs', [dir]);
    expect(status).toBe(1);
    expect(output).toMatch(/CONTEXT_ISOLATION_JS_CHECK/);
    expect(output).toMatch(/WEB_SECURITY_JS_CHECK/);
    expect(output).toMatch(/FAILED/);
  });

  it('fails on an eng-disable without a reason, file-wide, or naming no known check', () => {
    const dir = writeTree('suppressed', {
      'main.js': [
        '/* eng-disable PRELOAD_JS_CHECK */',
        "const { BrowserWindow } = require('electron');",
        '',
        'new BrowserWindow({',
        "  webPreferences: { preload: 'p.js', sandbox: true }, // eng-disable PRELOAD_JS_CHECK",
        '});',
        '// eng-disable NO_SUCH_CHECK',
        '',
      ].join('\n'),
    });
    const { status, output } = runScript('scripts/security-scan.mjs', [dir]);
    expect(status).toBe(1);
    expect(output).toMatch(/main\.js:1: file-wide eng-disable is not allowed/);
    expect(output).toMatch(/main\.js:5: eng-disable PRELOAD_JS_CHECK has no reason/);
    expect(output).toMatch(/eng-disable names no known check: NO_SUCH_CHECK/);
  });
});

describe('licenses gate', () => {
  const lock = (packages: Record<string, { version: string; license?: string }>) => ({
    name: 'fixture',
    lockfileVersion: 3,
    packages: {
      '': { name: 'fixture', dependencies: Object.fromEntries(Object.keys(packages).map((n) => [n, '*'])) },
      ...Object.fromEntries(
        [
          'react',
          'react-dom',
          '@fluentui/react-components',
          '@fluentui/react-icons',
          '@tanstack/react-virtual',
        ].map((name) => [`node_modules/${name}`, { version: '1.0.0', license: 'MIT', dev: true }]),
      ),
      ...Object.fromEntries(Object.entries(packages).map(([name, info]) => [`node_modules/${name}`, info])),
    },
  });

  function runLicenses(dir: string, packages: Record<string, { version: string; license?: string }>) {
    const root = writeTree(dir, { 'package-lock.json': JSON.stringify(lock(packages)) });
    return runScript('scripts/licenses.mjs', ['--lock', join(root, 'package-lock.json')]);
  }

  it('fails on a copyleft licence in a shipped dependency, and names it', () => {
    const { status, output } = runLicenses('gpl', {
      'fine-lib': { version: '1.0.0', license: 'MIT' },
      'gpl-lib': { version: '2.0.0', license: 'GPL-3.0-only' },
      'lgpl-lib': { version: '3.0.0', license: 'LGPL-2.1-or-later' },
    });
    expect(status).toBe(1);
    expect(output).toMatch(/gpl-lib@2\.0\.0 \(GPL-3\.0-only\)/);
    expect(output).toMatch(/lgpl-lib@3\.0\.0/);
    expect(output).not.toMatch(/Not allowed.*fine-lib/);
  });

  it('fails on a package without a licence', () => {
    const { status, output } = runLicenses('unknown', { mystery: { version: '0.0.1' } });
    expect(status).toBe(1);
    expect(output).toMatch(/mystery@0\.0\.1 \(UNKNOWN\)/);
  });

  it('passes permissive licences, a dual licence with a permissive branch, and MPL-2.0 (marked for review)', () => {
    const { status, output } = runLicenses('ok', {
      a: { version: '1.0.0', license: 'Apache-2.0' },
      b: { version: '1.0.0', license: '(MIT OR GPL-3.0-or-later)' },
      c: { version: '1.0.0', license: 'MPL-2.0' },
    });
    expect(output).toMatch(/MPL-2\.0\s+1\s+review/);
    expect(status).toBe(0);
  });
});
