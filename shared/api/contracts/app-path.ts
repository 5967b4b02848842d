import { z } from 'zod';
import { appPathSchema } from '../../app-path/app-path';
import type { ScimSchemaDefinition } from '../../jostle/schema';
import { empty } from './app';

export const appPathStateSchema = z.object({ appPath: appPathSchema }).strict();

/** Jostle's schema for the mapping verdicts: the live `/Schemas` a probe read, else our model. */
export const jostleSchemaSourceSchema = z
  .object({
    source: z.enum(['live', 'model']),
    readAt: z.string().nullable(),
    // Built in main from our model or the probe's parsed answer; the shape is ScimSchemaDefinition.
    schemas: z.custom<ScimSchemaDefinition[]>((value) => Array.isArray(value)),
  })
  .strict();

/** The setup path setting (issue 22): Plan writes it; every later step reads it. */
export const appPathContract = {
  getJostleSchemas: { request: empty, response: jostleSchemaSourceSchema },
  getAppPath: { request: empty, response: appPathStateSchema },
  setAppPath: { request: z.object({ appPath: appPathSchema }).strict(), response: appPathStateSchema },
} as const;
