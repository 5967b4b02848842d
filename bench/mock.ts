/**
 * Benchmark of the mock Jostle server: `npx tsx bench/mock.ts` (or `npm run bench:mock`).
 *
 * The mock (with 100,000 synthetic users) and a bare node:http server answering a fixed JSON body each run in
 * their own child process; this process drives both over loopback with an undici Pool of 32 connections.
 * For each request shape — the Test Connection filter, GET by id, POST and PATCH — it measures requests/s
 * and p50/p99 latency against the mock and against the bare server in the same run, and prints the ratio.
 * Each figure is the median of 3 alternating rounds (mock, bare, mock, bare…) after a warm-up.
 * Options: --requests N (per round, default 10000), --rounds N (default 3), --users N (default 100000), --json.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

const CONNECTIONS = 32;
const TARGETS = { filterRatio: 0.5, p99Ms: 10 };
/** Peak RSS of the mock: < 300 MB up to 100,000 users, < 1 GB for the largest tenants (500,000). */
const rssTargetMb = (users: number): number => (users > 100_000 ? 1024 : 300);

interface Ready {
  baseUrl: string;
  token: string;
  rssMb: number;
  heapMb: number;
  loadMs: number;
  ids: string[];
}

type Scenario = 'filter' | 'get' | 'create' | 'patch';

interface Measurement {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

// ---------- child processes ----------

async function runMockChild(users: number): Promise<void> {
  const { startMockJostle } = await import('../main/mock-jostle');
  const mock = await startMockJostle({ token: 'bench-token' });
  const started = performance.now();
  mock.generateUsers(users);
  const loadMs = performance.now() - started;
  globalThis.gc?.();
  const memory = process.memoryUsage();
  const ids: string[] = [];
  const response = await fetch(`${mock.baseUrl}/Users?count=200&attributes=id`, {
    headers: { Authorization: `Bearer ${mock.token}` },
  });
  for (const user of ((await response.json()) as { Resources: Array<{ id: string }> }).Resources)
    ids.push(user.id);
  mock.clearLog();
  const ready: Ready = {
    baseUrl: mock.baseUrl,
    token: mock.token,
    rssMb: memory.rss / 2 ** 20,
    heapMb: memory.heapUsed / 2 ** 20,
    loadMs,
    ids,
  };
  process.send?.({ ready });
  process.on('message', (message: { report?: boolean }) => {
    if (message.report)
      process.send?.({
        rssMb: process.memoryUsage().rss / 2 ** 20,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        users: mock.userCount(),
      });
  });
  process.on('disconnect', () => void mock.close().then(() => process.exit(0)));
}

function runBareChild(): void {
  // A fixed body the size of a Test Connection answer: the floor any Node HTTP server can reach.
  const body = JSON.stringify({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: 0,
    Resources: [],
    startIndex: 1,
    itemsPerPage: 0,
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'Content-Type': 'application/scim+json',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    const ready: Ready = {
      baseUrl: `http://127.0.0.1:${port}/scim2`,
      token: 'bench-token',
      rssMb: 0,
      heapMb: 0,
      loadMs: 0,
      ids: [],
    };
    process.send?.({ ready });
  });
  process.on('disconnect', () => server.close(() => process.exit(0)));
}

// ---------- load generator ----------

function spawnChild(kind: 'mock' | 'bare', users: number): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(fileURLToPath(import.meta.url), ['--child', kind, '--users', String(users)], {
    // BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers too.
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
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

function requestFor(
  scenario: Scenario,
  ready: Ready,
  serial: number,
): { method: 'GET' | 'POST' | 'PATCH'; path: string; body?: string } {
  const base = new URL(ready.baseUrl).pathname;
  const id = ready.ids.length > 0 ? ready.ids[serial % ready.ids.length] : 'no-id';
  switch (scenario) {
    case 'filter':
      // Entra's Test Connection: a userName that does not exist, spaces as + and quotes as %22.
      return { method: 'GET', path: `${base}/Users?filter=userName+eq+%22${crypto.randomUUID()}%22` };
    case 'get':
      return { method: 'GET', path: `${base}/Users/${id}` };
    case 'create':
      return {
        method: 'POST',
        path: `${base}/Users`,
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          externalId: `bench-${serial}`,
          userName: `bench-${process.pid}-${serial}-${Math.random().toString(36).slice(2)}@example.test`,
          active: true,
          emails: [{ primary: true, type: 'work', value: `bench-${serial}@example.test` }],
          name: { formatted: 'Bench User', familyName: 'User', givenName: 'Bench' },
          roles: [],
        }),
      };
    case 'patch':
      return {
        method: 'PATCH',
        path: `${base}/Users/${id}`,
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [
            { op: 'Replace', path: 'active', value: serial % 2 === 0 ? 'False' : 'True' },
            { op: 'Replace', path: 'emails[type eq "work"].value', value: `patched-${serial}@example.test` },
          ],
        }),
      };
  }
}

async function measure(ready: Ready, scenario: Scenario, total: number): Promise<Measurement> {
  const pool = new Pool(new URL(ready.baseUrl).origin, { connections: CONNECTIONS, pipelining: 1 });
  const headers = { authorization: `Bearer ${ready.token}`, 'content-type': 'application/scim+json' };
  const latencies = new Float64Array(total);
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const serial = next++;
      const { method, path, body } = requestFor(scenario, ready, serial);
      const sent = performance.now();
      const response = await pool.request({ method, path, headers, body });
      await response.body.text();
      latencies[serial] = performance.now() - sent;
      if (response.statusCode >= 400) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { requests: total, seconds, rps: total / seconds, p50: at(0.5), p99: at(0.99), errors };
}

