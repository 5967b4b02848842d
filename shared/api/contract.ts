/**
 * The one API between the UI and the main process: every channel with its request and response schema,
 * assembled from one file per capability in `contracts/`. Both transports (Electron IPC and the loopback
 * HTTP server of the browser mode) validate requests against these schemas before a handler runs, and
 * responses before they leave main.
 */
import type { z } from 'zod';
import { appContract, noticeSchema, settingsViewSchema } from './contracts/app';
import { connectionContract, connectionStatusSchema, keyStatusSchema } from './contracts/connection';
import { faultSpecSchema, mockContract, mockLogEntrySchema, mockStatusSchema } from './contracts/mock';
import { probeReportSchema, probesContract, probeResultSchema } from './contracts/probes';
import { mappingContract, mappingStateSchema, scopeStateSchema } from './contracts/mapping';
import { importStatusSchema, sourceDataContract } from './contracts/source-data';
import { dryRunContract, dryRunLogEntrySchema, dryRunStatusSchema } from './contracts/dry-run';
import { exportContract } from './contracts/export';
import { entraHandoffContract } from './contracts/entra-handoff';
import { networkContract } from './contracts/network';
import { clipboardContract } from './contracts/clipboard';
import { appPathContract } from './contracts/app-path';
import { entraSchemaContract } from './contracts/entra-schema';
import { graphContract } from './contracts/graph';
import { jobsContract } from './contracts/jobs';
import { monitorContract } from './contracts/monitor';

export const apiContract = {
  ...appContract,
  ...connectionContract,
  ...mockContract,
  ...probesContract,
  ...sourceDataContract,
  ...mappingContract,
  ...dryRunContract,
  ...exportContract,
  ...entraHandoffContract,
  ...networkContract,
  ...clipboardContract,
  ...appPathContract,
  ...entraSchemaContract,
  ...graphContract,
  ...jobsContract,
  ...monitorContract,
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type ApiChannel = keyof typeof apiContract;
export const apiChannels = Object.keys(apiContract) as ApiChannel[];

export type ApiRequest<C extends ApiChannel> = z.input<(typeof apiContract)[C]['request']>;
/** What a handler receives: the request after validation, with defaults applied. */
export type ApiRequestParsed<C extends ApiChannel> = z.output<(typeof apiContract)[C]['request']>;
export type ApiResponse<C extends ApiChannel> = z.output<(typeof apiContract)[C]['response']>;
export type SettingsView = z.output<typeof settingsViewSchema>;
export type ConnectionStatus = z.output<typeof connectionStatusSchema>;
export type KeyStatus = z.output<typeof keyStatusSchema>;
export type Notice = z.output<typeof noticeSchema>;
export type MockStatus = z.output<typeof mockStatusSchema>;
export type MockLogEntry = z.output<typeof mockLogEntrySchema>;
export type MockFault = z.output<typeof faultSpecSchema>;
export type ProbeReportView = z.output<typeof probeReportSchema>;
export type ProbeResultView = z.output<typeof probeResultSchema>;
export type ImportStatus = z.output<typeof importStatusSchema>;
export type MappingState = z.output<typeof mappingStateSchema>;
export type ScopeState = z.output<typeof scopeStateSchema>;
export type DryRunStatusView = z.output<typeof dryRunStatusSchema>;
export type DryRunLogEntryView = z.output<typeof dryRunLogEntrySchema>;

/** What both transports hand to the renderer: one async function per channel. */
export type AssistantApi = { [C in ApiChannel]: (request: ApiRequest<C>) => Promise<ApiResponse<C>> };
