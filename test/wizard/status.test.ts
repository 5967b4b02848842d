import { describe, expect, it } from 'vitest';
import { deriveStepStatuses } from '../../shared/wizard/status';

const none = { baseUrlSaved: false, keySaved: false, keyInMemoryOnly: false };

describe('step statuses', () => {
  it('follow the checklists', () => {
    const statuses = deriveStepStatuses({ checklists: { gallery: { 'added-app': true } }, connection: none });
    expect(statuses.gallery).toBe('in-progress');
    expect(statuses.plan).toBe('not-started');
  });

  it('mark the connection done only with both URL and key, and flag a key held in memory', () => {
    expect(
      deriveStepStatuses({ checklists: {}, connection: { ...none, baseUrlSaved: true } }).connection,
    ).toBe('in-progress');
    expect(
      deriveStepStatuses({ checklists: {}, connection: { ...none, baseUrlSaved: true, keySaved: true } })
        .connection,
    ).toBe('done');
    expect(
      deriveStepStatuses({
        checklists: {},
        connection: { baseUrlSaved: true, keySaved: true, keyInMemoryOnly: true },
      }).connection,
    ).toBe('needs-attention');
  });

  it('put the connection in a warning state after a failing Test connection, and back to done after a pass', () => {
    const saved = { baseUrlSaved: true, keySaved: true, keyInMemoryOnly: false };
    expect(
      deriveStepStatuses({ checklists: {}, connection: { ...saved, lastTestFailed: true } }).connection,
    ).toBe('needs-attention');
    expect(
      deriveStepStatuses({ checklists: {}, connection: { ...saved, lastTestFailed: false } }).connection,
    ).toBe('done');
  });

  it('keep a connection to Mock Jostle (a loopback Base URL) in progress: the tenant is still to be saved', () => {
    const saved = { baseUrlSaved: true, keySaved: true, keyInMemoryOnly: false };
    expect(
      deriveStepStatuses({ checklists: {}, connection: { ...saved, baseUrlIsLoopback: true } }).connection,
    ).toBe('in-progress');
    expect(
      deriveStepStatuses({
        checklists: {},
        connection: { ...saved, baseUrlIsLoopback: true, lastTestFailed: true },
      }).connection,
    ).toBe('needs-attention');
  });

  it('never mark a step that is not built yet as done, even with forged checklist data', () => {
    const statuses = deriveStepStatuses({
      checklists: { 'dry-run': { everything: true } },
      connection: none,
    });
    expect(statuses['dry-run']).toBe('not-started');
  });
});

describe('steps that follow saved configuration', () => {
  const base = { checklists: {}, connection: none };

  it('scope: done with users imported and a saved scope, needs attention on errors', () => {
    const scope = (usersImported: boolean, saved: boolean, hasErrors = false) =>
      deriveStepStatuses({ ...base, scope: { usersImported, saved, hasErrors } }).scope;
    expect(scope(false, false)).toBe('not-started');
    expect(scope(true, false)).toBe('in-progress');
    expect(scope(true, true)).toBe('done');
    expect(scope(true, true, true)).toBe('needs-attention');
  });

  it('mappings: done once saved without errors', () => {
    expect(deriveStepStatuses({ ...base, mapping: { saved: false, hasErrors: false } }).mappings).toBe(
      'not-started',
    );
    expect(deriveStepStatuses({ ...base, mapping: { saved: true, hasErrors: false } }).mappings).toBe('done');
    expect(deriveStepStatuses({ ...base, mapping: { saved: true, hasErrors: true } }).mappings).toBe(
      'needs-attention',
    );
  });
});
