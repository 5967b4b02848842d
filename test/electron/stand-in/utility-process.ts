/**
 * utilityProcess.fork, backed by a real Node child (child_process.fork with structured-clone
 * serialisation, as Electron's MessagePort does). In the child, utility-bootstrap.mjs provides
 * `process.parentPort` — `on('message', ({ data }) => …)` and `postMessage` — and resolves `import 'electron'`
 * to the utility-process module set (no `app`, no `ipcMain`), which is what a real utility process sees.
 * Events: 'spawn', 'message' (the data itself), 'exit' (code), as in electron.d.ts `class UtilityProcess`.
 * `respondToAuthRequestsFromMainProcess` (electron.d.ts `ForkOptions`: auth requests of the child's `net`
 * go to main's app 'login', with `webContents` null): the child's stand-in net sends each prompt here over
 * a side message (`standInLogin`, never seen by our code's 'message' listeners), the parent emits
 * app 'login' and sends back what the callback got. Without the option the child cancels every prompt.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { standInEvent } from './events';

type LoginEmitter = { emit(event: 'login', ...args: unknown[]): boolean };
let mainApp: LoginEmitter | null = null;
/** The stand-in `app` registers itself here (index.ts), so a child's prompts reach main's handler. */
export function routeChildLoginsTo(app: LoginEmitter): void {
  mainApp = app;
}

interface ChildLogin {
  standInLogin: { id: number; url: string; authInfo: Electron.AuthInfo };
}
const isChildLogin = (message: unknown): message is ChildLogin =>
  typeof message === 'object' && message !== null && 'standInLogin' in message;

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
    const env = { ...((options.env as NodeJS.ProcessEnv | undefined) ?? process.env) };
    if (options.respondToAuthRequestsFromMainProcess) env.STANDIN_AUTH_TO_MAIN = '1';
    this.child = fork(bootstrap, [modulePath, ...args], {
      env,
      cwd: options.cwd,
      execArgv: ['--import', 'tsx', '--import', hooks, ...(options.execArgv ?? [])],
      serialization: 'advanced',
      stdio: options.stdio === 'pipe' ? 'pipe' : ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.pid = this.child.pid;
    this.child.once('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => {
      if (isChildLogin(message)) this.answerLogin(message.standInLogin);
      else this.emit('message', message);
    });
    this.child.once('exit', (code, signal) => this.emit('exit', code ?? (signal ? 1 : 0)));
  }

  private answerLogin({ id, url, authInfo }: ChildLogin['standInLogin']): void {
    let answered = false;
    const reply = (username?: string, password?: string) => {
      if (answered) return;
      answered = true;
      const credentials = username !== undefined && password !== undefined ? { username, password } : null;
      if (this.child.connected) this.child.send({ standInLoginAnswer: { id, credentials } });
    };
    const event = standInEvent();
    mainApp?.emit('login', event, null, { url }, authInfo, reply);
    // Electron: without preventDefault in a 'login' listener, the authentication is cancelled.
    if (!event.defaultPrevented) reply();
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
