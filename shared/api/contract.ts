/**
 * The one API between the UI and the main process: every channel with its request and response schema.
 * Both transports (Electron IPC and the loopback HTTP server of the browser mode) validate requests against
 * these schemas before a handler runs, and responses before they leave main.
 */
import { z } from 'zod';
import { stepIds, stepStatuses } from '../wizard/steps';
import type { ApiChannel } from './channels';

const empty = z.object({}).strict();
const stepId = z.enum(stepIds);

export const noticeSchema = z
  .object({
    id: z.string(),
    level: z.enum(['info', 'warning', 'error']),
    message: z.string(),
    at: z.string(),
  })
  .strict();

export const settingsViewSchema = z
  .object({
    currentStep: stepId,
    checklists: z.record(z.string(), z.record(z.string(), z.boolean())),
    stepStatus: z.record(stepId, z.enum(stepStatuses)),
    notices: z.array(noticeSchema),
  })
  .strict();

export const keyStatusSchema = z
  .object({
    saved: z.boolean(),
    /** A short hash that lets the admin tell two keys apart; the key itself never leaves main. */
    fingerprint: z.string().nullable(),
    savedAt: z.string().nullable(),
    /** Where the key lives: the OS keychain, or this run's memory when no keychain answers. */
    storage: z.enum(['os-keychain', 'memory']),
    storageName: z.string(),
    storageProblem: z.string().nullable(),
  })
  .strict();

export const connectionStatusSchema = z
  .object({ baseUrl: z.string().nullable(), key: keyStatusSchema })
  .strict();

export const apiContract = {
  getAppInfo: {
    request: empty,
    response: z
      .object({
        name: z.string(),
        version: z.string(),
        platform: z.string(),
        transport: z.enum(['electron', 'browser']),
        dataDir: z.string(),
      })
      .strict(),
  },
  getSettings: { request: empty, response: settingsViewSchema },
  setCurrentStep: { request: z.object({ stepId }).strict(), response: settingsViewSchema },
  setChecklistItem: {
    request: z.object({ stepId, itemId: z.string().min(1).max(64), checked: z.boolean() }).strict(),
    response: settingsViewSchema,
  },
  dismissNotice: {
    request: z.object({ id: z.string().min(1).max(128) }).strict(),
    response: settingsViewSchema,
  },
  getConnectionStatus: { request: empty, response: connectionStatusSchema },
  saveConnection: {
    request: z
      .object({
        baseUrl: z.string().max(2048),
        /** Omitted when only the Base URL changes and the saved key stays. */
        apiKey: z.string().max(4096).optional(),
      })
      .strict(),
    response: connectionStatusSchema,
  },
  forgetApiKey: { request: empty, response: connectionStatusSchema },
} as const satisfies Record<ApiChannel, { request: z.ZodType; response: z.ZodType }>;

// Compile-time check that channels.ts lists exactly the contract's channels.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _channelsMatch: Exactly<ApiChannel, keyof typeof apiContract> = true;
void _channelsMatch;

export type ApiRequest<C extends ApiChannel> = z.input<(typeof apiContract)[C]['request']>;
export type ApiResponse<C extends ApiChannel> = z.output<(typeof apiContract)[C]['response']>;
export type SettingsView = z.output<typeof settingsViewSchema>;
export type ConnectionStatus = z.output<typeof connectionStatusSchema>;
export type KeyStatus = z.output<typeof keyStatusSchema>;
export type Notice = z.output<typeof noticeSchema>;

/** What both transports hand to the renderer: one async function per channel. */
export type AssistantApi = { [C in ApiChannel]: (request: ApiRequest<C>) => Promise<ApiResponse<C>> };
