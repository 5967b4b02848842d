import type { MessageLink } from './protocol';

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/**
 * The host's end of the channel to main: Electron's `process.parentPort` in a utility process, Node's IPC
 * (`process.send`) in a child forked by child_process.fork.
 */
export function parentLink(): MessageLink {
  const port = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (port) {
    return {
      post: (message) => port.postMessage(message),
      onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
    };
  }
  if (!process.send) throw new Error('The handler host must be started by the assistant, not on its own.');
  // The parent decides when to stop (it sends `shutdown`): Ctrl+C in a terminal reaches the whole process
  // group, and the host must not die before it has cleared the clipboard. A parent that is gone: exit.
  process.on('SIGINT', () => undefined);
  process.on('disconnect', () => process.exit(0));
  return {
    post: (message) => process.send?.(message),
    onMessage: (listener) => void process.on('message', listener),
  };
}
