// Bundles the Electron main process and the handler host (ESM) and the sandboxed preload (CommonJS:
// sandboxed preloads cannot be ESM). `mainBundles` is also read by test/build to check what ships.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

export async function mainBundles() {
  const { apiChannels } = await tsImport('../shared/api/contract.ts', import.meta.url);
  const { apiEventChannels } = await tsImport('../shared/api/events.ts', import.meta.url);
  return [
    {
      ...common,
      entryPoints: ['main/electron/main.ts'],
      outfile: 'out/main/electron.js',
      format: 'esm',
      // node_modules ship with the app; the keychain module is native and must stay a real require.
      packages: 'external',
    },
    {
      ...common,
      // The handler table, run by main in an Electron utility process (main/host).
      entryPoints: ['main/host/entry.ts'],
      outfile: 'out/main/handler-host.js',
      format: 'esm',
      packages: 'external',
    },
    {
      ...common,
      entryPoints: ['main/electron/preload.ts'],
      outfile: 'out/main/preload.cjs',
      format: 'cjs',
      external: ['electron'],
      define: {
        __API_CHANNELS__: JSON.stringify(apiChannels),
        __API_EVENT_CHANNELS__: JSON.stringify(apiEventChannels),
      },
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const options of await mainBundles()) await build(options);
}
