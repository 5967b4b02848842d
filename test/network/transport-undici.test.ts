import { describe } from 'vitest';
import { transportContract } from './transport-contract';

describe('undici transport (CLI, browser mode, tests)', () => {
  transportContract({
    name: 'undici',
    stack: 'node',
    options: ({ proxy, pki, credentials }) => ({
      env: proxy ? { HTTPS_PROXY: proxy.url } : {},
      caFile: pki.caFile,
      ...(credentials ? { proxyCredentials: credentials } : {}),
    }),
  });
});
