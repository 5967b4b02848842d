/**
 * The desktop app's requests go through Chromium's network stack: the real start-up on the Electron stand-in,
 * the real handler host in a child whose `electron` module has the stand-in `net` (net.ts), and main's answer
 * to proxy sign-in prompts switched on for that host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInApp } from './harness';

let started: Awaited<ReturnType<typeof startStandInApp>>;
beforeAll(async () => {
  started = await startStandInApp();
}, 30_000);
afterAll(() => started?.quit());

describe('desktop app network path', () => {
  it('forks the handler host so its proxy prompts reach main (respondToAuthRequestsFromMainProcess)', () => {
    const forked = started.electron.utilityProcess.forked.at(-1);
    expect(forked?.options.respondToAuthRequestsFromMainProcess).toBe(true);
    expect(started.electron.app.listenerCount('login')).toBe(1);
  });

  it('Diagnostics > Network says Chromium sends, and the OS store verifies', async () => {
    const answer = await started.invoke('getNetworkSettings');
    expect(answer.ok).toBe(true);
    expect(answer.value).toMatchObject({ stack: 'chromium' });
    const view = answer.value as { proxy: string; trustStore: string };
    expect(view.proxy).toContain('Chromium');
    expect(view.trustStore).toContain('Chromium verifies');
  });

  it('probes against the mock travel through net.fetch, and the evidence says so', async () => {
    const answer = await started.invoke('runProbes', { target: 'mock', write: false });
    expect(answer.ok).toBe(true);
    const report = answer.value as {
      ok: boolean;
      trust: string[];
      probes: Array<{ evidence: Array<{ route?: string }> }>;
    };
    expect(report.ok).toBe(true);
    expect(report.trust).toEqual(['system']);
    const routes = report.probes.flatMap((probe) => probe.evidence.map((item) => item.route)).filter(Boolean);
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.every((route) => route!.includes('Chromium'))).toBe(true);
  });
});
