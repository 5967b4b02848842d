/**
 * Answers proxy sign-in prompts for the handler host's requests. The host is forked with
 * respondToAuthRequestsFromMainProcess, so a 407 on its `net.fetch` reaches `app` 'login' here with
 * `webContents` null (electron.d.ts `App` 'login', `ForkOptions`). Negotiate and NTLM never get here when
 * the OS account is accepted: Chromium signs in with it itself. For Basic, main answers with the user name
 * and password the admin saved under Diagnostics > Network (the keychain item the host also uses), once per
 * proxy per prompt; wrong or missing ones cancel, and the request then reports the 407 with what to do.
 * Page logins (a webContents asking) keep Electron's default: cancelled.
 */
import type { App } from 'electron';
import type { ProxyCredentials } from '../network/proxy-auth';

const RETRY_WINDOW_MS = 5000;

export function answerProxyLogins(
  app: Pick<App, 'on'>,
  savedCredentials: () => Promise<ProxyCredentials | null>,
  log: (message: string, details: Record<string, unknown>) => void,
  now: () => number = Date.now,
): void {
  const lastAnswered = new Map<string, number>();
  app.on('login', (event, webContents, details, authInfo, callback) => {
    if (webContents !== null || !authInfo.isProxy) return;
    event.preventDefault();
    const proxy = `${authInfo.host}:${authInfo.port}`;
    // Chromium keeps an accepted sign-in in its auth cache, so the same request asking again soon after
    // an answer means the proxy refused it.
    const key = `${proxy} ${details.url}`;
    void savedCredentials()
      .catch(() => null)
      .then((saved) => {
        const previous = lastAnswered.get(key);
        // Asked again right after an answer: the proxy refused it. Cancel instead of looping.
        const refused = previous !== undefined && now() - previous < RETRY_WINDOW_MS;
        if (!saved || saved.proxy !== proxy || refused) {
          lastAnswered.delete(key);
          log('proxy sign-in cancelled', { proxy, scheme: authInfo.scheme, saved: Boolean(saved), refused });
          callback();
          return;
        }
        lastAnswered.set(key, now());
        log('proxy sign-in answered with the saved user name', { proxy, scheme: authInfo.scheme });
        callback(saved.username, saved.password);
      });
  });
}
