import { z } from 'zod';
import { appPathSchema } from '../../app-path/app-path';
import { empty } from './app';

export const appPathStateSchema = z.object({ appPath: appPathSchema }).strict();

/** The setup path setting (issue 22): Plan writes it; every later step reads it. */
export const appPathContract = {
  getAppPath: { request: empty, response: appPathStateSchema },
  setAppPath: { request: z.object({ appPath: appPathSchema }).strict(), response: appPathStateSchema },
} as const;
