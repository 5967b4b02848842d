import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { openCliContext } from '../../main/cli/app-context';
import { JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import { fixtureText } from './helpers';

let dir: string;
let handlers: HandlerTable;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'entra-schema-export-'));
  handlers = createHandlers(
    await openCliContext({ JPA_DATA_DIR: dir, JPA_KEYCHAIN_SERVICE: `jpa-test-${process.pid}` }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const summary = async () =>
  JSON.parse((await handlers.exportSummary({ format: 'json', includeUserData: false })).content);

describe('support export and the Entra schema', () => {
  it('without a schema, labels the unconfirmed gallery defaults as assumed', async () => {
    const model = await summary();
    expect(model.entraSchema).toBeNull();
    expect(model.mapping.comparedWith).toBe('gallery-defaults');
    const assumed = model.mapping.mappings
      .filter((row: { defaultAssumed: boolean }) => row.defaultAssumed)
      .map((row: { target: string }) => row.target);
    expect(assumed).toEqual([
      'emails[type eq "personal"].value',
      'emails[type eq "alternate1"].value',
      'emails[type eq "alternate2"].value',
      `${JOSTLE_USER_EXTENSION}:alternateEmail1Label`,
      `${JOSTLE_USER_EXTENSION}:alternateEmail2Label`,
    ]);
    const markdown = (await handlers.exportSummary({ format: 'markdown', includeUserData: false })).content;
    expect(markdown).toContain('no (default assumed)');
  });

  it('with a schema, shows tested-vs-Entra per mapping and per clause, and compares with Entra, not the gallery', async () => {
    await handlers.importEntraSchema({
      text: fixtureText('jostle-gallery-custom.json'),
      fileName: 'entra.json',
    });
    const scope = (await handlers.getScope({})).config;
    scope.filters[0]!.clauses[0]!.value = 'Marketing';
    await handlers.saveScope({ config: scope });
    const model = await summary();
    expect(model.mapping.comparedWith).toBe('entra-schema');
    expect(
      model.mapping.mappings.every((row: { differsFromGallery: boolean }) => !row.differsFromGallery),
    ).toBe(true);
    expect(model.entraSchema).toMatchObject({
      fileName: 'entra.json',
      objectMappingName: 'Provision Microsoft Entra ID Users',
    });
    expect(model.entraSchema.clauses[0]).toEqual({
      filter: 1,
      clause: 1,
      status: 'changed',
      tested: 'department EQUALS "Marketing"',
      entra: 'department EQUALS "Sales"',
    });
    expect(model.entraSchema.clauses).toHaveLength(7);
    const markdown = (await handlers.exportSummary({ format: 'markdown', includeUserData: false })).content;
    expect(markdown).toMatch(/Scoping filters: tested here vs Entra/);
    expect(markdown).toMatch(/department EQUALS "Marketing"/);
  });
});
