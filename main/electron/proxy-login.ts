/**
 * Answers proxy sign-in prompts for the handler host's requests. The host is forked with
 * respondToAuthRequestsFromMainProcess, so a 407 on its `net.fetch` reaches `app` 'login' here with
 * `webContents` null (electron.d.ts `App` 'login', `ForkOptions`; docs/api/utility-process.md).
 * Negotiate and NTLM never need us when the OS account is accepted: Chromium answers those itself, and it
 * allows that integrated sign-in for any proxy — its allowlist (--auth-server-whitelist, Electron's
 * docs/api/command-line-switches.md; Chromium's AuthServerAllowlist policy) limits servers only, so we set
 * none and Jostle never gets the admin's Windows sign-in.
 * For Basic and Digest: the user name and password saved under Diagnostics > Network (the keychain item
 * the host also uses) first; when there is none, or the proxy refused it, the window asks the admin
 * (`ask`: the host's prompt broker, main/network/proxy-sign-in.ts, which coalesces, times out and bounds
 * the re-asks). Nothing answered cancels, and the request reports the 407 with what to do. Main keeps no
 * password: it goes from the answer straight into Chromium's callback. Page logins keep Electron's
 * default (cancelled).
 */
import type { App } from 'electron';
import type { ProxyCredentials } from '../network/proxy-auth';
import type { SignInRequest, SignInResult } from '../network/proxy-sign-in';

const RETRY_WINDOW_MS = 5000;

export interface ProxyLoginDeps {
  savedCredentials: () => Promise<ProxyCredentials | null>;
  /** Asks the admin in the window (through the handler host). */
  ask: (request: SignInRequest) => Promise<SignInResult>;
  log: (message: string, details: Record<string, unknown>) => void;
  now?: () => number;
}

export function answerProxyLogins(app: Pick<App, 'on'>, deps: ProxyLoginDeps): void {
  const now = deps.now ?? Date.now;
  const lastAnswered = new Map<string, number>();
  app.on('login', (event, webContents, details, authInfo, callback) => {
    if (webContents !== null || !authInfo.isProxy) return;
    event.preventDefault();
    const proxy = `${authInfo.host}:${authInfo.port}`;
    const scheme = authInfo.scheme.toLowerCase();
    // Chromium keeps an accepted sign-in in its auth cache, so the same request asking again soon after
    // an answer means the proxy refused it.
    const key = `${proxy} ${details.url}`;
    const previous = lastAnswered.get(key);
    const refused = previous !== undefined && now() - previous < RETRY_WINDOW_MS;
    lastAnswered.delete(key);
    if (scheme !== 'basic' && scheme !== 'digest') {
      // Negotiate/NTLM asking here: the OS account was not accepted; a typed password would not help.
      deps.log('proxy sign-in cancelled', { proxy, scheme: authInfo.scheme, reason: 'os-sign-in' });
      callback();
      return;
    }
    const answer = (username: string, password: string, source: 'saved' | 'entered') => {
      lastAnswered.set(key, now());
      deps.log('proxy sign-in answered', { proxy, scheme: authInfo.scheme, source });
      callback(username, password);
    };
    void deps
      .savedCredentials()
      .catch(() => null)
      .then(async (saved) => {
        if (saved && saved.proxy === proxy && !refused) {
          answer(saved.username, saved.password, 'saved');
          return;
        }
        const result = await deps
          .ask({ proxy, realm: authInfo.realm, scheme: authInfo.scheme, refused })
          .catch((): SignInResult => ({ outcome: 'cancelled' }));
        if (result.outcome === 'answered') {
          answer(result.username, result.password, 'entered');
          return;
        }
        deps.log('proxy sign-in cancelled', { proxy, scheme: authInfo.scheme, reason: result.outcome });
        callback();
      });
  });
}
