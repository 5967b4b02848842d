/**
 * Benchmark (not a test): a 100,000-user initial dry-run cycle against the mock Jostle on loopback, beside a
 * baseline measured in the same run: the same SCIM client sending the same number of requests (the same mix of
 * lookups and creates, at the same concurrency) to a bare `node:http` server that gives a fixed answer.
 * The mock and the bare server run in child processes; the baseline's client runs in this process after the
 * cycles, or with --baseline-process in a child of its own (whose peak the tree sum then adds).
 * A second, unchanged cycle follows: it must send no writes and take < 20% of the first cycle's time.
 * Targets: the dry run reaches ≥ 60% of the baseline's request rate, counts reconcile, and the whole process
 * tree stays under 1 GB: the most its processes held at once (their RSS summed every 50 ms from /proc on
 * Linux; elsewhere the sum of each one's peak, an upper bound, which is also printed). The bare server starts
 * once the mock has stopped: it is the baseline's apparatus, not part of the dry run's tree.
 * Run: `npx tsx bench/dryrun.ts [--users N] [--seed N] [--concurrency N] [--json] [--baseline-process]`, or
 * `--users-csv FILE` for your own Download users CSV (imported as the app does; every user in scope).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { withHostHeapCeiling } from '../main/host/heap-ceiling';

interface Ready {
  baseUrl: string;
  token: string;
}

const TOKEN = 'bench-dryrun-token';
const TARGETS = { ratio: 0.6, secondCycleShare: 0.2, treePeakRssMb: 1024 };
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
/** CPU seconds (user + system) this process has used: beside wall time, since the 2 cores are shared. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const FIXED_ANSWER = JSON.stringify({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: 0,
  Resources: [],
  startIndex: 1,
  itemsPerPage: 20,
  id: 'fixed',
});

interface BaselineJob {
  baseUrl: string;
  token: string;
  total: number;
  creates: number;
  concurrency: number;
  body: unknown;
  /** A sample of the tenant's user names, cycled through: the filters look like the dry run's. */
  names: string[];
}

