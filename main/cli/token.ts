import { checkApiKey } from '../../shared/connection/validation';
import { readStoredApiKey } from '../secrets';
import { UsageError } from './command';

/** The API key: from the named variable, else the keychain — and then only if it was saved for this origin. */
export async function tokenForUrl(
  url: URL,
  tokenEnv: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  if (tokenEnv !== undefined) {
    const raw = env[tokenEnv];
    if (!raw?.trim()) throw new UsageError(`Environment variable ${tokenEnv} is not set or empty.`);
    // The same check and words as the key field in the window; a CR/LF would otherwise split the header.
    const checked = checkApiKey(raw.replace(/^[ \t]+|[ \t]+$/g, ''));
    if (!checked.ok) throw new UsageError(`${tokenEnv}: ${checked.message}`);
    return checked.value;
  }
  const stored = await readStoredApiKey(env);
  if (!stored)
    throw new UsageError('No API key: pass --token-env NAME, or save the key in the assistant first.');
  let storedOrigin: string | undefined;
  try {
    storedOrigin = new URL(stored.baseUrl).origin;
  } catch {
    storedOrigin = undefined;
  }
  if (storedOrigin !== url.origin) {
    // Never send a tenant's key to a different host than the one it was saved for.
    throw new UsageError(
      `The saved API key belongs to ${stored.baseUrl}, not ${url.origin}; use --token-env NAME.`,
    );
  }
  return stored.apiKey;
}
