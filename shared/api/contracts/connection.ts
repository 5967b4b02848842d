import { z } from 'zod';
import { empty } from './app';

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

export const connectionContract = {
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
} as const;
