import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // No Electron binary here: `electron` is the documented stand-in (test/electron/stand-in/index.ts).
    alias: { electron: fileURLToPath(new URL('./test/electron/stand-in/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Loopback servers and the real keychain make a few tests slower than pure unit tests.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Inlined so its own `import electron from 'electron'` meets the alias above (the real package throws).
    server: { deps: { inline: ['electron-store'] } },
  },
});
