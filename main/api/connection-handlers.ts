import type { ConnectionStatus } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { checkApiKey, checkBaseUrl } from '../../shared/connection/validation';
import type { AppContext } from '../app/context';
import type { HandlerTable } from './handler-table';

async function connectionStatus(context: AppContext): Promise<ConnectionStatus> {
  return { baseUrl: context.settings.read().connection.baseUrl, key: await context.vault.status() };
}

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}

export function connectionHandlers(
  context: AppContext,
): Pick<HandlerTable, 'getConnectionStatus' | 'saveConnection' | 'forgetApiKey'> {
  return {
    getConnectionStatus: () => connectionStatus(context),

    saveConnection: async ({ baseUrl, apiKey }) => {
      // Check everything before writing anything, so bad input changes nothing.
      const url = checkBaseUrl(baseUrl);
      const key = apiKey === undefined ? undefined : checkApiKey(apiKey);
      const fields: Record<string, string> = {};
      if (!url.ok) fields.baseUrl = url.message;
      if (key && !key.ok) fields.apiKey = key.message;
      if (!url.ok || (key && !key.ok)) {
        throw new ApiError('invalid-request', Object.values(fields).join(' '), fields);
      }
      const saved = await context.vault.read();
      if (key?.ok) {
        await context.vault.save(url.value, key.value);
        context.logger.log('info', 'api key saved', { storage: (await context.vault.status()).storage });
      } else {
        // A key belongs to the host it was saved for (as in the CLI): never send it to a new one unasked.
        if (saved && originOf(saved.baseUrl) !== originOf(url.value)) {
          const message = `The saved API key is for ${originOf(saved.baseUrl)}. For ${originOf(url.value)}, paste that tenant’s API key too.`;
          throw new ApiError('invalid-request', message, { apiKey: message });
        }
        if (saved) await context.vault.updateBaseUrl(url.value);
      }
      try {
        context.settings.update('connection', (connection) => ({ ...connection, baseUrl: url.value }));
      } catch (error) {
        // A failed save changes nothing: put the keychain item back, so the window and the keychain agree.
        if (saved) await context.vault.save(saved.baseUrl, saved.apiKey, new Date(saved.savedAt));
        else if (key?.ok) await context.vault.forget();
        const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new ApiError(
          'not-available',
          `Could not save the settings file: ${detail}. Nothing was changed.`,
        );
      }
      return connectionStatus(context);
    },

    forgetApiKey: async () => {
      await context.vault.forget();
      context.logger.log('info', 'api key forgotten');
      return connectionStatus(context);
    },
  };
}
