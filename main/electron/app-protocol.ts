/**
 * The renderer is served from `app://jostle/` rather than file:// (Electron security checklist #18): a
 * standard, secure scheme that can reach only the built renderer folder, with the same CSP as the browser mode.
 */
import { protocol } from 'electron';
import { readStaticFile } from '../web/static-files';
import { securityHeaders } from '../web/security';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://jostle';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'jostle') return new Response('Not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { ...securityHeaders, 'Content-Type': file.type },
    });
  });
}

/**
 * Compared by scheme and host, not `origin`: main parses with Node's URL, which gives any scheme it does not
 * know (app: included) the opaque origin "null" — so an origin check would refuse our own page.
 */
export function isAppUrl(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'jostle' && !url.username && !url.password;
  } catch {
    return false;
  }
}
