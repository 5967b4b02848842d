import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Browser, Page } from '@playwright/test';
import type { AssistantDriver, DriverOptions } from './driver';

interface RunningServer {
  child: ChildProcess;
  url: string;
}

/** Starts `main/web/index.ts` (what `npm run web` runs after building) and reads its first stdout line. */
async function startServer(options: DriverOptions, log: string[]): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/index.ts'], {
    env: { ...options.env, JPA_DATA_DIR: options.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not print its address:\n${log.join('')}`)),
      20_000,
    );
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log.join('')}`)));
  });
  log.push(`${url}\n`);
  lines.on('line', (line) => log.push(`${line}\n`));
  return { child, url };
}

async function stopServer(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

export async function launchBrowserDriver(
  browser: Browser,
  options: DriverOptions,
): Promise<AssistantDriver> {
  const log: string[] = [];
  const apiResponses: string[] = [];
  let server = await startServer(options, log);
  let context = await browser.newContext({ viewport: { width: 1280, height: 800 } });

  const openPage = async (): Promise<Page> => {
    const page = await context.newPage();
    page.on('response', async (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/'))
        apiResponses.push(await response.text().catch(() => ''));
    });
    await page.goto(server.url);
    await page.waitForSelector('[data-app-state="loaded"]');
    return page;
  };

  const driver = {
    page: await openPage(),
    dataDir: options.dataDir,
    apiResponses,
    output: () => log.join(''),
    async saveNextExport(filePath: string, trigger: () => Promise<void>) {
      const [download] = await Promise.all([driver.page.waitForEvent('download'), trigger()]);
      await download.saveAs(filePath);
      return readFile(filePath, 'utf8');
    },
    async stopBackgroundProcess() {
      await stopServer(server);
    },
    async restart() {
      await context.close();
      await stopServer(server);
      server = await startServer(options, log);
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      driver.page = await openPage();
    },
    async close() {
      await context.close();
      await stopServer(server);
    },
  };
  return driver;
}
