import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import yaml from 'js-yaml';

// electron-builder's own schema, shipped in app-builder-lib: validation needs no network.
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false, coerceTypes: true }).compile(schema);
const config = yaml.load(
  readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function problems(candidate: unknown): string[] {
  return validate(candidate)
    ? []
    : (validate.errors ?? [])
        .filter((e) => !['anyOf', 'oneOf'].includes(e.keyword))
        .map((e) => `${e.instancePath} ${e.message}`);
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', () => {
    expect(problems(config)).toEqual([]);
  });

  it('would be caught if it were wrong', () => {
    expect(problems({ ...config, bogusKey: true }).join()).toMatch(/additional properties/);
    expect(problems({ ...config, nsis: { oneclick: false } }).join()).toMatch(/\/nsis/);
  });

  it('targets NSIS per user, a hardened dmg and AppImage + deb', () => {
    expect(config).toMatchObject({
      win: { target: ['nsis'] },
      nsis: { oneClick: false, perMachine: false },
      mac: { target: ['dmg'], hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' },
      linux: { target: ['AppImage', 'deb'] },
    });
  });
});
