import { describe, expect, it } from 'vitest';
import { Redactor } from '../../main/logging/redactor';

describe('Redactor', () => {
  it('removes known secrets wherever they appear', () => {
    const redactor = new Redactor();
    redactor.addSecret('s3cret-value-123');
    expect(redactor.text('a s3cret-value-123 b s3cret-value-123')).toBe('a [redacted] b [redacted]');
    expect(redactor.value({ nested: ['x s3cret-value-123'] })).toEqual({ nested: ['x [redacted]'] });
  });

  it('removes token-shaped values even when unknown', () => {
    const redactor = new Redactor();
    expect(redactor.text('Authorization: Bearer abcdef123456')).toBe('Authorization: Bearer [redacted]');
    expect(redactor.text('{"token":"zzzzzzzzzz","other":"kept"}')).toBe(
      '{"token":"[redacted]","other":"kept"}',
    );
    expect(redactor.text('apiKey=abcdefghij&x=1')).toContain('apiKey=[redacted]');
  });

  it('leaves ordinary text alone', () => {
    expect(new Redactor().text('userName eq "ada@example.com"')).toBe('userName eq "ada@example.com"');
  });
});
