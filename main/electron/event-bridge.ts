/**
 * The push half of the Electron transport: job events from the handler host go to the assistant's own
 * windows only — a window we opened (the trusted set the IPC bridge checks), still alive and showing our
 * app:// page — with `webContents.send`, which reaches the main frame, never a subframe. The preload turns
 * them into the page's subscribe functions.
 */
import type { WebContents } from 'electron';
import { eventIpcChannel } from '../../shared/api/channels';
import type { SubscribeToEvents } from '../jobs/job-events';
import { isAppUrl } from './app-protocol';

export function forwardEventsToWindows(
  subscribe: SubscribeToEvents,
  windows: () => Iterable<WebContents>,
  trustedWebContentsIds: ReadonlySet<number>,
): () => void {
  return subscribe((channel, event) => {
    for (const contents of windows()) {
      if (contents.isDestroyed() || !trustedWebContentsIds.has(contents.id)) continue;
      if (!isAppUrl(contents.getURL())) continue;
      contents.send(eventIpcChannel(channel), event);
    }
  });
}