/** The median round by throughput, with its median p50/p99 taken separately. */
function median(rounds: Measurement[]): Measurement {
  const middle = <T>(values: T[], key: (value: T) => number): number =>
    key([...values].sort((a, b) => key(a) - key(b))[Math.floor(values.length / 2)] as T);
  const byRps = [...rounds].sort((a, b) => a.rps - b.rps)[Math.floor(rounds.length / 2)] as Measurement;
  return {
    ...byRps,
    p50: middle(rounds, (m) => m.p50),
    p99: middle(rounds, (m) => m.p99),
    errors: rounds.reduce((sum, m) => sum + m.errors, 0),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      users: { type: 'string', default: '100000' },
      requests: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
  });
  const users = Number(values.users);
  if (values.child === 'mock') return runMockChild(users);
  if (values.child === 'bare') return runBareChild();

  const requests = Number(values.requests);
  const rounds = Number(values.rounds);
  const wallStarted = performance.now();
  const [mock, bare] = await Promise.all([spawnChild('mock', users), spawnChild('bare', users)]);
  const rows: Array<{ scenario: Scenario; mock: Measurement; bare: Measurement; ratio: number }> = [];
  try {
    for (const scenario of ['filter', 'get', 'create', 'patch'] as const) {
      const warmup = Math.min(2000, requests);
      await measure(mock.ready, scenario, warmup);
      await measure(bare.ready, scenario, warmup);
      // Alternating rounds, median taken: the two cores are shared, and one noisy neighbour should not
      // decide the figure for one server only.
      const mockRounds: Measurement[] = [];
      const bareRounds: Measurement[] = [];
      for (let round = 0; round < rounds; round += 1) {
        mockRounds.push(await measure(mock.ready, scenario, requests));
        bareRounds.push(await measure(bare.ready, scenario, requests));
      }
      const mockResult = median(mockRounds);
      const bareResult = median(bareRounds);
      rows.push({ scenario, mock: mockResult, bare: bareResult, ratio: mockResult.rps / bareResult.rps });
    }
    const after = await new Promise<{ rssMb: number; peakRssMb: number; users: number }>((resolve) => {
      mock.child.once('message', resolve);
      mock.child.send({ report: true });
    });
    report(rows, mock.ready, after, users, requests, (performance.now() - wallStarted) / 1000, values.json);
  } finally {
    mock.child.disconnect();
    bare.child.disconnect();
  }
}

function report(
  rows: Array<{ scenario: Scenario; mock: Measurement; bare: Measurement; ratio: number }>,
  ready: Ready,
  after: { rssMb: number; peakRssMb: number; users: number },
  users: number,
  requests: number,
  wallSeconds: number,
  json: boolean,
): void {
  const filter = rows.find((row) => row.scenario === 'filter');
  const checks = {
    filterRatio: (filter?.ratio ?? 0) >= TARGETS.filterRatio,
    p99: rows.every((row) => row.mock.p99 < TARGETS.p99Ms),
    rss: after.peakRssMb < rssTargetMb(users),
  };
  if (json) {
    console.log(
      JSON.stringify(
        { users, requests, connections: CONNECTIONS, ready, after, rows, checks, wallSeconds },
        null,
        2,
      ),
    );
    return;
  }
  const f = (n: number, digits = 1): string => n.toFixed(digits);
  console.log(
    `Mock Jostle benchmark — node ${process.version}, ${CONNECTIONS} connections, median of rounds of ${requests} requests`,
  );
  console.log(
    `Users loaded: ${users} in ${f(ready.loadMs / 1000, 2)} s; RSS ${f(ready.rssMb)} MB (heap ${f(ready.heapMb)} MB); after the run: ${after.users} users, RSS ${f(after.rssMb)} MB, peak ${f(after.peakRssMb)} MB; load average ${loadavg()
      .map((load) => f(load, 2))
      .join(' / ')}`,
  );
  console.log('');
  console.log(
    '| Request | mock req/s | mock p50 ms | mock p99 ms | bare req/s | bare p50 ms | bare p99 ms | ratio | errors |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.scenario} | ${f(row.mock.rps, 0)} | ${f(row.mock.p50, 2)} | ${f(row.mock.p99, 2)} | ${f(row.bare.rps, 0)} | ${f(row.bare.p50, 2)} | ${f(row.bare.p99, 2)} | ${f(row.ratio * 100, 0)}% | ${row.mock.errors} |`,
    );
  }
  console.log('');
  console.log(
    `Targets: filter ≥ ${TARGETS.filterRatio * 100}% of bare: ${checks.filterRatio ? 'met' : 'MISSED'}; p99 < ${TARGETS.p99Ms} ms on all: ${checks.p99 ? 'met' : 'MISSED'}; peak RSS < ${rssTargetMb(users)} MB with ${users} users: ${checks.rss ? 'met' : 'MISSED'}`,
  );
  console.log(`Wall time: ${f(wallSeconds)} s`);
  if (!checks.filterRatio || !checks.p99 || !checks.rss) process.exitCode = 1;
}

await main();
