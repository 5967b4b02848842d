// The module set a utility process gets from `electron` (electron.d.ts `namespace Utility`): `net` (the
// stand-in on undici, net.ts), minus what we never call there (systemPreferences); nothing of `app`,
// `ipcMain` or windows. The child has no `app`, so a proxy's sign-in prompt is cancelled here (the real
// one goes to main's app 'login'); the system proxy comes from STANDIN_SYSTEM_PROXY (PAC-result format).
import { net, useSystemProxy } from './net.ts';

const systemProxy = process.env.STANDIN_SYSTEM_PROXY;
if (systemProxy) useSystemProxy(() => systemProxy);
export { net };
export default { net };
