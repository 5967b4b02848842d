/**
 * The handler host for the Node modes (`npm run web`): the same host as in the desktop app, in a child
 * process, so a large import or a dry run never stalls the loopback server. The child inherits this
 * process's Node flags (tsx's loader when run from source), plus a heap ceiling (heap-ceiling.ts). The server gets a handler table whose every
 * function forwards to the child; its answers are the host's envelopes, unwrapped.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { apiChannels } from '../../shared/api/contract';
import { ApiError, type ApiErrorCode } from '../../shared/api/errors';
import type { HandlerTable } from '../api/handlers';
import type { SubscribeToEvents } from '../jobs/job-events';
import type { Logger } from '../logging/logger';
import { HandlerHostClient, type HostProcess, type ServiceTable } from './host-client';
import { withHostHeapCeiling } from './heap-ceiling';
import { serviceNames } from './protocol';

/** `npm run web` runs from source under tsx, so the entry is the TypeScript file. */
const defaultEntry = () => fileURLToPath(new URL('./entry.ts', import.meta.url));

export function forkNodeHost(entry = defaultEntry(), execArgv = process.execArgv): HostProcess {
  const child = fork(entry, [], {
    execArgv: withHostHeapCeiling(execArgv),
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return {
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', (code, signal) => listener(code ?? (signal ? 1 : 0))),
    kill: () => void child.kill(),
  };
}

/** In Node the host does everything itself: main offers no services. */
const noServices = Object.fromEntries(
  serviceNames.map((name) => [name, () => Promise.reject(new Error(`${name} is not offered in this mode.`))]),
) as ServiceTable;

export function handlersOverHost(client: HandlerHostClient): HandlerTable {
  return Object.fromEntries(
    apiChannels.map((channel) => [
      channel,
      async (request: unknown) => {
        const envelope = await client.call(channel, request);
        if (envelope.ok) return envelope.value;
        const { code, message, fields } = envelope.error;
        throw new ApiError(code as ApiErrorCode, message, fields);
      },
    ]),
  ) as unknown as HandlerTable;
}

export async function startNodeHost(options: {
  dataDir: string;
  logger: Logger;
  host?: HostProcess;
  onUnexpectedExit(code: number): void;
}): Promise<{ handlers: HandlerTable; events: SubscribeToEvents; stop(): Promise<void> }> {
  const client = new HandlerHostClient(
    options.host ?? forkNodeHost(),
    noServices,
    {
      dataDir: options.dataDir,
      transport: 'browser',
      settingsBackend: 'conf',
      resolveProxyInMain: false,
      saveExportInMain: false,
      clipboardInMain: false,
    },
    (level, message) => options.logger.log(level, message),
    options.onUnexpectedExit,
  );
  await client.whenReady();
  return { handlers: handlersOverHost(client), events: client.subscribe, stop: () => client.shutdown() };
}
