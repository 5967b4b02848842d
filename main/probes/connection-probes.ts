import { randomBytes, randomUUID } from 'node:crypto';
import { findTargetAttribute } from '../../shared/jostle/schema';
import { matchQuery, type ProbeContext, type ProbeDefinition } from './context';
import { diagnoseFailure, isHtml, listShapeProblem, type Outcome, type Verdict } from './outcome';
import { readListResponse } from './scim-shapes';

/** Median latency above which the latency probe warns. Entra's own timeout is undocumented; this is a nudge. */
export const SLOW_MEDIAN_MS = 1000;

/** A 200 to a filter for a value nobody has must be an empty ListResponse. */
function expectEmptyList(outcome: Outcome, what: string): Verdict {
  const failure = diagnoseFailure(outcome, { usersEndpoint: true });
  if (failure) return failure;
  if (!outcome.ok) throw new Error('unreachable');
  const shape = listShapeProblem(outcome.response.body, { unpaged: true });
  if (shape) return shape;
  const list = readListResponse(outcome.response.body);
  if (!list) {
    return {
      status: 'fail',
      finding: 'notScim',
      summary: `HTTP ${outcome.response.status}, but the body is not a SCIM ListResponse.`,
    };
  }
  const count = list.resources?.length ?? 0;
  if ((list.totalResults ?? 0) > 0 || count > 0) {
    return {
      status: 'fail',
      finding: 'filterIgnored',
      summary: `${what} for a random GUID returned ${list.totalResults === 1 ? '1 user' : `${list.totalResults} users`} instead of none.`,
      details: { totalResults: list.totalResults },
    };
  }
  const note = list.hasListSchema ? '' : ' (the ListResponse schema URN is missing)';
  return { status: 'pass', summary: `HTTP 200 with an empty ListResponse, as Entra expects${note}.` };
}

export const testConnectionProbe: ProbeDefinition<ProbeContext> = {
  id: 'test-connection',
  title: 'Entra’s Test Connection (filter on the matching attribute for a random GUID, no User-Agent)',
  async run(context, evidence) {
    return expectEmptyList(
      evidence.add(await context.testConnection()),
      `The ${context.matchingAttribute} filter`,
    );
  },
};

export const wrongTokenProbe: ProbeDefinition<ProbeContext> = {
  id: 'wrong-token',
  title: 'A wrong API key is refused with 401',
  async run(context, evidence) {
    const impostor = context.client.withToken(`jpa-wrong-${randomBytes(24).toString('base64url')}`);
    const outcome = evidence.add(await context.send(matchQuery('userName', randomUUID()), impostor));
    if (outcome.ok && !isHtml(outcome.response)) {
      const { status } = outcome.response;
      if (status === 401) return { status: 'pass', summary: 'A made-up API key got HTTP 401.' };
      if (status >= 200 && status < 300) {
        return {
          status: 'fail',
          finding: 'authNotEnforced',
          summary: `A made-up API key got HTTP ${status}: authentication is not enforced.`,
        };
      }
      if (status === 403) {
        return {
          status: 'warn',
          finding: 'unexpectedStatus',
          summary: 'A made-up API key got HTTP 403; SCIM servers answer 401.',
        };
      }
    }
    return (
      diagnoseFailure(outcome, { usersEndpoint: true }) ?? {
        status: 'fail',
        finding: 'unexpectedStatus',
        summary: 'Unexpected answer.',
      }
    );
  },
};

export const matchingAttributeProbe: ProbeDefinition<ProbeContext> = {
  id: 'matching-attribute',
  title: 'The matching attribute supports filtering',
  async run(context, evidence) {
    const attribute = context.matchingAttribute;
    const isUserName = attribute.toLowerCase() === 'username';
    // The same request as Test Connection, which filters on the matching attribute (SCIM-DEV).
    const outcome = evidence.add(await context.testConnection());
    if (outcome.ok && outcome.response.status === 400) {
      return {
        status: 'fail',
        finding: 'matchingNotFilterable',
        summary: `Jostle rejected a filter on ${attribute} (HTTP 400), so Entra could not match users on it.`,
      };
    }
    const verdict = expectEmptyList(outcome, `A filter on ${attribute}`);
    if (verdict.status !== 'pass') return verdict;
    if (isUserName) {
      return { status: 'pass', summary: 'Matching on userName, the only attribute Jostle can filter on.' };
    }
    const known = findTargetAttribute(attribute) ? '' : ` (${attribute} is not a Jostle target attribute)`;
    return {
      status: 'warn',
      finding: 'matchingNotFilterable',
      summary: `The filter on ${attribute}${known} was answered, but Jostle supports filtering only on userName: other attributes cannot match users in Jostle.`,
    };
  },
};

