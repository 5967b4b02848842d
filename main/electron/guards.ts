/**
 * App-wide guards for every web contents, not just the main window (security checklist #5, #12, #13, #14),
 * and the check every IPC message passes: our window, our page, its main frame (#17).
 */
import { app, type Session } from 'electron';
import { isAppUrl } from './app-protocol';

export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/**
 * The window needs no camera, notifications, geolocation — nor the clipboard: copying goes through main.
 * So every permission request and check is refused.
 */
export function refuseAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export interface SenderFacts {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Why an IPC message is refused, or null when it may pass: it must come from a window we opened, from the
 * top frame of that window (an <iframe>, even one on our own origin, may not call the API), showing our own
 * app:// page. A frame that navigated away or was destroyed has no `senderFrame`: refused too.
 */
export function refusalOf(event: SenderFacts, trustedWebContentsIds: ReadonlySet<number>): string | null {
  if (!trustedWebContentsIds.has(event.sender.id)) return 'not one of the assistant’s windows';
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'sent from a subframe';
  if (!isAppUrl(frame.url)) return 'the page is not the assistant’s';
  return null;
}
