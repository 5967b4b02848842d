import { describe, expect, it } from 'vitest';
import { runTargetWords } from '../../shared/provisioning/run-target';

describe('what a run is called', () => {
  it('calls a run against the tenant a live run that writes to it, on the buttons too', () => {
    expect(runTargetWords('live', 'contoso.jostle.us')).toEqual({
      live: true,
      title: 'Live run: writes to contoso.jostle.us',
      startLabel: 'Live run: write to contoso.jostle.us',
      nextLabel: 'Live run: next cycle, writes to contoso.jostle.us',
    });
  });

  it('keeps Mock Jostle, and a saved Base URL on this computer, a dry run', () => {
    expect(runTargetWords('mock', '127.0.0.1:40000')).toMatchObject({
      live: false,
      startLabel: 'Run the initial cycle',
    });
    expect(runTargetWords('live', '127.0.0.1:48123')).toMatchObject({
      live: false,
      title: 'Dry run against 127.0.0.1:48123 (on this computer)',
    });
    expect(runTargetWords('live', '[::1]:8080').live).toBe(false);
  });
});
