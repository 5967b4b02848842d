/**
 * What electron-builder.yml means for the shipped app, checked through electron-builder's own loader,
 * defaults and schema (all in node_modules, no network): release fuses, the E2E build differing by one fuse,
 * runtime dependencies kept, the native keychain binary outside the asar, and every file main loads at run
 * time inside the package.
 */
import { builtinModules, createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { build } from 'esbuild';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false, coerceTypes: true }).compile(schema);
const { getConfig } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string): Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget.js') as {
  default: { prototype: { getDefaultDepends(target: string): string[] } };
};
const defaultDepends = (target: string) => FpmTarget.prototype.getDefaultDepends.call({}, target);

type Config = Awaited<ReturnType<typeof getConfig>>;
let release: Config;
let e2e: Config;
beforeAll(async () => {
  release = await getConfig(projectDir, 'electron-builder.yml');
  e2e = await getConfig(projectDir, 'build/electron-builder.e2e.yml');
});

function problems(candidate: unknown): string[] {
  return validate(candidate)
    ? []
    : (validate.errors ?? [])
        .filter((e) => !['anyOf', 'oneOf'].includes(e.keyword))
        .map((e) => `${e.instancePath} ${e.message}`);
}

describe('electron-builder configuration', () => {
  it('is valid against electron-builder’s schema, release and E2E alike', () => {
    expect(problems(release)).toEqual([]);
    expect(problems(e2e)).toEqual([]);
    expect(problems({ ...release, bogusKey: true }).join()).toMatch(/additional properties/);
  });

  it('ships release fuses: no inspector, no RUN_AS_NODE, no NODE_OPTIONS, app only from a checked asar', () => {
    expect(release.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    expect(release.asar).toBe(true);
  });

  it('builds the E2E package like the release one except the inspector fuse and its output folder', () => {
    const strip = (config: Config) => {
      const copy = structuredClone(config);
      delete copy.electronFuses.enableNodeCliInspectArguments;
      delete copy.directories.output;
      delete copy.extends;
      return copy;
    };
    expect(e2e.electronFuses.enableNodeCliInspectArguments).toBe(true);
    expect(e2e.directories.output).not.toBe(release.directories.output);
    expect(strip(e2e)).toEqual(strip(release));
  });

  it('keeps electron-builder’s default runtime dependencies for every Linux package it sets them for', () => {
    for (const target of ['deb', 'rpm', 'pacman']) {
      const depends = release[target]?.depends as string[] | undefined;
      if (!depends) continue; // not set: electron-builder uses its defaults
      for (const dependency of defaultDepends(target)) expect(depends).toContain(dependency);
    }
    expect(release.deb?.depends).toBeDefined();
  });

  it('asks for a package that provides the Secret Service (org.freedesktop.secrets) on Debian and Ubuntu', () => {
    // Providers checked against the Debian packages' contents: gnome-keyring ships the D-Bus service file,
    // kwalletd5 (libkf5wallet-bin) and keepassxc implement the API. kwalletmanager is only a settings app.
    const providers = new Set(['gnome-keyring', 'libkf5wallet-bin', 'keepassxc']);
    const alternatives = (release.deb.depends as string[]).map((line) =>
      line.split('|').map((p) => p.trim()),
    );
    const secretService = alternatives.find((choices) => choices.some((choice) => providers.has(choice)));
    expect(secretService).toBeDefined();
    expect(secretService!.every((choice) => providers.has(choice))).toBe(true);
  });

  it('unpacks the native keychain binary from the asar, for every platform’s prebuilt package', () => {
    const unpack = release.asarUnpack as string[];
    const binaries = [
      'node_modules/@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node',
      'node_modules/@napi-rs/keyring-win32-x64-msvc/keyring.win32-x64-msvc.node',
      'node_modules/@napi-rs/keyring-darwin-arm64/keyring.darwin-arm64.node',
    ];
    for (const binary of binaries) {
      expect(unpack.some((pattern) => minimatch(binary, pattern, { dot: true }))).toBe(true);
    }
  });
});

describe('what main loads at run time', () => {
  let outputs: string[] = [];
  let externals: string[] = [];
  const inputsOf: Record<string, string[]> = {};
  beforeAll(async () => {
    const { mainBundles } = await import('../../scripts/build-main.mjs');
    for (const options of await mainBundles()) {
      const result = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
      outputs.push(...Object.keys(result.metafile.outputs).filter((file) => !file.endsWith('.map')));
      for (const [file, output] of Object.entries(result.metafile.outputs)) {
        externals.push(...output.imports.filter((i) => i.external).map((i) => i.path));
        inputsOf[file] = Object.keys(output.inputs);
      }
    }
    outputs = [...new Set(outputs)];
    externals = [...new Set(externals)];
  }, 60_000);

  const included = (file: string) => {
    const filters = (release.files as Array<{ filter: string[] }>).flatMap((set) => set.filter);
    const include = filters.filter((f) => !f.startsWith('!'));
    const exclude = filters.filter((f) => f.startsWith('!')).map((f) => f.slice(1));
    return include.some((p) => minimatch(file, p)) && !exclude.some((p) => minimatch(file, p));
  };

  it('packs the main, handler-host and preload bundles, the renderer and package.json', () => {
    expect(outputs.sort()).toEqual([
      'out/main/electron.js',
      'out/main/handler-host.js',
      'out/main/preload.cjs',
    ]);
    for (const file of [...outputs, 'out/renderer/index.html', 'out/renderer/assets/x.js', 'package.json']) {
      expect(included(file), file).toBe(true);
    }
    expect(included('out/main/electron.js.map')).toBe(false);
  });

  it('keeps the handlers out of the main process bundle: they run in the handler host', () => {
    const heavy = /^main\/(api|app|provisioning|mock-jostle|probes|scim|secrets|export)\//;
    expect(inputsOf['out/main/electron.js']!.filter((input) => heavy.test(input))).toEqual([]);
    expect(inputsOf['out/main/handler-host.js']!.some((input) => input.startsWith('main/api/'))).toBe(true);
  });

  it('imports at run time only Node, Electron and production dependencies (dev ones are not packed)', () => {
    const dependencies = Object.keys(
      (JSON.parse(readFileSync(`${projectDir}/package.json`, 'utf8')) as { dependencies: object })
        .dependencies,
    );
    const packageOf = (path: string) =>
      path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]!;
    const unshipped = externals
      .filter((path) => !path.startsWith('node:') && !builtinModules.includes(path))
      .map(packageOf)
      .filter((name) => name !== 'electron' && !dependencies.includes(name));
    expect(unshipped).toEqual([]);
    expect(externals.map(packageOf)).toContain('@napi-rs/keyring');
  });
});
