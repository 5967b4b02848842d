/**
 * Benchmark (not a test): the read-only probe suite against the mock Jostle with 100 ms of latency injected on
 * every request. Independent probes run concurrently, so the suite should take at most 4× the injected
 * latency. Run: `npx tsx bench/probes.ts [runs]`.
 */
import { startMockJostle } from '../main/mock-jostle';
import { runProbes } from '../main/probes';

const INJECTED_MS = 100;
const TARGET_RATIO = 4;

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.argv[2] ?? 5));
  const mock = await startMockJostle({
    seedUsers: 50,
    faults: [{ kind: 'latency', endpoint: 'all', latencyMs: INJECTED_MS }],
  });
  try {
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const report = await runProbes({
        baseUrl: mock.baseUrl,
        token: mock.token,
        clientOptions: { env: {} },
      });
      const slow = report.probes.filter((probe) => probe.status !== 'pass' && probe.id !== 'latency');
      if (slow.length > 0)
        throw new Error(
          `unexpected results: ${slow.map((probe) => `${probe.id} ${probe.status}`).join(', ')}`,
        );
      times.push(report.durationMs);
    }
    const requests = mock.requestLog().length / runs;
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const first = times[0] ?? 0;
    const ratio = median / INJECTED_MS;
    console.log(`read-only suite, ${requests} requests per run, ${runs} run(s)`);
    console.log(`injected latency: ${INJECTED_MS} ms per request`);
    console.log(`suite time: first run ${first} ms, median ${median} ms (all: ${times.join(', ')} ms)`);
    console.log(
      `ratio suite/latency: ${ratio.toFixed(2)} (first run ${(first / INJECTED_MS).toFixed(2)}; target ≤ ${TARGET_RATIO})`,
    );
    process.exitCode = ratio <= TARGET_RATIO ? 0 : 1;
  } finally {
    await mock.close();
  }
}

void main();
