/**
 * Handler-host benchmark: how long the process that owns the window (Electron main; here the measuring
 * process) stops answering while the assistant imports 100,000 users — handlers in that process (the old
 * layout, the baseline) versus handlers in the handler host child (main/host, what ships).
 *
 *   npx tsx bench/host.ts [users=100000]
 *
 * Generates a Download users CSV, then imports it by path through the real handler table, each way, while a
 * 10 ms timer in the measuring process records its worst delay (perf_hooks.monitorEventLoopDelay). Prints
 * both worst stalls and their ratio. Target: the hosted stall is under a tenth of the in-process one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dispatch } from '../main/api/dispatch';
import { createHandlers, type HandlerTable } from '../main/api/handlers';
import { createAppContext } from '../main/app/context';
import { forkNodeHost, startNodeHost } from '../main/host/node-host';
import { createFileLogger } from '../main/logging/logger';
import { Redactor } from '../main/logging/redactor';
import { confBacking } from '../main/settings/node-backing';
import { generateSyntheticTenant, toDownloadUsersCsv } from '../shared/source-data';

const count = Number(process.argv[2] ?? 100_000);
const folder = mkdtempSync(join(tmpdir(), 'host-bench-'));
const csv = join(folder, 'users.csv');
writeFileSync(csv, toDownloadUsersCsv(generateSyntheticTenant({ users: count, seed: 7 }).users));
const env = { ...process.env, JPA_KEYCHAIN_SERVICE: `jpa-bench-${process.pid}` };

async function worstStallMs(handlers: HandlerTable): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const answer = await dispatch(handlers, 'importUsers', { files: [{ name: 'users.csv', path: csv }] });
  histogram.disable();
  if (!answer.ok) throw new Error(answer.error.message);
  return histogram.max / 1e6;
}

try {
  const inProcessDir = join(folder, 'in-process');
  const context = await createAppContext({
    transport: 'browser',
    dataDir: inProcessDir,
    env,
    settingsBacking: confBacking,
  });
  const inProcess = await worstStallMs(createHandlers(context));
  await context.mock.stop();

  const hostedDir = join(folder, 'hosted');
  const host = await startNodeHost({
    dataDir: hostedDir,
    logger: createFileLogger(folder, new Redactor()),
    host: forkNodeHost(fileURLToPath(new URL('../main/host/entry.ts', import.meta.url)), ['--import', 'tsx']),
    onUnexpectedExit: (code) => {
      throw new Error(`host exited with ${code}`);
    },
  });
  const hosted = await worstStallMs(host.handlers);
  await host.stop();

  console.log(`import of ${count} users, worst stall of the window's process:`);
  console.log(`  handlers in that process (baseline): ${inProcess.toFixed(0)} ms`);
  console.log(`  handlers in the handler host:        ${hosted.toFixed(0)} ms`);
  console.log(`  ratio hosted / baseline: ${(hosted / inProcess).toFixed(3)} (target < 0.1)`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
