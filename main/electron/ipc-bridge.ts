/**
 * The Electron transport: one `ipcMain.handle` per contract channel. Each refuses what `refusalOf` refuses,
 * then hands the call to the handler host (the handler table runs in a utility process, not here).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { apiChannels } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/errors';
import type { Logger } from '../logging/logger';
import { refusalOf } from './guards';

export type CallHandlers = (channel: string, payload: unknown) => Promise<ApiEnvelope<unknown>>;

export function registerIpcBridge(
  call: CallHandlers,
  trustedWebContentsIds: ReadonlySet<number>,
  logger: Logger,
): void {
  for (const channel of apiChannels) {
    ipcMain.handle(`api:${channel}`, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const refusal = refusalOf(event, trustedWebContentsIds);
      if (refusal) {
        logger.log('warn', 'refused IPC from an untrusted sender', {
          channel,
          reason: refusal,
          url: event.senderFrame?.url ?? '',
        });
        return {
          ok: false,
          error: { code: 'invalid-request', message: 'This window may not use the assistant’s API.' },
        };
      }
      return call(channel, payload);
    });
  }
}
