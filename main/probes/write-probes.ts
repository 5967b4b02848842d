import { randomBytes } from 'node:crypto';
import { CORE_USER_SCHEMA, JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import { matchQuery, runProbe, toResult, type ProbeContext, type ProbeDefinition } from './context';
import { diagnoseFailure, PROBE_USER_PREFIX, type Verdict } from './outcome';
import { isRecord, readListResponse } from './scim-shapes';
import type { Leftover, ProbeProgress, ProbeResult } from './types';
import { cleanUpProbeUser, type ProbeUser } from './write-cleanup';
import { equals, extension, isActive, patch, patchProbe, write, type WriteContext } from './write-patch';

const createProbe: ProbeDefinition<WriteContext> = {
  id: 'write-create',
  title: 'Create a throwaway user',
  async run(context, evidence) {
    const { user } = context;
    user.createAttempted = true;
    const outcome = await write(context, evidence, {
      method: 'POST',
      path: '/Users',
      body: {
        schemas: [CORE_USER_SCHEMA, JOSTLE_USER_EXTENSION],
        userName: user.userName,
        active: true,
        name: { givenName: 'JPA Probe', familyName: 'Delete Me' },
        emails: [{ primary: true, type: 'work', value: user.userName }],
        [JOSTLE_USER_EXTENSION]: { alternateEmail1Label: 'Probe' },
      },
    });
    if (outcome.ok && outcome.response.status === 409) {
      return {
        status: 'fail',
        finding: 'conflict',
        summary: 'HTTP 409: a user with this userName already exists.',
      };
    }
    const failure = diagnoseFailure(outcome, { usersEndpoint: true });
    if (failure)
      return failure.finding === 'unexpectedStatus' ? { ...failure, finding: 'writeRejected' } : failure;
    const body = outcome.ok ? outcome.response.body : undefined;
    const id = isRecord(body) && typeof body.id === 'string' ? body.id : undefined;
    if (!id) return { status: 'fail', finding: 'notScim', summary: 'Created, but the answer carries no id.' };
    user.id = id;
    user.state = 'active';
    const status = outcome.ok ? outcome.response.status : 0;
    if (status !== 201)
      return {
        status: 'warn',
        finding: 'unexpectedStatus',
        summary: `Created with HTTP ${status}; RFC 7644 says 201.`,
        details: { id },
      };
    return { status: 'pass', summary: `HTTP 201, id ${id}.`, details: { id, userName: user.userName } };
  },
};

const readProbe: ProbeDefinition<WriteContext> = {
  id: 'write-read',
  title: 'Read the user by id',
  async run(context, evidence) {
    const outcome = evidence.add(
      await context.probe.send({ method: 'GET', path: `/Users/${context.user.id}` }),
    );
    const failure = diagnoseFailure(outcome, { usersEndpoint: true });
    if (failure) return failure;
    const body = outcome.ok ? outcome.response.body : undefined;
    if (!isRecord(body) || String(body.userName).toLowerCase() !== context.user.userName.toLowerCase()) {
      return { status: 'fail', finding: 'notScim', summary: 'The answer is not the user just created.' };
    }
    return { status: 'pass', summary: 'HTTP 200 with the created user.' };
  },
};

const findProbe: ProbeDefinition<WriteContext> = {
  id: 'write-find',
  title: 'Find the user by userName filter, as Entra matches',
  async run(context, evidence) {
    const outcome = evidence.add(await context.probe.send(matchQuery('userName', context.user.userName)));
    const failure = diagnoseFailure(outcome, { usersEndpoint: true });
    if (failure) return failure;
    const list = readListResponse(outcome.ok ? outcome.response.body : undefined);
    if (!list)
      return { status: 'fail', finding: 'notScim', summary: 'The answer is not a SCIM ListResponse.' };
    const ids = (list.resources ?? []).map((resource) => (isRecord(resource) ? resource.id : undefined));
    if ((list.totalResults ?? 0) > 1 || ids.length > 1) {
      return {
        status: 'fail',
        finding: 'filterIgnored',
        summary: `${list.totalResults} users matched one userName (Entra: DuplicateTargetEntries).`,
      };
    }
    if (ids[0] !== context.user.id) {
      return {
        status: 'fail',
        finding: 'notScim',
        summary: 'The filter did not return the user just created; Entra would create duplicates.',
      };
    }
    return { status: 'pass', summary: 'Exactly one match, with the right id.' };
  },
};

const deleteProbe: ProbeDefinition<WriteContext> = {
  id: 'write-delete',
  title: 'Delete the user (or leave it deactivated if delete is refused)',
  async run(context, evidence) {
    const { user } = context;
    const outcome = await write(context, evidence, { method: 'DELETE', path: `/Users/${user.id}` });
    if (outcome.ok && [403, 405, 501].includes(outcome.response.status)) {
      const disabled = await write(
        context,
        evidence,
        patch(user.id as string, [{ op: 'replace', path: 'active', value: false }]),
      );
      user.state = disabled.ok && disabled.response.status < 300 ? 'disabled' : user.state;
      user.deleteRefused = true;
      return {
        status: 'warn',
        finding: 'deleteRefused',
        summary: `DELETE refused with HTTP ${outcome.response.status}; the user was left ${user.state === 'disabled' ? 'deactivated' : 'as it was'}.`,
      };
    }
    const failure = diagnoseFailure(outcome, { usersEndpoint: true });
    if (failure)
      return failure.finding === 'unexpectedStatus' ? { ...failure, finding: 'writeRejected' } : failure;
    const after = evidence.add(await context.probe.send({ method: 'GET', path: `/Users/${user.id}` }));
    if (after.ok && after.response.status === 404) {
      user.state = 'deleted';
      return {
        status: 'pass',
        summary: `HTTP ${outcome.ok ? outcome.response.status : ''}; a later GET answers 404.`,
      };
    }
    if (after.ok && after.response.status === 200) {
      // Acknowledged but not done: the user is still there. Cleanup deactivates it and reports it by id.
      const body = after.response.body;
      const stillActive = !(isRecord(body) && (body.active === false || body.active === 'False'));
      user.state = stillActive ? 'active' : 'disabled';
      user.deleteRefused = true;
      user.deleteIgnored = true;
      return {
        status: 'fail',
        finding: 'writeNotApplied',
        summary: `DELETE answered HTTP ${outcome.ok ? outcome.response.status : ''}, but a later GET still finds the user (id ${user.id}); it was left behind.`,
      };
    }
    user.state = 'deleted';
    return {
      status: 'warn',
      finding: 'unexpectedStatus',
      summary: `Deleted, but a later GET answers ${after.ok ? `HTTP ${after.response.status}` : after.error.message} instead of 404 (a soft delete?).`,
    };
  },
};

export const WRITE_PROBES: ReadonlyArray<ProbeDefinition<WriteContext>> = [
  createProbe,
  readProbe,
  findProbe,
  patchProbe(
    'write-patch-paths',
    'PATCH with paths (Entra’s classic dialect: "Replace", one op per attribute)',
    (user) => [
      { op: 'Replace', path: 'name.familyName', value: 'Patched With Path' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: user.userName.replace('@', '-work@') },
      { op: 'Replace', path: extension('alternateEmail1Label'), value: 'Probe label 1' },
    ],
    (user) => ({
      'name.familyName': equals('Patched With Path'),
      'emails[type eq "work"].value': equals(user.userName.replace('@', '-work@')),
    }),
  ),
  patchProbe(
    'write-patch-pathless',
    'PATCH without path, dotted keys in value (aadOptscim062020 dialect)',
    () => [
      {
        op: 'replace',
        value: { 'name.givenName': 'Patched Pathless', [extension('alternateEmail2Label')]: 'Probe label 2' },
      },
    ],
    () => ({ 'name.givenName': equals('Patched Pathless') }),
  ),
  patchProbe(
    'write-disable-string',
    'Deactivate with the string "False"',
    () => [{ op: 'Replace', path: 'active', value: 'False' }],
    () => ({ active: isActive(false) }),
    (user) => (user.state = 'disabled'),
  ),
  patchProbe(
    'write-enable-string',
    'Reactivate with the string "True"',
    () => [{ op: 'Replace', path: 'active', value: 'True' }],
    () => ({ active: isActive(true) }),
    (user) => (user.state = 'active'),
  ),
  patchProbe(
    'write-disable-boolean',
    'Deactivate with the boolean false',
    () => [{ op: 'replace', path: 'active', value: false }],
    () => ({ active: isActive(false) }),
    (user) => (user.state = 'disabled'),
  ),
  patchProbe(
    'write-enable-boolean',
    'Reactivate with the boolean true',
    () => [{ op: 'replace', path: 'active', value: true }],
    () => ({ active: isActive(true) }),
    (user) => (user.state = 'active'),
  ),
  deleteProbe,
];

export function newProbeUser(): ProbeUser {
  return {
    userName: `${PROBE_USER_PREFIX}${randomBytes(6).toString('hex')}@example.invalid`,
    createAttempted: false,
    state: 'unknown',
  };
}

/**
 * Runs the write probes in order against one throwaway user. Whatever happens — a failed step, a cancel —
 * the `finally` removes the user (or deactivates it) and anything left behind is reported by id.
 */
export async function runWriteProbes(
  probe: ProbeContext,
  onProgress?: (event: ProbeProgress) => void,
): Promise<{ results: ProbeResult[]; leftovers: Leftover[] }> {
  const context: WriteContext = { probe, user: newProbeUser() };
  const results: ProbeResult[] = [];
  try {
    for (const definition of WRITE_PROBES) {
      let skip: Verdict | undefined;
      if (probe.signal?.aborted) skip = { status: 'skipped', finding: 'cancelled', summary: 'Cancelled.' };
      else if (definition.id !== 'write-create' && !context.user.id) {
        skip = {
          status: 'skipped',
          finding: 'dependency',
          summary: 'Skipped: the throwaway user was not created.',
        };
      }
      results.push(skip ? toResult(definition, skip) : await runProbe(definition, context, onProgress));
    }
  } finally {
    await cleanUpProbeUser(probe.client, context.user);
  }
  return { results, leftovers: context.user.leftover ? [context.user.leftover] : [] };
}