/** The baseline: the same SCIM client, the same number and mix of requests, the same concurrency. */
async function runBaseline(job: BaselineJob): Promise<{ ms: number; cpuSeconds: number }> {
  const { createScimClient } = await import('../main/scim');
  const client = createScimClient({
    baseUrl: job.baseUrl,
    token: job.token,
    env: {},
    retry: { maxAttempts: 1 },
  });
  let sent = 0;
  const started = performance.now();
  const cpu = cpuSeconds();
  const worker = async () => {
    while (sent < job.total) {
      const serial = sent;
      sent += 1;
      const userPrincipalName = job.names[Math.floor(serial / 2) % job.names.length]!;
      // As the dry run sends them: no User-Agent (docs/entra-fidelity.md F25).
      const response =
        serial % 2 === 1 && serial / 2 < job.creates
          ? await client.request({
              method: 'POST',
              path: '/Users',
              body: job.body as never,
              userAgent: false,
            })
          : await client.request({
              method: 'GET',
              path: '/Users',
              query: { filter: `userName eq "${userPrincipalName}"` },
              userAgent: false,
            });
      if (response.status >= 400) throw new Error(`baseline got HTTP ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const result = { ms: performance.now() - started, cpuSeconds: cpuSeconds() - cpu };
  await client.close();
  return result;
}

async function runChild(kind: string): Promise<void> {
  if (kind === 'baseline') {
    process.send?.({ ready: { baseUrl: '', token: '' } });
    process.once(
      'message',
      (job: BaselineJob) =>
        void runBaseline(job).then((timing) => process.send?.({ ...timing, peakRssMb: peakRssMb() })),
    );
    process.on('disconnect', () => process.exit(0));
    return;
  }
  if (kind === 'mock') {
    const { startMockJostle } = await import('../main/mock-jostle');
    const mock = await startMockJostle({ token: TOKEN });
    process.send?.({ ready: { baseUrl: mock.baseUrl, token: mock.token }, users: 0 });
    process.on('message', () =>
      process.send?.({ users: mock.userCount(), peakRssMb: peakRssMb(), cpuSeconds: cpuSeconds() }),
    );
    process.on('disconnect', () => void mock.close().then(() => process.exit(0)));
    return;
  }
  const server = createServer({ keepAlive: true }, (request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/scim+json' });
      response.end(FIXED_ANSWER);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.send?.({ ready: { baseUrl: `http://127.0.0.1:${port}/scim2`, token: TOKEN } });
  });
  process.on('message', () => process.send?.({ users: 0, peakRssMb: peakRssMb(), cpuSeconds: cpuSeconds() }));
  process.on('disconnect', () => server.close(() => process.exit(0)));
}

/** RSS of a live process in MB from /proc (Linux), or null where there is no /proc or it has exited. */
function currentRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/**
 * The most the tree held at once: this process and the live children, summed every 50 ms. null where /proc
 * cannot be read (macOS, Windows): the caller then uses the sum of each process's peak.
 */
function sampleTreeRss(children: () => Array<ChildProcess | undefined>) {
  let peakMb = 0;
  let sampled = currentRssMb(process.pid) !== null;
  const sample = () => {
    let sum = process.memoryUsage.rss() / 2 ** 20;
    for (const child of children()) {
      if (child?.pid === undefined || child.exitCode !== null) continue;
      const rss = currentRssMb(child.pid);
      if (rss === null) sampled = false;
      else sum += rss;
    }
    peakMb = Math.max(peakMb, sum);
  };
  const timer = setInterval(sample, 50);
  timer.unref();
  return {
    stop(): number | null {
      clearInterval(timer);
      sample();
      return sampled ? peakMb : null;
    },
  };
}

function ask(child: ChildProcess): Promise<{ users: number; peakRssMb: number; cpuSeconds: number }> {
  child.send({ count: true });
  return new Promise((resolve) => child.once('message', resolve));
}

function spawnChild(kind: 'mock' | 'bare' | 'baseline'): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(fileURLToPath(import.meta.url), ['--child', kind], {
    // BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the children too.
    execArgv: [
      '--import',
      'tsx',
      // The mock runs in the handler host in the app: the host's heap ceiling, too.
      ...(kind === 'mock' ? withHostHeapCeiling([]) : []),
      ...(process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${kind} server exited early with code ${code}`)));
    child.once('message', (message: { ready: Ready }) => resolve({ child, ready: message.ready }));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      users: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '42' },
      'users-csv': { type: 'string' },
      concurrency: { type: 'string' },
      json: { type: 'boolean', default: false },
      'baseline-process': { type: 'boolean', default: false },
    },
  });
  if (values.child) return runChild(values.child);
  // The engine runs here, so it gets the handler host's heap ceiling as in the app (main/host/heap-ceiling.ts):
  // relaunched under it unless a ceiling was given. The launcher waits idle (~50 MB, not in the app).
  if (!process.execArgv.some((flag) => flag.startsWith('--max-old-space-size'))) {
    const engine = fork(fileURLToPath(import.meta.url), process.argv.slice(2), {
      execArgv: withHostHeapCeiling(process.execArgv),
      stdio: 'inherit',
    });
    engine.once('exit', (code) => (process.exitCode = code ?? 1));
    return;
  }
  const allStarted = performance.now();

  const concurrency = values.concurrency ? Number(values.concurrency) : undefined;

  const { createProvisioningEngine, DEFAULT_LOOPBACK_CONCURRENCY } = await import('../main/provisioning');
  const { GALLERY_DEFAULT_CONFIG, compileMapping } = await import('../shared/mapping');
  const { generateSyntheticTable, importDownloadUsersCsv } = await import('../shared/source-data');
  const { chunksOf } = await import('./csv-file');

  const mock = await spawnChild('mock');
  let bare: { child: ChildProcess; ready: Ready } | undefined;
  let baselineChild: ChildProcess | undefined;
  const tree = sampleTreeRss(() => [mock.child, bare?.child, baselineChild]);
  try {
    let phase = performance.now();
    // As the app holds an import: the compact table, not an array of user objects.
    const csv = values['users-csv'];
    const imported = csv ? importDownloadUsersCsv(chunksOf(csv), csv) : undefined;
    if (imported && !imported.ok) throw new Error(`${csv} did not import: ${imported.error.message}`);
    const users = imported?.ok
      ? imported.value
      : generateSyntheticTable({ users: Number(values.users), seed: Number(values.seed) }).users;
    const userCount = users.length;
    const generateMs = performance.now() - phase;

    const mockBefore = await ask(mock.child);
    const engine = createProvisioningEngine({
      target: { kind: 'mock', baseUrl: mock.ready.baseUrl, token: mock.ready.token },
      clientOptions: { env: {} },
      ...(concurrency ? { concurrency } : {}),
    });
    phase = performance.now();
    const cpu = cpuSeconds();
    const report = await engine.runCycle({
      users,
      scope: { version: 1, scope: 'allUsers', filters: [] },
      mapping: GALLERY_DEFAULT_CONFIG,
    });
    const dryRunMs = performance.now() - phase;
    const dryRunCpu = cpuSeconds() - cpu;
    const mockAfterFirst = await ask(mock.child);
    // The second cycle: nothing changed in the source, so Entra sends nothing (escrow is empty too).
    phase = performance.now();
    const second = await engine.runCycle({
      users,
      scope: { version: 1, scope: 'allUsers', filters: [] },
      mapping: GALLERY_DEFAULT_CONFIG,
    });
    const secondMs = performance.now() - phase;
    const result = engine.result();
    await engine.close();
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    const mockUsers = mockAfterFirst.users;
    const mockAfterSecond = await ask(mock.child);
    await stopChild(mock.child);
    bare = await spawnChild('bare');

    // Baseline: the same client, the same number and mix of requests, the same concurrency; in this process
    // after the cycles by default, in its own with --baseline-process (measured: there it runs ~2x faster, on
    // a small fresh heap, and its process adds ~170 MB to the tree sum while the engine's peak barely moves).
    const bareBefore = await ask(bare.child);
    const body = compileMapping(GALLERY_DEFAULT_CONFIG).build(users.at(0)!, {
      operation: 'create',
      isSoftDeleted: false,
    }).resource;
    const creates = report.counts.Create.Success + report.counts.Create.Failure;
    const total = report.requests;
    const names = Array.from({ length: Math.min(users.length, 4096) }, (_, at) =>
      users.userPrincipalNameAt(at),
    );
    const job: BaselineJob = {
      baseUrl: bare.ready.baseUrl,
      token: bare.ready.token,
      total,
      creates,
      concurrency: concurrency ?? DEFAULT_LOOPBACK_CONCURRENCY,
      body,
      names,
    };
    let baselineRun: { ms: number; cpuSeconds: number; peakRssMb: number };
    if (values['baseline-process']) {
      const baseline = await spawnChild('baseline');
      baselineChild = baseline.child;
      baseline.child.send(job);
      baselineRun = await new Promise((resolve) => baseline.child.once('message', resolve));
      baseline.child.disconnect();
    } else baselineRun = { ...(await runBaseline(job)), peakRssMb: 0 };
    const baselineMs = baselineRun.ms;
    const baselineCpu = baselineRun.cpuSeconds;
    const bareStats = await ask(bare.child);
    const microseconds = (seconds: number, requests: number) => Math.round((seconds * 1e6) / requests);
    const cpuPerRequest = {
      dryRunEngine: microseconds(dryRunCpu, report.requests),
      mock: microseconds(mockAfterFirst.cpuSeconds - mockBefore.cpuSeconds, report.requests),
      baselineClient: microseconds(baselineCpu, total),
      bare: microseconds(bareStats.cpuSeconds - bareBefore.cpuSeconds, total),
    };
    const peakSumMb = peakRssMb() + mockAfterSecond.peakRssMb + bareStats.peakRssMb + baselineRun.peakRssMb;
    const sampledTreeMb = tree.stop();
    const treePeakMb = sampledTreeMb ?? peakSumMb;
    const secondShare = secondMs / dryRunMs;

    const dryRunRate = (report.requests * 1000) / dryRunMs;
    const baselineRate = (total * 1000) / baselineMs;
    const ratio = dryRunRate / baselineRate;
    const allMs = performance.now() - allStarted;
    const figures = {
      users: userCount,
      inScope: report.inScope,
      created: report.counts.Create.Success,
      skipped: report.counts.Create.Skipped + report.counts.Other.Skipped,
      failures: Object.values(report.counts).reduce((sum, byStatus) => sum + byStatus.Failure, 0),
      firstErrors: result.summary.firstErrors.slice(0, 5),
      reconciled: report.reconciled,
      mockUsersAfter: mockUsers,
      requests: report.requests,
      concurrency: concurrency ?? DEFAULT_LOOPBACK_CONCURRENCY,
      generateSeconds: +(generateMs / 1000).toFixed(2),
      dryRunSeconds: +(dryRunMs / 1000).toFixed(2),
      dryRunRequestsPerSecond: Math.round(dryRunRate),
      baselineSeconds: +(baselineMs / 1000).toFixed(2),
      baselineRequestsPerSecond: Math.round(baselineRate),
      ratio: +ratio.toFixed(3),
      totalSeconds: +(allMs / 1000).toFixed(2),
      logEntries: result.summary.cycles.reduce(
        (sum, cycle) =>
          sum +
          Object.values(cycle.counts).reduce(
            (n, byStatus) => n + Object.values(byStatus).reduce((a, b) => a + b, 0),
            0,
          ),
        0,
      ),
      cpuMicrosecondsPerRequest: cpuPerRequest,
      rssMbAfterDryRun: Math.round(rssMb),
      secondCycleRequests: second.requests,
      secondCycleSeconds: +(secondMs / 1000).toFixed(2),
      secondCycleShare: +secondShare.toFixed(3),
      secondReconciled: second.reconciled,
      mockUsersAfterSecond: mockAfterSecond.users,
      peakRssMb: {
        engine: Math.round(peakRssMb()),
        mock: Math.round(mockAfterSecond.peakRssMb),
        bare: Math.round(bareStats.peakRssMb),
        baselineClient: Math.round(baselineRun.peakRssMb),
        sumOfPeaks: Math.round(peakSumMb),
        tree: Math.round(treePeakMb),
        treeMeasuredBy: sampledTreeMb === null ? 'sum of peaks' : 'sampled every 50 ms',
      },
      loadAverage: loadavg().map((load) => +load.toFixed(2)),
      estimate: result.summary.estimate,
    };
    const ok =
      ratio >= TARGETS.ratio &&
      report.reconciled &&
      second.reconciled &&
      second.requests === 0 &&
      mockAfterSecond.users === mockUsers &&
      secondShare < TARGETS.secondCycleShare &&
      treePeakMb < TARGETS.treePeakRssMb;
    if (values.json) console.log(JSON.stringify({ ...figures, ok }, null, 2));
    else {
      console.log(
        `Dry run: ${userCount} users (${report.inScope} in scope), concurrency ${figures.concurrency}`,
      );
      console.log(
        `  created ${figures.created}, skipped ${figures.skipped}, failures ${figures.failures}, reconciled ${report.reconciled}, mock now holds ${mockUsers} users`,
      );
      for (const error of figures.firstErrors)
        console.log(`  failed: ${error.user} (${error.action}, ${error.errorCode}): ${error.message}`);
      console.log(
        `  ${report.requests} requests in ${figures.dryRunSeconds} s = ${figures.dryRunRequestsPerSecond} req/s`,
      );
      console.log(`Baseline (same client, bare node:http, fixed answer):`);
      console.log(
        `  ${total} requests in ${figures.baselineSeconds} s = ${figures.baselineRequestsPerSecond} req/s`,
      );
      console.log(`Ratio dry run / baseline: ${(ratio * 100).toFixed(1)}% (target ≥ 60%)`);
      console.log(
        `CPU per request: dry run ${cpuPerRequest.dryRunEngine} µs engine + ${cpuPerRequest.mock} µs mock; baseline ${cpuPerRequest.baselineClient} µs client + ${cpuPerRequest.bare} µs bare server`,
      );
      console.log(
        `Second, unchanged cycle: ${second.requests} requests, mock still holds ${mockAfterSecond.users} users, ${figures.secondCycleSeconds} s = ${(secondShare * 100).toFixed(1)}% of the first (target no writes, < 20%), reconciled ${second.reconciled}`,
      );
      console.log(
        `Peak RSS of each: engine ${figures.peakRssMb.engine} MB, mock ${figures.peakRssMb.mock} MB, bare ${figures.peakRssMb.bare} MB${figures.peakRssMb.baselineClient ? `, baseline client ${figures.peakRssMb.baselineClient} MB` : ''} (sum ${figures.peakRssMb.sumOfPeaks} MB)`,
      );
      console.log(
        `Process tree peak: ${figures.peakRssMb.tree} MB, ${figures.peakRssMb.treeMeasuredBy} (target < 1024 MB); ${figures.logEntries} log entries`,
      );
      console.log(
        `Total time: ${figures.totalSeconds} s (tenant generated or imported in ${figures.generateSeconds} s); load average ${figures.loadAverage.join(' / ')}`,
      );
      console.log(
        `Microsoft's estimate for the real initial cycle: ${figures.estimate.minMinutes}–${figures.estimate.maxMinutes} minutes`,
      );
      console.log(ok ? 'Targets met.' : 'TARGET MISSED.');
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    tree.stop();
    if (mock.child.connected) mock.child.disconnect();
    if (bare?.child.connected) bare.child.disconnect();
  }
}

/** Disconnects a child (it closes its server and exits) and waits until it has gone. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.disconnect();
  });
}

void main();
