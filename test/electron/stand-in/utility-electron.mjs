// The module set a utility process gets from `electron` (electron.d.ts `namespace Utility`), minus what we
// never call there (net, systemPreferences): nothing of `app`, `ipcMain` or windows.
export default {};
