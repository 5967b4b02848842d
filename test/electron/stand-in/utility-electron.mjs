// The module set a utility process gets from `electron` (electron.d.ts `namespace Utility`): `net` (the
// stand-in on undici, net.ts), minus what we never call there (systemPreferences); nothing of `app`,
// `ipcMain` or windows. The child has no `app`: forked with respondToAuthRequestsFromMainProcess
// (STANDIN_AUTH_TO_MAIN, set by utility-process.ts), a proxy's sign-in prompt goes to main's app 'login'
// over a side message; otherwise it is cancelled here. The system proxy comes from STANDIN_SYSTEM_PROXY
// (PAC-result format).
import { readFileSync } from 'node:fs';
import { net, routeLoginTo, useSystemProxy } from './net.ts';

const systemProxy = process.env.STANDIN_SYSTEM_PROXY;
if (systemProxy) useSystemProxy(() => systemProxy);
// The OS store's enterprise roots, as net.systemRoots plays them in the parent (net.ts).
const systemRoots = process.env.STANDIN_SYSTEM_ROOTS_FILE;
if (systemRoots) net.systemRoots = [readFileSync(systemRoots, 'utf8')];

if (process.env.STANDIN_AUTH_TO_MAIN === '1') {
  let nextId = 1;
  const waiting = new Map();
  process.on('message', (message) => {
    const answer = message && typeof message === 'object' ? message.standInLoginAnswer : undefined;
    if (!answer) return;
    const callback = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.credentials) callback?.(answer.credentials.username, answer.credentials.password);
    else callback?.();
  });
  routeLoginTo({
    emit(_name, event, _webContents, details, authInfo, callback) {
      // Main decides, later: hold the request, as Chromium does while the 'login' event is handled.
      event.preventDefault();
      const id = nextId++;
      waiting.set(id, callback);
      process.send?.({ standInLogin: { id, url: details.url, authInfo } });
      return true;
    },
  });
}
export { net };
export default { net };
