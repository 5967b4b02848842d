/**
 * utilityProcess.fork, backed by a real Node child (child_process.fork with structured-clone
 * serialisation, as Electron's MessagePort does). In the child, utility-bootstrap.mjs provides
 * `process.parentPort` — `on('message', ({ data }) => …)` and `postMessage` — and resolves `import 'electron'`
 * to the utility-process module set (no `app`, no `ipcMain`), which is what a real utility process sees.
 * Events: 'spawn', 'message' (the data itself), 'exit' (code), as in electron.d.ts `class UtilityProcess`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

const bootstrap = fileURLToPath(new URL('./utility-bootstrap.mjs', import.meta.url));
const hooks = new URL('./utility-hooks-register.mjs', import.meta.url).href;

export class StandInUtilityProcess extends EventEmitter {
  private readonly child: ChildProcess;
  pid: number | undefined;

  constructor(
    modulePath: string,
    args: string[],
    /** Stand-in only: what fork was given, to assert on (e.g. respondToAuthRequestsFromMainProcess). */
    readonly options: Electron.ForkOptions,
  ) {
    super();
    this.child = fork(bootstrap, [modulePath, ...args], {
      env: (options.env as NodeJS.ProcessEnv | undefined) ?? process.env,
      cwd: options.cwd,
      execArgv: ['--import', 'tsx', '--import', hooks],
      serialization: 'advanced',
      stdio: options.stdio === 'pipe' ? 'pipe' : ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.pid = this.child.pid;
    this.child.once('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', message));
    this.child.once('exit', (code, signal) => this.emit('exit', code ?? (signal ? 1 : 0)));
  }

  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as never);
  }

  kill(): boolean {
    return this.child.kill();
  }
}

export const utilityProcess = {
  forked: [] as StandInUtilityProcess[],
  fork(modulePath: string, args: string[] = [], options: Electron.ForkOptions = {}): StandInUtilityProcess {
    const child = new StandInUtilityProcess(modulePath, args, options);
    this.forked.push(child);
    return child;
  },
};
