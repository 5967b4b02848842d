/**
 * The single entry into the handlers for both transports: looks up the channel, validates the request
 * against the shared contract, runs the handler, checks the response, and turns every outcome into an
 * envelope. Errors never carry stack traces or secrets to the UI.
 */
import type { z } from 'zod';

import { apiChannels, apiContract, type ApiChannel } from '../../shared/api/contract';
import { ApiError, type ApiEnvelope } from '../../shared/api/errors';
import type { HandlerTable } from './handler-table';
import type { Logger } from '../logging/logger';
import { SecretStoreUnavailableError } from '../secrets/secret-store';

function isChannel(name: string): name is ApiChannel {
  return (apiChannels as readonly string[]).includes(name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export async function dispatch(
  handlers: HandlerTable,
  channel: string,
  payload: unknown,
  logger?: Logger,
): Promise<ApiEnvelope<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'unknown-channel', message: `There is no API call named “${channel}”.` },
    };
  }
  const { request, response } = apiContract[channel];
  const parsed = request.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `Invalid request to ${channel}: ${describeIssues(parsed.error)}`,
      },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const result = await handler(parsed.data);
    // Strict response schemas also stop any field we did not mean to expose (a key, a token) leaving main.
    return { ok: true, value: response.parse(result) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    if (error instanceof SecretStoreUnavailableError) {
      return { ok: false, error: { code: 'keychain-unavailable', message: error.message } };
    }
    logger?.log('error', `handler ${channel} failed`, {
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong in the assistant. Details are in its log file.',
      },
    };
  }
}
