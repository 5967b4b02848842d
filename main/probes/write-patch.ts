/** The PATCH half of the write probes: Entra's two dialects, each checked by reading the user back. */
import { JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import type { ScimRequest } from '../scim/types';
import type { EvidenceLog, ProbeContext, ProbeDefinition } from './context';
import { diagnoseFailure, type Outcome } from './outcome';
import { isRecord, PATCH_OP_SCHEMA } from './scim-shapes';
import type { WriteProbeId } from './types';
import type { ProbeUser } from './write-cleanup';

export const extension = (name: string): string => `${JOSTLE_USER_EXTENSION}:${name}`;

export interface WriteContext {
  probe: ProbeContext;
  user: ProbeUser;
}

/** Sends a write and records it, with the request body as evidence. */
export async function write(
  context: WriteContext,
  evidence: EvidenceLog,
  request: ScimRequest,
): Promise<Outcome> {
  return evidence.add(await context.probe.send(request), request.body);
}

export function patch(id: string, operations: unknown[]): ScimRequest {
  // Replace operations are idempotent, so a 429 or 5xx may be retried safely.
  return {
    method: 'PATCH',
    path: `/Users/${id}`,
    body: { schemas: [PATCH_OP_SCHEMA], Operations: operations },
    idempotent: true,
  };
}

/** The user as the server now has it: the PATCH response when it carries the resource, else a fresh GET. */
async function currentUser(
  context: WriteContext,
  evidence: EvidenceLog,
  outcome: Outcome,
): Promise<Record<string, unknown> | undefined> {
  if (outcome.ok && isRecord(outcome.response.body) && 'userName' in outcome.response.body)
    return outcome.response.body;
  const read = evidence.add(await context.probe.send({ method: 'GET', path: `/Users/${context.user.id}` }));
  return read.ok && read.response.status === 200 && isRecord(read.response.body)
    ? read.response.body
    : undefined;
}

function readPath(user: Record<string, unknown>, path: string): unknown {
  if (path.startsWith(`${JOSTLE_USER_EXTENSION}:`)) {
    const ext = user[JOSTLE_USER_EXTENSION];
    return isRecord(ext) ? ext[path.slice(JOSTLE_USER_EXTENSION.length + 1)] : undefined;
  }
  const workEmail = /^emails\[type eq "(\w+)"\]\.value$/.exec(path);
  if (workEmail) {
    const emails = Array.isArray(user.emails) ? user.emails.filter(isRecord) : [];
    return emails.find((email) => email.type === workEmail[1])?.value;
  }
  return path.split('.').reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), user);
}

/** A PATCH probe: send, then check the values Entra meant to set really were set. */
export function patchProbe(
  id: WriteProbeId,
  title: string,
  operations: (user: ProbeUser) => unknown[],
  expected: (user: ProbeUser) => Record<string, (value: unknown) => boolean>,
  onApplied?: (user: ProbeUser) => void,
): ProbeDefinition<WriteContext> {
  return {
    id,
    title,
    async run(context, evidence) {
      const outcome = await write(
        context,
        evidence,
        patch(context.user.id as string, operations(context.user)),
      );
      const failure = diagnoseFailure(outcome, { usersEndpoint: true });
      if (failure)
        return failure.finding === 'unexpectedStatus' ? { ...failure, finding: 'writeRejected' } : failure;
      const user = await currentUser(context, evidence, outcome);
      if (!user)
        return {
          status: 'warn',
          finding: 'writeNotApplied',
          summary: 'Accepted, but the user could not be read back to verify.',
        };
      const wrong = Object.entries(expected(context.user))
        .filter(([path, accept]) => !accept(readPath(user, path)))
        .map(([path]) => `${path} = ${JSON.stringify(readPath(user, path))}`);
      if (wrong.length > 0)
        return {
          status: 'fail',
          finding: 'writeNotApplied',
          summary: `Accepted but not applied: ${wrong.join(', ')}.`,
        };
      onApplied?.(context.user);
      return {
        status: 'pass',
        summary: `HTTP ${outcome.ok ? outcome.response.status : '?'}; the change is visible when read back.`,
      };
    },
  };
}

export const equals = (wanted: unknown) => (value: unknown) => value === wanted;
/** Compared as text: Entra's classic dialect sends "True"/"False", and only the resulting state matters here. */
export const isActive = (wanted: boolean) => (value: unknown) =>
  String(value).toLowerCase() === String(wanted);
