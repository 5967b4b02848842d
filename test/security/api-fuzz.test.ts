/**
 * Property-based test of the one API behind both transports: for every channel of the contract (iterated
 * from `apiChannels`, so a new channel is covered without touching this file), random payloads go through
 * `dispatch()` with a real app context and through the browser-mode HTTP server. Whatever arrives, the
 * answer is an envelope: never a throw, never a crash, never a 5xx; input the contract refuses gets
 * `invalid-request` with a message; input it accepts never ends in `internal` (a handler that blew up).
 *
 * Payloads: arbitrary JSON, wrong types, huge strings, prototype-pollution keys (`__proto__`,
 * `constructor`, `prototype`) built as JSON text so they arrive as own keys, exactly as the transports
 * deliver them; and "near-valid" objects with the channel's own field names and values drawn from its
 * schema (enum options, booleans, small numbers), so the handlers behind the validation run too.
 *
 * Side effects stay local: startMock/runProbes talk only to the embedded mock on 127.0.0.1; before any
 * request the contract accepts for runProbes, the saved Base URL is pinned to a loopback address (so a
 * "live" run can only reach 127.0.0.1) and the mock's faults are cleared (so a latency fault cannot stall
 * it). saveConnection writes to a throwaway keychain item, removed afterwards; the mock is stopped.
 */
import fc from 'fast-check';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { startWebServer, type RunningWebServer } from '../../main/web/server';
import { apiChannels, apiContract, type ApiChannel } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/errors';
import { isLoopbackHost } from '../../shared/connection/validation';
import { createTestContext, type TestContext } from '../support/context';
import { tempDir } from '../support/temp';

/** A failing counterexample can hold a 100 kB string: keep the report readable. */
async function check<Ts extends [unknown, ...unknown[]]>(
  property: fc.IAsyncProperty<Ts>,
  parameters: fc.Parameters<Ts>,
): Promise<void> {
  try {
    await fc.assert(property, parameters);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const cause = error.cause instanceof Error ? `\nCaused by: ${error.cause.message}` : '';
    const short = new Error(`${error.message}${cause}`.replace(/(.{300})[^\n]{300,}/g, '$1… [cut]'));
    short.stack = short.message;
    throw short;
  }
}

/** Per channel and transport; modest, because a few accepted payloads run real probes against the mock. */
const RUNS = Number(process.env.JPA_FUZZ_RUNS ?? 25);
const LOOPBACK_BASE_URL = 'https://127.0.0.1:9/scim2'; // discard port: nothing listens, refused at once
const ERROR_CODES = [
  'invalid-request',
  'unknown-channel',
  'not-available',
  'keychain-unavailable',
  'not-found',
  'busy',
  'internal',
];
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

let test: TestContext;
let handlers: HandlerTable;
let server: RunningWebServer;
const staticDir = tempDir('jpa-static-');
const prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
  server = await startWebServer({ handlers, staticDir: staticDir.path });
});
afterAll(async () => {
  await server?.close();
  await test?.context.mock.stop();
  await test?.cleanup();
  staticDir.remove();
});

// --- payloads ---------------------------------------------------------------------------------------------

/** Values a field's schema accepts (enum options, booleans, small numbers…), for near-valid payloads. */
function plausibleValues(schema: z.ZodType): unknown[] {
  if (schema instanceof z.ZodOptional) return [undefined, ...plausibleValues(schema.unwrap() as z.ZodType)];
  if (schema instanceof z.ZodNullable) return [null, ...plausibleValues(schema.unwrap() as z.ZodType)];
  if (schema instanceof z.ZodEnum) return [...schema.options];
  if (schema instanceof z.ZodBoolean) return [true, false];
  if (schema instanceof z.ZodNumber) return [0, 1, 3, -1, 1.5];
  if (schema instanceof z.ZodString) return ['', 'x', 'plan', LOOPBACK_BASE_URL, 'k'.repeat(24)];
  if (schema instanceof z.ZodArray) return [[]];
  return [];
}

