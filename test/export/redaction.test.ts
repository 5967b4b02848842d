import { describe, expect, it } from 'vitest';
import { exportRedaction, redactLongRuns, redactStrings } from '../../main/export/redact';
import { escapeHtml } from '../../main/export/render-html';
import { Redactor } from '../../main/logging/redactor';
import { createTestContext } from '../support/context';
import { exportAs, handlersFor } from './helpers';

describe('export redaction', () => {
  const redact = exportRedaction(new Redactor());

  it('removes token-shaped values the app never saw', () => {
    expect(redact('Authorization: Bearer abcdef123456')).toBe('Authorization: Bearer [redacted]');
    expect(redact('GET /Users?apiKey=abcdefghij&x=1')).toContain('apiKey=[redacted]&x=1');
    expect(redact('POST /oauth?code=abcdef123&state=1')).toContain('code=[redacted]');
    expect(redact('proxy http://alice:pa55word@proxy.corp:8080')).toBe(
      'proxy http://[redacted]@proxy.corp:8080',
    );
    expect(redact('Proxy-Authorization: Basic YWxpY2U6cGFzc3dvcmQ=')).toContain('Basic [redacted]');
  });

  it('removes long base64 and hex runs from evidence, but keeps ids, paths and ordinary words', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9eyJzdWIiOiIxMjM0NTY3ODkwIn0';
    expect(redactLongRuns(`GET /Users → 401: invalid ${token}`)).toBe('GET /Users → 401: invalid [redacted]');
    expect(redactLongRuns('a3f9c2d4e5b6a7980123456789abcdef0123')).toBe('[redacted]');
    const uuid = '8a7b6c5d-1234-4abc-9def-0123456789ab';
    const kept = [
      `GET <Base URL>/Users/${uuid} → HTTP 404`,
      `GET <Base URL>/Users?filter=userName+eq+%22${uuid}%22 → HTTP 200`,
      'urn:ietf:params:scim:schemas:extension:jostle:2.0:User:alternateEmail1Label',
      'Internationalization-and-localization-considerations',
    ];
    for (const text of kept) expect(redactLongRuns(text)).toBe(text);
  });

  it('redacts every string of a model, keys included', () => {
    const redactor = new Redactor();
    redactor.addSecret('K3y<&"\\quoted-secret');
    const model = { a: ['x K3y<&"\\quoted-secret y'], 'K3y<&"\\quoted-secret': 1 };
    expect(JSON.stringify(redactStrings(model, exportRedaction(redactor)))).not.toContain('quoted-secret');
    // The app's Redactor.value too, although JSON text would escape the quote and the backslash.
    expect(JSON.stringify(redactor.value(model))).not.toContain('quoted-secret');
  });
});

describe('a key with characters that HTML and JSON escape', () => {
  it('is still found and removed before escaping, in every format', async () => {
    const test = await createTestContext();
    try {
      const key = `k3y<&"'>${'0123456789abcdef'}`;
      const handlers = handlersFor(test.context);
      await handlers.saveConnection({ baseUrl: 'https://acme.jostle.us/scim2', apiKey: key });
      // A server that echoes the key back into a probe's evidence and summary.
      await test.context.results.save('probe-report', {
        baseUrl: 'https://acme.jostle.us/scim2',
        startedAt: '2025-01-01T00:00:00.000Z',
        finishedAt: '2025-01-01T00:00:01.000Z',
        durationMs: 1000,
        write: false,
        cancelled: false,
        probes: [
          {
            id: 'test-connection',
            title: 'Test Connection',
            status: 'fail',
            durationMs: 5,
            summary: `The server said: unknown key ${key}`,
            remedy: 'Copy the key again.',
            evidence: [
              { requestLine: `GET https://acme.jostle.us/scim2/Users?k=${key}`, status: 401, durationMs: 5 },
            ],
          },
        ],
        counts: { pass: 0, warn: 0, fail: 1, skipped: 0 },
        ok: false,
        leftovers: [],
        trust: [],
        target: 'live',
      });
      for (const format of ['markdown', 'json', 'html'] as const) {
        const { content } = await exportAs(handlers, { format, includeUserData: false });
        expect(content).toContain('Test Connection');
        for (const form of [key, escapeHtml(key), JSON.stringify(key).slice(1, -1), '0123456789abcdef']) {
          expect(content, `${format}: ${form}`).not.toContain(form);
        }
      }
    } finally {
      await test.cleanup();
    }
  });
});
