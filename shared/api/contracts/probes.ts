import { z } from 'zod';
import { empty } from './app';

export const probeTargetSchema = z.enum(['mock', 'live']);

const evidenceSchema = z
  .object({
    requestLine: z.string(),
    status: z.number().int().optional(),
    contentType: z.string().optional(),
    durationMs: z.number(),
    body: z.string().optional(),
    error: z
      .object({ kind: z.string(), message: z.string(), code: z.string().optional() })
      .strict()
      .optional(),
    sent: z.string().optional(),
    route: z.string().optional(),
  })
  .strict();

export const probeResultSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['pass', 'warn', 'fail', 'skipped']),
    durationMs: z.number(),
    summary: z.string(),
    finding: z.string().optional(),
    remedy: z.string().optional(),
    evidence: z.array(evidenceSchema),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const probeReportSchema = z
  .object({
    baseUrl: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    durationMs: z.number(),
    write: z.boolean(),
    cancelled: z.boolean(),
    probes: z.array(probeResultSchema),
    counts: z.object({ pass: z.number(), warn: z.number(), fail: z.number(), skipped: z.number() }).strict(),
    ok: z.boolean(),
    leftovers: z.array(
      z
        .object({
          id: z.string().optional(),
          userName: z.string(),
          state: z.enum(['active', 'disabled', 'unknown']),
          note: z.string(),
        })
        .strict(),
    ),
    trust: z.array(z.string()),
    /** Which target the report is about, so the UI never confuses a mock run with the live tenant. */
    target: probeTargetSchema,
  })
  .strict();

export const probesContract = {
  runProbes: {
    request: z
      .object({
        target: probeTargetSchema,
        write: z.boolean(),
        /** For writes against the live tenant: the tenant's host name, typed by the admin. */
        confirmHost: z.string().max(253).optional(),
      })
      .strict(),
    response: probeReportSchema,
  },
  cancelProbes: { request: empty, response: z.object({ cancelled: z.boolean() }).strict() },
  getLatestProbeReport: {
    request: empty,
    response: z.object({ report: probeReportSchema.nullable() }).strict(),
  },
} as const;
