/**
 * The window's side of a proxy sign-in prompt (main/network/proxy-sign-in.ts): which prompt is open, and
 * the admin's answer. A remembered answer goes to the keychain item Diagnostics > Network shows; otherwise
 * it is used until the assistant closes. The answer itself is never logged or returned.
 */
import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import { proxyCredentialVault } from '../network';
import { proxySignInBroker } from '../network/proxy-sign-in';
import type { HandlerTable } from './handler-table';

export function proxySignInHandlers(
  context: AppContext,
): Pick<HandlerTable, 'getProxySignInPrompt' | 'answerProxySignIn'> {
  const broker = proxySignInBroker(context);
  return {
    getProxySignInPrompt: async () => broker.current(),

    answerProxySignIn: async ({ promptId, credentials }) => {
      const prompt = broker.prompt(promptId);
      if (!prompt) return { accepted: false };
      if (credentials) {
        const { username, password, remember } = credentials;
        // Basic sends `user:password`: a colon in the user name would move the split.
        if (/[\r\n:]/.test(username) || /[\r\n]/.test(password)) {
          throw new ApiError('invalid-request', 'The user name cannot contain a colon or a line break.', {
            username: 'No colon or line break.',
          });
        }
        const vault = proxyCredentialVault(context);
        if (remember) await vault.save(prompt.proxy, username, password);
        else vault.holdForThisRun(prompt.proxy, username, password);
      }
      const accepted = broker.answer(
        promptId,
        credentials ? { username: credentials.username, password: credentials.password } : null,
      );
      context.logger.log('info', credentials ? 'proxy sign-in entered' : 'proxy sign-in cancelled', {
        proxy: prompt.proxy,
        scheme: prompt.scheme,
        ...(credentials ? { remembered: credentials.remember } : {}),
      });
      return { accepted };
    },
  };
}
