import { describe, expect, it } from 'vitest';
import { targetLabel } from '../../main/export/outline-results';

describe('what a run talked to, in the export', () => {
  it('never calls a saved Base URL on this computer the tenant', () => {
    expect(targetLabel('live', '127.0.0.1:48123', 'probes')).toBe(
      'the saved Base URL, which is on this computer (Mock Jostle), not a Jostle tenant',
    );
    expect(targetLabel('live', 'localhost:8080', 'dry-run')).toMatch(/not a Jostle tenant/);
    expect(targetLabel('mock', '127.0.0.1:48123', 'probes')).toBe('the built-in mock Jostle');
  });

  it('calls a dry run against the tenant a live run that wrote to it', () => {
    expect(targetLabel('live', 'contoso.jostle.us', 'dry-run')).toBe('Live run: wrote to contoso.jostle.us');
    expect(targetLabel('live', 'contoso.jostle.us', 'probes')).toBe(
      'the Jostle tenant (live), contoso.jostle.us',
    );
  });
});
