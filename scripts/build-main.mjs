// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS: sandboxed preloads cannot be ESM).
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };
const { apiChannels } = await tsImport('../shared/api/contract.ts', import.meta.url);

await build({
  ...common,
  entryPoints: ['main/electron/main.ts'],
  outfile: 'out/main/electron.js',
  format: 'esm',
  // node_modules ship with the app; the keychain module is native and must stay a real require.
  packages: 'external',
});

await build({
  ...common,
  entryPoints: ['main/electron/preload.ts'],
  outfile: 'out/main/preload.cjs',
  format: 'cjs',
  external: ['electron'],
  define: { __API_CHANNELS__: JSON.stringify(apiChannels) },
});
