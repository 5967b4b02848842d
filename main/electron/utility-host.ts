/**
 * The handler host as an Electron utility process (a Node.js child Chromium starts and sandboxes like its
 * other helpers), adapted to what HandlerHostClient expects.
 */
import { utilityProcess } from 'electron';
import { withHostHeapCeiling } from '../host/heap-ceiling';
import type { HostProcess } from '../host/host-client';

export function forkUtilityHost(modulePath: string): HostProcess {
  const child = utilityProcess.fork(modulePath, [], {
    serviceName: 'Jostle Provisioning Assistant worker',
    stdio: 'inherit',
    // Proxy sign-in prompts for the host's net.fetch go to main's app 'login' (proxy-login.ts).
    respondToAuthRequestsFromMainProcess: true,
    // V8 collects sooner under a ceiling below 2 GB (heap-ceiling.ts).
    execArgv: withHostHeapCeiling([]),
  });
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', listener),
    kill: () => void child.kill(),
  };
}