/** An object with the channel's own keys: plausible or arbitrary values, sometimes an extra key. */
function nearValid(channel: ApiChannel): fc.Arbitrary<unknown> {
  const schema = apiContract[channel].request as z.ZodType;
  if (!(schema instanceof z.ZodObject)) return fc.anything();
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => {
    const values = plausibleValues(field);
    const value = values.length
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...values) },
          { weight: 1, arbitrary: fc.anything() },
        )
      : fc.anything();
    return [key, value] as const;
  });
  return fc
    .tuple(
      fc.record(Object.fromEntries(fields), { requiredKeys: [] }),
      fc.option(fc.tuple(fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string()), fc.anything()), {
        freq: 4,
      }),
    )
    .map(([record, extra]) => (extra ? { ...record, [extra[0]]: extra[1] } : record));
}

/** JSON text of an object whose keys include prototype-pollution names, parsed so they are own keys. */
const pollutingObject: fc.Arbitrary<unknown> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 12 })),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constant({ polluted: 'yes' }),
        fc.constant({ prototype: { polluted: 'yes' } }),
      ),
    ),
    { maxLength: 4 },
  )
  .map(
    (entries) =>
      JSON.parse(
        `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value ?? null)}`).join(',')}}`,
      ) as unknown,
  );

const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 120_000 }), fc.constantFrom('x', 'é', '\u0000', '"', '\\'))
  .map(([length, unit]) => unit.repeat(length));

function payloads(channel: ApiChannel): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: nearValid(channel) },
    { weight: 3, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 2, arbitrary: pollutingObject },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: fc.record({ padding: hugeString }) },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0, -0, NaN, '', [], true, 'null', '{}') },
  );
}

// --- oracle ---------------------------------------------------------------------------------------------

function accepted(channel: ApiChannel, payload: unknown): boolean {
  return apiContract[channel].request.safeParse(payload ?? {}).success;
}

/**
 * Puts the app in the state the run drew (embedded mock running or not, so handlers that need it are
 * reached too) and keeps every side effect on 127.0.0.1 before a request reaches a handler.
 */
async function prepare(channel: ApiChannel, payload: unknown, mockRunning: boolean): Promise<void> {
  if (mockRunning) await test.context.mock.ensure();
  else await test.context.mock.stop();
  if (channel !== 'runProbes' || !accepted(channel, payload)) return;
  const saved = await test.context.vault.read().catch(() => null);
  if (saved && !isLoopbackHost(new URL(saved.baseUrl).hostname)) {
    await test.context.vault.updateBaseUrl(LOOPBACK_BASE_URL);
  }
  (await test.context.mock.current())?.setFaults([]);
}

/** What the handlers behind validation saw, per channel: accepted payloads and successful answers. */
const reached = new Map<string, { accepted: number; ok: number }>();

function expectEnvelope(channel: ApiChannel, payload: unknown, envelope: ApiEnvelope<unknown>): void {
  const seen = reached.get(channel) ?? { accepted: 0, ok: 0 };
  if (accepted(channel, payload)) seen.accepted += 1;
  if (envelope?.ok) seen.ok += 1;
  reached.set(channel, seen);
  expect(typeof envelope).toBe('object');
  expect(envelope).not.toBeNull();
  if (envelope.ok) {
    expect(Object.keys(envelope).sort()).toEqual(['ok', 'value']);
    expect(accepted(channel, payload)).toBe(true);
    return;
  }
  expect(ERROR_CODES).toContain(envelope.error.code);
  expect(typeof envelope.error.message).toBe('string');
  expect(envelope.error.message.trim().length).toBeGreaterThan(0);
  if (!accepted(channel, payload)) {
    expect(envelope.error.code).toBe('invalid-request');
    expect(envelope.error.message).toContain(channel);
  } else {
    // Accepted input may be refused by the handler (not running, not saved…), but never by a crash.
    expect(envelope.error.code).not.toBe('internal');
  }
}

function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** The saved key must never come back in an answer (only "saved", a fingerprint and a date do). */
function expectNoKeyEcho(channel: ApiChannel, payload: unknown, answer: string): void {
  if (channel !== 'saveConnection' || typeof payload !== 'object' || payload === null) return;
  const { apiKey, baseUrl } = payload as { apiKey?: unknown; baseUrl?: unknown };
  if (typeof apiKey !== 'string' || apiKey.length < 16) return;
  if (typeof baseUrl === 'string' && baseUrl.includes(apiKey)) return;
  expect(answer).not.toContain(apiKey);
}

// --- properties -----------------------------------------------------------------------------------------

describe('API fuzz: every channel, random payloads', () => {
  it('covers every channel of the contract', () => {
    expect(apiChannels.length).toBeGreaterThan(0);
    expect([...apiChannels].sort()).toEqual(Object.keys(apiContract).sort());
    expect(Object.keys(handlers).sort()).toEqual([...apiChannels].sort());
  });

  describe.each(apiChannels)('%s', (channel) => {
    it('through dispatch(): always an envelope, invalid input → invalid-request', async () => {
      await check(
        fc.asyncProperty(payloads(channel), fc.boolean(), async (payload, mockRunning) => {
          await prepare(channel, payload, mockRunning);
          const envelope = await dispatch(handlers, channel, payload, test.context.logger);
          expectEnvelope(channel, payload, envelope);
          expectNoKeyEcho(channel, payload, JSON.stringify(envelope));
          expectNoPollution();
        }),
        { numRuns: RUNS },
      );
    });

    it('through the browser-mode server: no 5xx, always an envelope', async () => {
      await check(
        fc.asyncProperty(payloads(channel), fc.boolean(), async (payload, mockRunning) => {
          await prepare(channel, payload, mockRunning);
          // What a page would send: JSON text (undefined → an empty body, which the server reads as {}).
          const body = payload === undefined ? '' : JSON.stringify(payload);
          const response = await request(`${server.origin}/api/${channel}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              origin: server.origin,
              authorization: `Bearer ${server.token}`,
            },
            body,
          }).catch((error: Error) => {
            throw new Error(`${error.message} after sending ${Buffer.byteLength(body)} bytes`);
          });
          const text = await response.body.text();
          expect(response.statusCode, `${Buffer.byteLength(body)} bytes sent`).toBe(200);
          expect(response.headers['content-type']).toMatch(/^application\/json/);
          const sent = body === '' ? {} : (JSON.parse(body) as unknown);
          expectEnvelope(channel, sent, JSON.parse(text) as ApiEnvelope<unknown>);
          expectNoKeyEcho(channel, payload, text);
          expectNoPollution();
        }),
        { numRuns: RUNS },
      );
    });
  });

  it('reached the handlers behind the validation, not only the validation', () => {
    const counts = [...reached.values()];
    expect(counts.filter((count) => count.accepted > 0).length).toBeGreaterThanOrEqual(
      apiChannels.length / 2,
    );
    expect(counts.filter((count) => count.ok > 0).length).toBeGreaterThanOrEqual(apiChannels.length / 2);
  });

  it('answers bodies that are not JSON, or not UTF-8, with invalid-request and never a 5xx', async () => {
    const bodies = fc.oneof(
      fc.string({ maxLength: 200 }).filter((text) => {
        if (text === '') return false; // an empty body means {} (the server reads it so)
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      }),
      fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    );
    await check(
      fc.asyncProperty(fc.constantFrom(...apiChannels), bodies, async (channel, body) => {
        const response = await request(`${server.origin}/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
          body,
        });
        const text = await response.body.text();
        expect(response.statusCode).toBeLessThan(500);
        const envelope = JSON.parse(text) as ApiEnvelope<unknown>;
        expect(envelope.ok).toBe(false);
        if (!envelope.ok) {
          expect(envelope.error.code).toBe('invalid-request');
          expect(envelope.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('answers unknown and hostile channel names with unknown-channel, on both transports', async () => {
    const names = fc.oneof(
      fc.constantFrom(...POLLUTION_KEYS, '', 'getSettings/x', '..', '%2e%2e', 'GETSETTINGS'),
      fc.string({ maxLength: 40 }),
    );
    await check(
      fc.asyncProperty(names, async (name) => {
        fc.pre(!(apiChannels as readonly string[]).includes(name));
        const envelope = await dispatch(handlers, name, {});
        expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
        const response = await request(`${server.origin}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
          body: '{}',
        });
        const text = await response.body.text();
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode === 200) {
          expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
        }
        expectNoPollution();
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
