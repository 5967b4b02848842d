import { z } from 'zod';
import { empty } from './app';
import { connectionStatusSchema } from './connection';

/** The mock's fault kinds and endpoints; main/mock-jostle takes its types from these lists. */
export const faultKinds = [
  'unauthorized',
  'forbidden',
  'filterNotFound',
  'conflict',
  'tooManyRequests',
  'serverError',
  'latency',
  'noResponse',
  'duplicateMatches',
] as const;
export const mockEndpoints = [
  'all',
  'discovery',
  'filter',
  'get',
  'list',
  'create',
  'replace',
  'patch',
  'delete',
] as const;

export const faultSpecSchema = z
  .object({
    kind: z.enum(faultKinds),
    endpoint: z.enum(mockEndpoints),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();

export const mockStatusSchema = z
  .object({
    running: z.boolean(),
    baseUrl: z.string().nullable(),
    /** The mock's own throwaway token, shown so the admin can point other tools at it; never a Jostle key. */
    token: z.string().nullable(),
    /** The mock accepts the API key saved in the wizard for its address (then `token` is null: it stays in main). */
    tokenIsSavedKey: z.boolean(),
    userCount: z.number().int(),
    faults: z.array(faultSpecSchema),
    /** Why the mock is not where it was (its port was taken), in words; null otherwise. */
    notice: z.string().nullable(),
  })
  .strict();

export const mockLogEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    method: z.string(),
    path: z.string(),
    status: z.number().int().nullable(),
    durationMs: z.number(),
    requestBody: z.unknown().optional(),
    responseBody: z.unknown().optional(),
    fault: z.enum(faultKinds).optional(),
  })
  .strict();

export const mockContract = {
  getMockStatus: { request: empty, response: mockStatusSchema },
  startMock: {
    request: z.object({ seedUsers: z.number().int().min(0).max(100_000).optional() }).strict(),
    response: mockStatusSchema,
  },
  stopMock: { request: empty, response: mockStatusSchema },
  setMockFaults: {
    request: z.object({ faults: z.array(faultSpecSchema).max(50) }).strict(),
    response: mockStatusSchema,
  },
  resetMock: { request: empty, response: mockStatusSchema },
  generateMockUsers: {
    request: z.object({ count: z.number().int().min(1).max(100_000) }).strict(),
    response: mockStatusSchema,
  },
  getMockLog: {
    request: z.object({ afterId: z.number().int().min(0).optional() }).strict(),
    response: z.object({ entries: z.array(mockLogEntrySchema) }).strict(),
  },
  clearMockLog: { request: empty, response: mockStatusSchema },
  /**
   * Saves the running mock's Base URL and token as the wizard's connection (Tools > Mock Jostle > Use in the
   * wizard), in main: the token goes to the keychain without passing through the window.
   */
  useMockInWizard: { request: empty, response: connectionStatusSchema },
} as const;
