import { afterEach, describe, expect, it } from 'vitest';
import { startMockJostle, type FaultSpec, type MockJostle } from '../../main/mock-jostle';
import { runProbes, type ProbeId, type ProbeReport, type RunProbesOptions } from '../../main/probes';

const mocks: MockJostle[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((mock) => mock.close()));
});

const SEED = 3;
async function mock(faults: FaultSpec[] = []): Promise<MockJostle> {
  const started = await startMockJostle({ seedUsers: SEED, faults });
  mocks.push(started);
  return started;
}

function probe(server: MockJostle, options: Partial<RunProbesOptions> = {}): Promise<ProbeReport> {
  return runProbes({
    baseUrl: server.baseUrl,
    token: server.token,
    clientOptions: {
      timeouts: { connectMs: 1000, headersMs: 1500, bodyMs: 1500 },
      retry: { maxAttempts: 2, baseDelayMs: 10 },
      env: {},
    },
    ...options,
  });
}

const byId = (report: ProbeReport, id: ProbeId) => {
  const result = report.probes.find((candidate) => candidate.id === id);
  if (!result) throw new Error(`no probe ${id}`);
  return result;
};

describe('against the mock Jostle', () => {
  it('passes every read-only and write probe, leaves nothing behind, and never shows the token', async () => {
    const server = await mock();
    const report = await probe(server, { write: true });
    const notPassing = report.probes
      .filter((result) => result.status !== 'pass')
      .map((result) => `${result.id}: ${result.summary}`);
    expect(notPassing).toEqual([]);
    expect(report.probes).toHaveLength(21);
    expect(report).toMatchObject({
      ok: true,
      write: true,
      cancelled: false,
      leftovers: [],
      counts: { pass: 21, warn: 0, fail: 0, skipped: 0 },
    });
    expect(server.userCount()).toBe(SEED);
    expect(JSON.stringify(report)).not.toContain(server.token);
    // Report is plain data: it survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('keeps real users’ personal data out of the evidence', async () => {
    const server = await mock();
    const report = await probe(server);
    const pagination = JSON.stringify(byId(report, 'pagination').evidence);
    expect(pagination).toContain('omitted from evidence');
    expect(pagination).not.toMatch(/"userName"/);
  });

  it.each<[string, FaultSpec, ProbeId, string, string | RegExp]>([
    ['401', { kind: 'unauthorized', endpoint: 'all' }, 'test-connection', 'unauthorized', /Automation user/],
    ['403', { kind: 'forbidden', endpoint: 'all' }, 'test-connection', 'forbidden', /SSO\/user provisioning/],
    [
      '404 on the filter',
      { kind: 'filterNotFound', endpoint: 'filter' },
      'test-connection',
      'notFound',
      /Base URL is incomplete/,
    ],
    ['500', { kind: 'serverError', endpoint: 'all' }, 'test-connection', 'serverError', /server error/],
    [
      'duplicate matches',
      { kind: 'duplicateMatches', endpoint: 'filter' },
      'test-connection',
      'filterIgnored',
      /DuplicateTargetEntries/,
    ],
    ['no response', { kind: 'noResponse', endpoint: 'filter' }, 'test-connection', 'timeout', /network/],
    [
      '500 on discovery',
      { kind: 'serverError', endpoint: 'discovery' },
      'schemas',
      'serverError',
      /server error/,
    ],
  ])('fault %s → %s gives the right diagnosis', async (_name, fault, id, finding, remedy) => {
    const server = await mock([fault]);
    const report = await probe(server);
    const result = byId(report, id);
    expect(result.status).toBe('fail');
    expect(result.finding).toBe(finding);
    expect(result.remedy).toMatch(remedy);
    expect(result.evidence.length).toBeGreaterThan(0);
    expect(report.ok).toBe(false);
  });

  it('429 with Retry-After: retried, then reported as rate limiting (a warning)', async () => {
    const server = await mock([{ kind: 'tooManyRequests', endpoint: 'filter', retryAfterSeconds: 1 }]);
    const report = await probe(server);
    const result = byId(report, 'test-connection');
    expect(result).toMatchObject({ status: 'warn', finding: 'rateLimited' });
    expect(result.summary).toMatch(/after 2 attempt\(s\); Retry-After: 1/);
    expect(result.remedy).toMatch(/rate-limiting/);
  });

  it('injected latency: the latency probe warns, the rest pass', async () => {
    const server = await mock([{ kind: 'latency', endpoint: 'filter', latencyMs: 1100 }]);
    const report = await probe(server, { clientOptions: { env: {} } });
    expect(byId(report, 'latency')).toMatchObject({ status: 'warn', finding: 'slow' });
    expect(report.counts.fail).toBe(0);
  });

  it('discovery failure: the schema-dependent probes are skipped with the reason', async () => {
    const server = await mock([{ kind: 'serverError', endpoint: 'discovery' }]);
    const report = await probe(server);
    expect(byId(report, 'target-attributes')).toMatchObject({ status: 'skipped', finding: 'dependency' });
    expect(byId(report, 'test-connection').status).toBe('pass');
  });

  it('a mapping with an attribute Jostle lacks fails the target-attribute probe, naming it', async () => {
    const server = await mock();
    const report = await probe(server, {
      targetAttributes: [
        'userName',
        'emails[type eq "work"].value',
        'urn:ietf:params:scim:schemas:extension:jostle:2.0:User:costCenter',
        'manager',
      ],
    });
    const result = byId(report, 'target-attributes');
    expect(result).toMatchObject({ status: 'fail', finding: 'missingAttributes' });
    expect(result.summary).toContain('costCenter');
    expect(result.summary).toContain('manager');
  });

  it('matching on another attribute: Jostle cannot filter on it', async () => {
    const server = await mock();
    const result = byId(await probe(server, { matchingAttribute: 'externalId' }), 'matching-attribute');
    expect(result.finding).toBe('matchingNotFilterable');
    expect(result.remedy).toMatch(/only filter — and therefore match users — on userName/);
  });

  it('409 on create: the write chain stops and leaves nothing behind', async () => {
    const server = await mock([{ kind: 'conflict', endpoint: 'create' }]);
    const report = await probe(server, { write: true });
    expect(byId(report, 'write-create')).toMatchObject({ status: 'fail', finding: 'conflict' });
    expect(byId(report, 'write-delete')).toMatchObject({ status: 'skipped', finding: 'dependency' });
    expect(report.leftovers).toEqual([]);
  });

  it('failing PATCH: the PATCH probes fail and the user is still deleted', async () => {
    const server = await mock([{ kind: 'serverError', endpoint: 'patch' }]);
    const report = await probe(server, { write: true });
    expect(byId(report, 'write-patch-paths')).toMatchObject({ status: 'fail', finding: 'serverError' });
    expect(byId(report, 'write-disable-boolean').status).toBe('fail');
    expect(byId(report, 'write-delete').status).toBe('pass');
    expect(report.leftovers).toEqual([]);
    expect(server.userCount()).toBe(SEED);
  });

  it('delete refused: the user is left deactivated and reported by id', async () => {
    const server = await mock([{ kind: 'forbidden', endpoint: 'delete' }]);
    const report = await probe(server, { write: true });
    expect(byId(report, 'write-delete')).toMatchObject({ status: 'warn', finding: 'deleteRefused' });
    expect(report.leftovers).toHaveLength(1);
    const [leftover] = report.leftovers;
    expect(leftover).toMatchObject({ state: 'disabled' });
    expect(server.findUserById(leftover?.id as string)?.data.active).toBe(false);
  });

  it('no answer to the create: cleanup still looks the user up and leaves nothing behind', async () => {
    const server = await mock([{ kind: 'noResponse', endpoint: 'create' }]);
    const report = await probe(server, { write: true });
    expect(byId(report, 'write-create')).toMatchObject({ status: 'fail', finding: 'timeout' });
    expect(report.leftovers).toEqual([]);
    expect(server.userCount()).toBe(SEED);
  });

  it('cancel in the middle of the write probes: the rest is skipped and the user is deleted', async () => {
    const server = await mock();
    const controller = new AbortController();
    const report = await probe(server, {
      write: true,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'finished' && event.result.id === 'write-patch-paths') controller.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(byId(report, 'write-patch-paths').status).toBe('pass');
    expect(byId(report, 'write-delete')).toMatchObject({ status: 'skipped', finding: 'cancelled' });
    expect(report.leftovers).toEqual([]);
    expect(server.userCount()).toBe(SEED);
  });

  it('cancel before anything answers: every probe ends as cancelled, no rejection', async () => {
    const server = await mock([{ kind: 'latency', endpoint: 'all', latencyMs: 5000 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const report = await probe(server, { signal: controller.signal, clientOptions: { env: {} } });
    expect(report.cancelled).toBe(true);
    expect(report.durationMs).toBeLessThan(2000);
    expect(byId(report, 'test-connection')).toMatchObject({ status: 'skipped', finding: 'cancelled' });
  });
});
