/**
 * `npm run web`: the assistant in any browser, for machines without Electron and for the E2E tests.
 * The first line of stdout is the address to open (token included); everything else goes to stderr.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clearApiKeyFromClipboard } from '../api/entra-handoff-handlers';
import { createHandlers } from '../api/handlers';
import { createAppContext } from '../app/context';
import { defaultDataDir } from '../app/paths';
import { confBacking } from '../settings/node-backing';
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
  const context = await createAppContext({
    transport: 'browser',
    dataDir,
    env: process.env,
    settingsBacking: confBacking,
  });
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const server = await startWebServer({
    handlers: createHandlers(context),
    staticDir,
    port,
    logger: context.logger,
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
  await clearApiKeyFromClipboard(context);
  await context.dryRun.close();
  await context.mock.stop();
  context.logger.log('info', 'stopped');
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