export const paginationProbe: ProbeDefinition<ProbeContext> = {
  id: 'pagination',
  title: 'Listing users pages as RFC 7644 §3.4.2.4 says',
  async run(context, evidence) {
    const page = (query: Record<string, number>): Promise<Outcome> =>
      context.send({ method: 'GET', path: '/Users', query }).then((outcome) => evidence.add(outcome));
    // All three pages are requested at once: the second is only judged when there are two users.
    const [first, second, countOnly] = await Promise.all([
      page({ startIndex: 1, count: 1 }),
      page({ startIndex: 2, count: 1 }),
      page({ count: 0 }),
    ]);
    for (const outcome of [first, second, countOnly]) {
      const failure = diagnoseFailure(outcome, { usersEndpoint: true });
      if (failure) return failure;
    }
    const body = (outcome: Outcome): unknown => (outcome.ok ? outcome.response.body : undefined);
    const one = readListResponse(body(first));
    const two = readListResponse(body(second));
    const zero = readListResponse(body(countOnly));
    if (!one || !two || !zero) {
      return {
        status: 'fail',
        finding: 'notScim',
        summary: 'Listing /Users did not return a SCIM ListResponse.',
      };
    }
    const problems: string[] = [];
    const total = one.totalResults ?? 0;
    if ((one.resources?.length ?? 0) > 1) problems.push(`count=1 returned ${one.resources?.length} users`);
    if (total > 0 && (one.resources?.length ?? 0) === 0)
      problems.push('count=1 returned no users although totalResults > 0');
    if (one.startIndex !== undefined && one.startIndex !== 1)
      problems.push(`startIndex=1 was answered with startIndex ${one.startIndex}`);
    if (total > 1 && one.itemsPerPage === undefined)
      problems.push('itemsPerPage is missing from a partial page');
    if (total >= 2) {
      if (two.startIndex !== undefined && two.startIndex !== 2)
        problems.push(`startIndex=2 was answered with startIndex ${two.startIndex}`);
      const idOf = (list: typeof one): unknown => (list.resources?.[0] as { id?: unknown } | undefined)?.id;
      if (idOf(one) !== undefined && idOf(one) === idOf(two))
        problems.push('pages 1 and 2 returned the same user');
    }
    if ((zero.resources?.length ?? 0) > 0)
      problems.push(`count=0 returned ${zero.resources?.length} users instead of only totalResults`);
    if (problems.length > 0) {
      return {
        status: 'warn',
        finding: 'paginationNonCompliant',
        summary: `${problems.join('; ')}.`,
        details: { totalResults: total, problems },
      };
    }
    return {
      status: 'pass',
      summary: `startIndex/count honoured (totalResults ${total}).`,
      details: { totalResults: total },
    };
  },
};

export const contentTypeProbe: ProbeDefinition<ProbeContext> = {
  id: 'content-type',
  title: 'Responses are JSON with the SCIM content type',
  async run(context, evidence) {
    const outcomes = await Promise.all([
      context.testConnection(),
      context.discovery('ServiceProviderConfig'),
      context.discovery('ResourceTypes'),
      context.discovery('Schemas'),
    ]);
    const answered = outcomes.filter((outcome): outcome is Extract<Outcome, { ok: true }> => outcome.ok);
    if (answered.length === 0) {
      return { status: 'skipped', finding: 'dependency', summary: 'No response to inspect.' };
    }
    const verdicts: Verdict[] = answered.map((outcome) => {
      const { response } = outcome;
      const type = (response.contentType ?? '').toLowerCase();
      const where = response.requestLine.replace(/\?.*$/, '');
      if (isHtml(response)) return { status: 'fail', finding: 'html', summary: `${where}: HTML page.` };
      if (type.startsWith('application/scim+json')) return { status: 'pass', summary: '' };
      if (type.startsWith('application/json')) {
        return {
          status: 'warn',
          finding: 'contentType',
          summary: `${where}: application/json rather than application/scim+json.`,
        };
      }
      return {
        status: 'fail',
        finding: 'contentType',
        summary: `${where}: Content-Type “${response.contentType ?? 'missing'}”.`,
      };
    });
    answered.forEach((outcome) => evidence.add(outcome));
    const worst =
      verdicts.find((verdict) => verdict.status === 'fail') ??
      verdicts.find((verdict) => verdict.status === 'warn');
    if (worst) {
      const summaries = verdicts.map((verdict) => verdict.summary).filter(Boolean);
      return { ...worst, summary: summaries.join(' ') };
    }
    return { status: 'pass', summary: `All ${answered.length} responses use application/scim+json.` };
  },
};

export const latencyProbe: ProbeDefinition<ProbeContext> = {
  id: 'latency',
  title: 'Response time of Entra’s matching query',
  async run(context, evidence) {
    const outcomes = await Promise.all(
      [1, 2, 3].map(() =>
        context.send(matchQuery('userName', randomUUID())).then((outcome) => evidence.add(outcome)),
      ),
    );
    for (const outcome of outcomes) {
      const failure = diagnoseFailure(outcome, { usersEndpoint: true });
      if (failure) return failure;
    }
    const times = outcomes
      .map((outcome) => (outcome.ok ? outcome.response.durationMs : 0))
      .sort((a, b) => a - b);
    const median = times[1] ?? 0;
    const max = times[times.length - 1] ?? 0;
    const details = { medianMs: median, maxMs: max, samplesMs: times };
    if (median > SLOW_MEDIAN_MS) {
      return {
        status: 'warn',
        finding: 'slow',
        summary: `Median ${median} ms (max ${max} ms) per request.`,
        details,
      };
    }
    return { status: 'pass', summary: `Median ${median} ms (max ${max} ms) per request.`, details };
  },
};
