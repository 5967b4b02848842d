import { describe, expect, it } from 'vitest';
import { REMEDIES } from '../../main/probes/remedies';

describe('remedy wording', () => {
  it('names Jostle’s page in bold, and never starts a sentence again in the middle of one', () => {
    expect(REMEDIES.unauthorized).toContain(
      'then open **Admin Settings > User data to/from other systems > Manage user provisioning** in Jostle,',
    );
    for (const [code, text] of Object.entries(REMEDIES)) {
      expect(text, code).not.toMatch(/[a-z,] In Jostle/);
    }
  });
});
