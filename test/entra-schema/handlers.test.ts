import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { importEntraSchemaInto } from '../../main/api/entra-schema-handlers';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import type { AppContext } from '../../main/app/context';
import { openCliContext } from '../../main/cli/app-context';
import type { ApiChannel, ApiResponse } from '../../shared/api/contract';
import { schemasEquivalent } from '../../shared/entra-schema';
import { fixture, fixtureText } from './helpers';

let dir: string;
let handlers: HandlerTable;
let context: AppContext;

async function call<C extends ApiChannel>(channel: C, request: unknown): Promise<ApiResponse<C>> {
  const answer = await dispatch(handlers, channel, request);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as ApiResponse<C>;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'entra-schema-api-'));
  context = await openCliContext({
    JPA_DATA_DIR: dir,
    JPA_KEYCHAIN_SERVICE: `jpa-test-${process.pid}`,
  });
  handlers = createHandlers(context);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('entra schema handlers', () => {
  it('import replaces mapping and filters, keeps the scope mode, and compares as the same', async () => {
    await call('saveScope', { config: { version: 1, scope: 'allUsers', filters: [] } });
    const result = await call('importEntraSchema', {
      text: fixtureText('jostle-gallery-custom.json'),
      fileName: 'schema.json',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scope.scope).toBe('allUsers');
    expect(result.state.imported).toMatchObject({
      fileName: 'schema.json',
      mappingCount: 12,
      filterCount: 3,
      clauseCount: 7,
    });
    expect(result.state.mappings.every((row) => row.status === 'same')).toBe(true);
    expect(result.state.clauses).toHaveLength(7);
    expect(result.state.clauses.every((row) => row.status === 'same')).toBe(true);
    expect((await call('getScope', {})).config.filters).toHaveLength(3);
  });

  it('diffs what is tested here against what Entra has, per mapping and per clause', async () => {
    const { config } = await call('getMapping', {});
    const mappings = config.mappings
      .filter((mapping) => mapping.target !== 'nickName')
      .map((mapping) => (mapping.target === 'title' ? { ...mapping, source: 'department' } : mapping));
    mappings.push({
      type: 'Direct',
      source: 'mobile',
      target: 'phoneNumbers[type eq "workmobilephone"].value',
      apply: 'Always',
    });
    await call('saveMapping', { config: { version: 1, mappings } });
    const scope = (await call('getScope', {})).config;
    scope.filters[1]!.clauses[1] = { attribute: 'country', operator: 'EQUALS', value: 'FR' };
    await call('saveScope', { config: scope });
    const state = await call('getEntraSchema', {});
    const status = (target: string) => state.mappings.find((row) => row.target === target)?.status;
    expect(status('title')).toBe('changed');
    expect(status('nickName')).toBe('only-in-entra');
    expect(status('phoneNumbers[type eq "workmobilephone"].value')).toBe('only-here');
    expect(status('userName')).toBe('same');
    expect(state.clauses.find((row) => row.status !== 'same')).toEqual({
      filterIndex: 1,
      clauseIndex: 1,
      status: 'changed',
      tested: 'country EQUALS "FR"',
      entra: 'country EQUALS "IE"',
    });
    // The export carries the edits into the imported schema.
    const exported = await call('exportEntraSchema', {});
    expect(exported.kind).toBe('merged');
    expect(schemasEquivalent(JSON.parse(exported.content), fixture('jostle-gallery-custom.json'))).toBe(
      false,
    );
    expect(exported.content).toContain('"FR"');
  });

  it('a foreign schema is refused with its reason and changes nothing', async () => {
    const before = await call('getMapping', {});
    const result = await call('importEntraSchema', { text: fixtureText('graph-docs-salesforce.json') });
    expect(result).toMatchObject({ ok: false, code: 'foreign-app' });
    expect(await call('getMapping', {})).toEqual(before);
    expect((await call('getEntraSchema', {})).imported?.fileName).toBe('schema.json');
  });

  it('clear forgets the schema but keeps the mapping', async () => {
    const before = await call('getMapping', {});
    const state = await call('clearEntraSchema', {});
    expect(state).toEqual({
      imported: null,
      entraMappings: null,
      entraFilters: null,
      mappings: [],
      clauses: [],
    });
    expect(await call('getMapping', {})).toEqual(before);
    expect((await call('exportEntraSchema', {})).kind).toBe('object-mapping');
  });

  it('imports JSON that is already parsed, as the Graph fetch hands it over', async () => {
    const result = await importEntraSchemaInto(context, fixture('jostle-template-response.json'), 'Graph');
    expect(result).toMatchObject({ ok: true, state: { imported: { fileName: 'Graph', mappingCount: 12 } } });
  });
});
