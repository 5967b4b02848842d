import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];
const nodeImports = [...nodeBuiltins, ...nodeBuiltins.map((name) => `node:${name}`), 'node:*'];

export default tseslint.config(
  {
    ignores: ['node_modules', 'out', 'release', 'release-e2e', 'test-results', 'playwright-report', '.tmp'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Raw IPC is only allowed in the two files that implement the typed bridge (GitHub Desktop's rule).
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name=/^(ipcRenderer|ipcMain)$/]',
          message: 'Use the typed API contract (shared/api) instead of raw ipcRenderer/ipcMain.',
        },
      ],
    },
  },
  {
    // …and the Electron stand-in, which implements them for the tests.
    files: ['main/electron/ipc-bridge.ts', 'main/electron/preload.ts', 'test/electron/stand-in/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The renderer runs in a sandboxed page: no Node, no Electron, no main-process code.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through shared/api.' },
            ...nodeImports
              .filter((n) => !n.includes('*'))
              .map((name) => ({ name, message: 'No Node builtins in the renderer.' })),
          ],
          patterns: [
            {
              group: ['**/main/**', '../main/*', '../../main/*'],
              message: 'The renderer must not import main-process code; use shared/api.',
            },
            { group: ['node:*'], message: 'No Node builtins in the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // shared/ is pure logic used by both sides.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ must not depend on Electron.' },
            ...nodeImports
              .filter((n) => !n.includes('*'))
              .map((name) => ({ name, message: 'shared/ must stay runtime-neutral (no Node builtins).' })),
          ],
          patterns: [
            { group: ['**/main/**', '../main/*', '../../main/*'], message: 'shared/ must not import main/.' },
            {
              group: ['**/renderer/**', '../renderer/*', '../../renderer/*'],
              message: 'shared/ must not import renderer/.',
            },
            { group: ['node:*'], message: 'shared/ must stay runtime-neutral (no Node builtins).' },
          ],
        },
      ],
    },
  },
  {
    // Main-process capabilities run in plain Node; only main/electron may import Electron.
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only main/electron/ may import Electron; keep handlers runnable in Node.',
            },
          ],
          patterns: [
            {
              group: ['**/renderer/**', '../renderer/*', '../../renderer/*'],
              message: 'main/ must not import renderer/.',
            },
          ],
        },
      ],
    },
  },
);
