import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../main/mock-jostle/faults';
import {
  MAX_LOGGED_BODY_CHARS,
  redact,
  redactText,
  RequestLog,
  type LogInput,
} from '../../main/mock-jostle/request-log';
import type { RequestLogEntry } from '../../main/mock-jostle/types';

/*
 * The log keeps its entries in columns and their texts as UTF-8 bytes; what it gives back must be what an
 * entry kept as plain strings would give (the model below: clip each body to MAX + 1 characters, parse and
 * redact it when read). Bodies come in every shape: JSON, not JSON, multi-byte and astral characters, just
 * under, at and over the clip limit, with and without the bytes the handler passes along.
 */
const MAX = MAX_LOGGED_BODY_CHARS;

function modelBody(text: string): unknown {
  if (text.length <= MAX) {
    try {
      return redact(JSON.parse(text));
    } catch {
      // not JSON
    }
  }
  return { truncated: text.length > MAX, preview: redactText(text.slice(0, MAX)) };
}

function modelEntry(id: number, input: LogInput): RequestLogEntry {
  const clip = (text: string | undefined) =>
    text === undefined || text === '' ? undefined : text.length > MAX ? text.slice(0, MAX + 1) : text;
  const entry: RequestLogEntry = {
    id,
    at: new Date(input.atMs).toISOString(),
    method: input.method,
    path: input.path,
    status: input.status,
    durationMs: input.durationMs,
  };
  const request = clip(input.requestText);
  const response = clip(input.responseText);
  if (request !== undefined) entry.requestBody = modelBody(request);
  if (response !== undefined) entry.responseBody = modelBody(response);
  if (input.fault !== undefined) entry.fault = input.fault;
  return entry;
}

const unicodeText = fc.string({ unit: 'grapheme', maxLength: 40 });
const sized = (size: number) =>
  fc.tuple(fc.constantFrom('é', '😀', 'a', '€'), fc.integer({ min: -2, max: 2 })).map(([unit, delta]) => {
    const text = unit.repeat(Math.ceil((size + delta) / unit.length));
    // Whole characters only: the log's texts are well-formed (UTF-8 decoded or JSON.stringify's output).
    return text.slice(0, Math.max(0, size + delta)).replace(/[\ud800-\udbff]$/, '');
  });
const body = fc.oneof(
  fc.constant(undefined),
  fc.constant(''),
  unicodeText,
  unicodeText.map((text) => JSON.stringify({ userName: text, password: text, nested: [{ token: 1 }] })),
  sized(MAX),
  sized(MAX).map((text) => JSON.stringify({ title: text.slice(0, MAX - 12) })),
  sized(3 * MAX),
);
const input = fc.record({
  atMs: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  method: fc.constantFrom('GET', 'POST', 'PATCH', 'BREW'),
  path: fc.oneof(
    fc.constant('/scim2/Users'),
    fc
      .string({
        unit: fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code)),
        maxLength: 30,
      })
      .map((p) => `/scim2/${p}`),
  ),
  status: fc.oneof(fc.constant(null), fc.integer({ min: 100, max: 599 })),
  durationMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
  requestText: body,
  responseText: body,
  withBytes: fc.boolean(),
  fault: fc.option(fc.constantFrom(...FAULT_KINDS), { nil: undefined }),
});

describe('RequestLog', () => {
  it('gives back what an entry of plain strings would, in order, across wrap-arounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(input, { maxLength: 14 }), (capacity, inputs) => {
        const log = new RequestLog(capacity);
        const model: RequestLogEntry[] = [];
        inputs.forEach(({ withBytes, ...raw }, index) => {
          const entry: LogInput = { ...raw };
          if (withBytes && raw.requestText !== undefined) entry.requestBytes = Buffer.from(raw.requestText);
          if (withBytes && raw.responseText !== undefined)
            entry.responseBytes = Buffer.from(raw.responseText);
          log.add(entry);
          model.push(modelEntry(index + 1, raw));
          expect(log.newest()).toEqual(model.at(-1));
        });
        expect(log.entries()).toEqual(model.slice(-capacity));
        log.clear();
        expect(log.entries()).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('reads the bytes the handler passes (the body as it arrived), not only their text', () => {
    const log = new RequestLog(3);
    const arrived = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]); // {"a":"<invalid>"}
    const requestText = arrived.toString('utf8');
    log.add({
      atMs: 0,
      method: 'POST',
      path: '/',
      status: 400,
      durationMs: 0,
      requestText,
      requestBytes: arrived,
    });
    expect(log.newest().requestBody).toEqual({ a: '\ufffd' });
  });

  it('continues its ids after clear', () => {
    const log = new RequestLog(2);
    const entry: LogInput = { atMs: 0, method: 'GET', path: '/', status: 200, durationMs: 0 };
    log.add(entry);
    log.clear();
    log.add(entry);
    expect(log.entries().map((e) => e.id)).toEqual([2]);
  });
});
