/**
 * `npm run web`: the assistant in any browser, for machines without Electron and for the E2E tests.
 * The first line of stdout is the address to open (token included); everything else goes to stderr.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../app/paths';
import { startNodeHost } from '../host/node-host';
import { createFileLogger } from '../logging/logger';
import { Redactor } from '../logging/redactor';
import { startWebServer } from './server';

const usage = 'Usage: npm run web [-- --port N]';

async function main(): Promise<number> {
  let port = 0;
  try {
    const { values } = parseArgs({
      options: { port: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new Error(`--port must be 1 to 65535, not “${values.port}”.`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }

  const dataDir = defaultDataDir(process.env);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const logger = createFileLogger(dataDir, new Redactor());
  // The handlers run in a child process (main/host), so heavy work never stalls this server.
  const host = await startNodeHost({
    dataDir,
    logger,
    onUnexpectedExit: (code) => {
      logger.log('error', 'the handler host stopped', { exitCode: code });
      process.stderr.write(
        `The assistant's background process stopped (exit code ${code}). Start it again.\n`,
      );
      process.exit(1);
    },
  });
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const server = await startWebServer({
    handlers: host.handlers,
    events: host.events,
    staticDir,
    port,
    logger,
    // Picked files wait here while the host imports them; the data folder is private to the admin.
    uploadDir: join(dataDir, 'uploads'),
  });
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(
    `Jostle Provisioning Assistant is running. Open the address above in your browser.\nData folder: ${dataDir}\nPress Ctrl+C to stop.\n`,
  );

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  // The host clears a copied key from the clipboard and stops the mock before it exits.
  await host.stop();
  logger.log('info', 'stopped');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `The assistant could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
