import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Each layer's tsconfig gives it only the globals its runtime has (issue 17). These tests compile a small file
 * with each layer's real compiler options, so a config change that lets Node into the renderer or shared
 * code fails here, not in a user's window.
 */
const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'jpa-layers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function errorsIn(layer: 'main' | 'renderer' | 'shared', source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, layer, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  const file = join(scratch, `${layer}-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  // shared/ gets its web-platform globals from its own declaration file, as in the real build.
  const extra = layer === 'shared' ? [join(root, 'shared/platform-globals.d.ts')] : [];
  const program = ts.createProgram([file, ...extra], { ...config.options, noEmit: true, composite: false });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === file)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
}

describe('layer boundaries the compiler enforces', () => {
  it('shared/ refuses Node and DOM globals', () => {
    expect(errorsIn('shared', 'export const a = Buffer.from("x");').join()).toMatch(/Buffer/);
    expect(errorsIn('shared', 'export const a = process.env;').join()).toMatch(/process/);
    expect(errorsIn('shared', 'export const a = window.location;').join()).toMatch(/window/);
  });

  it('shared/ has the web-platform globals both runtimes provide', () => {
    const source = [
      'export const host = new URL("https://acme.jostle.us/scim2").host;',
      'export const bytes = new TextEncoder().encode("x");',
      'export const copy = structuredClone({ a: 1 });',
    ].join('\n');
    expect(errorsIn('shared', source)).toEqual([]);
  });

  it('renderer/ refuses Node globals and has the DOM', () => {
    expect(errorsIn('renderer', 'export const a = Buffer.from("x");').join()).toMatch(/Buffer/);
    expect(errorsIn('renderer', 'export const a = process.env;').join()).toMatch(/process/);
    expect(errorsIn('renderer', 'export const a = document.title;')).toEqual([]);
  });

  it('main/ refuses DOM globals and has Node', () => {
    expect(errorsIn('main', 'export const a = document.title;').join()).toMatch(/document/);
    expect(errorsIn('main', 'export const a = Buffer.from("x").length + process.pid;')).toEqual([]);
  });
});
