// In a utility process `require('electron')` has no `app`, `ipcMain` or `BrowserWindow`; the stand-in
// child resolves `electron` to such a module.
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') {
    return { url: new URL('./utility-electron.mjs', import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
