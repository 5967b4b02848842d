/**
 * Messages between the process that owns the windows (Electron main) and the process that hosts the
 * handler table (an Electron utility process, or a Node child). Main keeps windows, dialogs, the clipboard,
 * Chromium's proxy resolution and the IPC bridge; the host runs every handler, so an import of 100,000 users
 * or a dry run never stalls the window. What the host needs from main it asks for as a "service".
 */
import { z } from 'zod';
import type { ApiEnvelope } from '../../shared/api/errors';
import { apiEventChannels, type ApiEventChannel } from '../../shared/api/events';
import type { WindowBounds } from '../settings/schema';
import { signInResultSchema, type SignInRequest, type SignInResult } from '../network/proxy-sign-in';

export const serviceNames = [
  'clipboard.available',
  'clipboard.problem',
  'clipboard.write',
  'clipboard.writePlain',
  'clipboard.read',
  'clipboard.clear',
  'resolveProxy',
  'saveExport',
  'openSignInPage',
  'confirmReveal',
] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface HostStart {
  kind: 'start';
  dataDir: string;
  transport: 'electron' | 'browser';
  /** Which library backs the settings file (same file either way). */
  settingsBackend: 'electron-store' | 'conf';
  /** Main resolves proxies the way Chromium does (system settings, PAC). */
  resolveProxyInMain: boolean;
  /** Main shows the save dialog for exports. */
  saveExportInMain: boolean;
  /** Main owns the clipboard (Electron); otherwise the host uses the OS's tools itself. */
  clipboardInMain: boolean;
}

export type ToHost =
  | HostStart
  | { kind: 'call'; id: number; channel: string; payload: unknown }
  | { kind: 'save-window'; bounds: WindowBounds }
  | { kind: 'service-result'; id: number; ok: true; value: unknown }
  | { kind: 'service-result'; id: number; ok: false; message: string }
  | { kind: 'shutdown' }
  /** A Chromium proxy sign-in prompt main got on app 'login': the host asks the window (proxy-sign-in.ts). */
  | { kind: 'proxy-sign-in'; id: number; request: SignInRequest };

export type FromHost =
  /** The host listens now; main sends `start` only after this, so no message is lost while it loads. */
  | { kind: 'listening' }
  | { kind: 'ready'; window: WindowBounds }
  | { kind: 'fatal'; message: string }
  | { kind: 'result'; id: number; envelope: ApiEnvelope<unknown> }
  | { kind: 'service'; id: number; name: ServiceName; args: unknown[] }
  /** A job event (shared/api/events.ts), already checked against the push contract by the host. */
  | { kind: 'event'; channel: ApiEventChannel; event: unknown }
  | { kind: 'stopped' }
  /** The answer to `proxy-sign-in`; main hands it to Chromium's login callback and keeps nothing. */
  | { kind: 'proxy-sign-in-result'; id: number; result: SignInResult };

const windowBounds = z
  .object({
    x: z.number().int().nullable(),
    y: z.number().int().nullable(),
    width: z.number().int(),
    height: z.number().int(),
    maximized: z.boolean(),
  })
  .strict();

const envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  }),
]);

/** Main checks what the host sends before acting on it: the host runs our code, but it parses admin files. */
export const fromHostSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('listening') }),
  z.object({ kind: z.literal('ready'), window: windowBounds }),
  z.object({ kind: z.literal('fatal'), message: z.string() }),
  z.object({ kind: z.literal('result'), id: z.number().int(), envelope }),
  z.object({
    kind: z.literal('service'),
    id: z.number().int(),
    name: z.enum(serviceNames),
    args: z.array(z.unknown()).max(4),
  }),
  // Checked again here, event by event, before main forwards it to a window.
  z.object({ kind: z.literal('event'), channel: z.enum(apiEventChannels), event: z.unknown() }),
  z.object({ kind: z.literal('stopped') }),
  z.object({
    kind: z.literal('proxy-sign-in-result'),
    id: z.number().int(),
    result: signInResultSchema,
  }),
]);

/** One end of the message channel, whatever carries it (Electron parentPort, Node IPC). */
export interface MessageLink {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}
