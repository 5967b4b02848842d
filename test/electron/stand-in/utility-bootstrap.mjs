// Runs first in the stand-in's utility child: gives it Electron's `process.parentPort`, then loads the
// module utilityProcess.fork was given, with the arguments after it.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

const parentPort = new EventEmitter();
parentPort.postMessage = (message) => process.send?.(message);
parentPort.start = () => undefined;
// Answers to proxy sign-in prompts are the stand-in's side channel (utility-electron.mjs), not messages.
process.on('message', (data) => {
  if (data && typeof data === 'object' && 'standInLoginAnswer' in data) return;
  parentPort.emit('message', { data, ports: [] });
});
process.parentPort = parentPort;
// Electron ends utility processes with the app; a Node child would outlive a parent that died.
process.on('disconnect', () => process.exit(0));

const [modulePath, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], modulePath, ...args];
await import(pathToFileURL(modulePath).href);
