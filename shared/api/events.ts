/**
 * The push half of the contract: what main tells the window without being asked. Every long-running job
 * (probes, dry run cycles, large imports, Microsoft Graph pulls) follows one model: a call starts it, the
 * job's channel carries `started`, then `progress` events, then one `finished` (succeeded, failed or
 * cancelled), each naming the job; the result is read with the job's own channel (the call's answer, or
 * getDryRunStatus / getImportStatus). Cancel is the job's cancel call. Events reach the window over the
 * preload bridge in Electron (`webContents.send`) and as Server-Sent Events in the browser mode; both
 * transports validate them against these schemas before they leave main.
 */
import { z } from 'zod';
import { dryRunProgressSchema } from './contracts/dry-run';
import { proxySignInPromptSchema } from './contracts/network';

const probeProgressSchema = z
  .object({
    probeId: z.string(),
    title: z.string(),
    /** null while the probe runs; its status once it finished. */
    status: z.enum(['pass', 'warn', 'fail', 'skipped']).nullable(),
  })
  .strict();

const importProgressSchema = z
  .object({
    fileName: z.string(),
    totalBytes: z.number().int().nonnegative(),
    bytesRead: z.number().int().nonnegative(),
    /** Rows (CSV) or users (Graph JSON pages) read so far. */
    rows: z.number().int().nonnegative(),
  })
  .strict();

/**
 * A proxy asked for a user name and password (Basic or Digest) and none is saved, or the saved one was
 * refused: the window shows one sign-in dialog per proxy and realm, answered with answerProxySignIn. Not a
 * job: `asked` opens the dialog, `closed` (answered, cancelled, timed out) shuts it in every window.
 */
const proxySignInEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('asked'), prompt: proxySignInPromptSchema }).strict(),
  z
    .object({
      type: z.literal('closed'),
      promptId: z.string(),
      outcome: z.enum(['answered', 'cancelled', 'timedOut']),
    })
    .strict(),
]);

const graphPullProgressSchema = z.object({ message: z.string() }).strict();

function jobEventSchema<P extends z.ZodType>(progress: P) {
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('started'), jobId: z.string() }).strict(),
    z.object({ type: z.literal('progress'), jobId: z.string(), progress }).strict(),
    z
      .object({
        type: z.literal('finished'),
        jobId: z.string(),
        outcome: z.enum(['succeeded', 'failed', 'cancelled']),
        /** Why it failed, in the admin's terms; null otherwise. */
        message: z.string().nullable(),
      })
      .strict(),
  ]);
}

export const eventContract = {
  probeJob: jobEventSchema(probeProgressSchema),
  dryRunJob: jobEventSchema(dryRunProgressSchema),
  importJob: jobEventSchema(importProgressSchema),
  graphPullJob: jobEventSchema(graphPullProgressSchema),
  proxySignIn: proxySignInEventSchema,
} as const satisfies Record<string, z.ZodType>;

export type ApiEventChannel = keyof typeof eventContract;
export const apiEventChannels = Object.keys(eventContract) as ApiEventChannel[];
export type ApiEvent<C extends ApiEventChannel> = z.output<(typeof eventContract)[C]>;
export type JobProgress<C extends ApiEventChannel> = Extract<ApiEvent<C>, { type: 'progress' }>['progress'];
export type ProxySignInPrompt = z.output<typeof proxySignInPromptSchema>;
export type ImportProgress = JobProgress<'importJob'>;
export { EVENT_STREAM_PATH, subscribeFunctionName } from './channels';
