import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { applyAllFixes, defaultMappingFor, portalChanges } from '../../shared/mapping';
import { createTestContext, type TestContext } from '../support/context';

let test: TestContext;
let handlers: HandlerTable;

beforeEach(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
});
afterEach(() => test.cleanup());

describe('portal changes for a path', () => {
  it('are none for the path’s own defaults, and exactly the fixes after Fix all', () => {
    expect(portalChanges(defaultMappingFor('custom').mappings, 'custom')).toEqual([]);
    const changes = portalChanges(applyAllFixes(defaultMappingFor('custom').mappings), 'custom');
    expect(changes.filter((change) => change.action === 'delete').map((change) => change.target)).toContain(
      'phoneNumbers[type eq "mobile"].value',
    );
    expect(changes).toContainEqual({
      action: 'add',
      target: 'phoneNumbers[type eq "workmobilephone"].value',
      to: 'mobile',
      addToAttributeList: true,
    });
    expect(changes.some((change) => change.action === 'edit')).toBe(false);
  });
});

describe('the support export names the path and its portal changes', () => {
  it('gallery by default; custom with the exact changes once the fixed mapping is saved', async () => {
    const gallery = await handlers.exportSummary({ format: 'json', includeUserData: false });
    expect(JSON.parse(gallery.content).setupPath).toMatchObject({ appPath: 'gallery', mappingChanges: [] });

    await handlers.setAppPath({ appPath: 'custom' });
    const fixed = applyAllFixes(defaultMappingFor('custom').mappings);
    await handlers.saveMapping({ config: { version: 1, mappings: fixed } });
    const markdown = (await handlers.exportSummary({ format: 'markdown', includeUserData: false })).content;
    expect(markdown).toContain('Setup path');
    expect(markdown).toContain('Custom non-gallery app');
    expect(markdown).toContain('Delete preferredLanguage (source preferredLanguage)');
    // Markdown escapes the brackets; the JSON carries the same rows unescaped.
    expect(markdown).toContain('workmobilephone');
    const json = JSON.parse(
      (await handlers.exportSummary({ format: 'json', includeUserData: false })).content,
    );
    expect(json.setupPath.appPath).toBe('custom');
    expect(json.setupPath.mappingChanges).toEqual(portalChanges(fixed, 'custom'));
  });
});
