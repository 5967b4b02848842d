/**
 * protocol and session.defaultSession: privileged schemes (only before ready), `protocol.handle` with a
 * stand-in fetch through it, the permission handlers and resolveProxy (electron.d.ts `class Protocol`,
 * `class Session`).
 */
import { app } from './app';
import { StandInWebContents } from './web-contents';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
const protocolHandlers = new Map<string, ProtocolHandler>();

export const protocol = {
  privileged: [] as Electron.CustomScheme[],
  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    if (app.isReady())
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    protocolHandlers.set(scheme, handler);
  },
  /** Stand-in only: what a page load or fetch of `url` gets from our handler (null: not our scheme). */
  async fetch(url: string): Promise<Response | null> {
    const handler = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
    return handler ? handler(new Request(url)) : null;
  },
  reset(): void {
    protocolHandlers.clear();
    this.privileged = [];
  },
};
StandInWebContents.fetchThroughProtocol = (url) => protocol.fetch(url);

type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];

export const defaultSession = {
  permissionRequestHandler: null as PermissionRequestHandler,
  permissionCheckHandler: null as PermissionCheckHandler,
  proxyFor: (_url: string) => 'DIRECT',
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  },
  async resolveProxy(url: string): Promise<string> {
    return this.proxyFor(url);
  },
  /** Stand-in only: what Chromium asks when a page requests `permission` (e.g. 'clipboard-sanitized-write'). */
  requestPermission(contents: StandInWebContents, permission: string): Promise<boolean> {
    return new Promise((resolve) => {
      // Chromium grants when no handler is set.
      if (!this.permissionRequestHandler) return resolve(true);
      this.permissionRequestHandler(contents as never, permission as never, resolve, {} as never);
    });
  },
  checkPermission(contents: StandInWebContents, permission: string): boolean {
    if (!this.permissionCheckHandler) return true;
    return this.permissionCheckHandler(contents as never, permission as never, 'app://jostle', {} as never);
  },
};

export const session = { defaultSession };
