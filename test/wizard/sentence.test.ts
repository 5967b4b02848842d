import { describe, expect, it } from 'vitest';
import { sentence } from '../../renderer/text';

describe('sentence', () => {
  it('adds the full stop a message in brackets still needs', () => {
    expect(sentence('No header row found: expected column names such as userPrincipalName (or city)')).toBe(
      'No header row found: expected column names such as userPrincipalName (or city).',
    );
    expect(sentence('The file is empty')).toBe('The file is empty.');
  });

  it('leaves a message that already ends a sentence alone', () => {
    for (const text of ['Done.', 'Really?', 'Stop!', 'It said “no.”', 'Fine (see below.)']) {
      expect(sentence(text)).toBe(text);
    }
  });
});
