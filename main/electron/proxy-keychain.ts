/**
 * Main's read of the proxy sign-in the handler host saved (main/network/proxy-credentials.ts): the same
 * keychain item, read directly, because main's bundle deliberately leaves main/secrets to the host
 * (test/build/electron-builder-config.test.ts). The service name follows keychainServiceName in
 * main/secrets/index.ts; test/electron/proxy-login.test.ts checks the two agree.
 */
import { AsyncEntry } from '@napi-rs/keyring';
import { PROXY_CREDENTIALS_ACCOUNT, type ProxyCredentials } from '../network/proxy-auth';

export function proxyKeychainService(env: NodeJS.ProcessEnv): string {
  return env.JPA_KEYCHAIN_SERVICE?.trim() || 'Jostle Provisioning Assistant';
}

export async function readSavedProxyCredentials(env: NodeJS.ProcessEnv): Promise<ProxyCredentials | null> {
  const entry = new AsyncEntry(proxyKeychainService(env), PROXY_CREDENTIALS_ACCOUNT, {
    linux: { store: 'secret-service' },
  });
  // Bounded: a keychain that hangs must not hold a request (Chromium waits for the answer).
  let timer: NodeJS.Timeout | undefined;
  const text = await Promise.race([
    entry.getPassword().catch(() => null),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 5000))),
  ]).finally(() => clearTimeout(timer));
  if (!text) return null;
  try {
    const item = JSON.parse(text) as Partial<ProxyCredentials>;
    return typeof item.proxy === 'string' &&
      typeof item.username === 'string' &&
      typeof item.password === 'string'
      ? { proxy: item.proxy, username: item.username, password: item.password }
      : null;
  } catch {
    return null;
  }
}
