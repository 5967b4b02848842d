import { z } from 'zod';
import { stepIds, stepStatuses } from '../../wizard/steps';

export const empty = z.object({}).strict();
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

export const appContract = {
  getAppInfo: {
    request: empty,
    response: z
      .object({
        name: z.string(),
        version: z.string(),
        platform: z.string(),
        /** Who runs the handlers: the desktop app, the browser mode, or `npm run cli`. */
        transport: z.enum(['electron', 'browser', 'cli']),
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
} as const;
