import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Loopback servers and the real keychain make a few tests slower than pure unit tests.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
