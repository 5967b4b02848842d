/**
 * The Electron transport: one `ipcMain.handle` per contract channel, each refusing any sender that is not
 * our own window showing our own page (security checklist #17), then the shared dispatcher.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { apiChannels } from '../../shared/api/contract';
import { dispatch } from '../api/dispatch';
import type { HandlerTable } from '../api/handlers';
import type { Logger } from '../logging/logger';
import { isAppUrl } from './app-protocol';

export function registerIpcBridge(
  handlers: HandlerTable,
  trustedWebContentsIds: Set<number>,
  logger: Logger,
): void {
  for (const channel of apiChannels) {
    ipcMain.handle(`api:${channel}`, async (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!trustedWebContentsIds.has(event.sender.id) || !isAppUrl(event.senderFrame?.url)) {
        logger.log('warn', 'refused IPC from an untrusted sender', {
          channel,
          url: event.senderFrame?.url ?? '',
        });
        return {
          ok: false,
          error: { code: 'invalid-request', message: 'This window may not use the assistant’s API.' },
        };
      }
      return dispatch(handlers, channel, payload, logger);
    });
  }
}
