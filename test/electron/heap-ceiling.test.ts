import { describe, expect, it } from 'vitest';
import { hostHeapCeilingMb, withHostHeapCeiling } from '../../main/host/heap-ceiling';

const GB = 2 ** 30;

describe("the handler host's heap ceiling", () => {
  it('stays under 2 GB (where V8 lets the heap grow 4×) and never below 1 GB', () => {
    expect(hostHeapCeilingMb(2 * GB)).toBe(1024);
    expect(hostHeapCeilingMb(5 * GB)).toBe(1280);
    expect(hostHeapCeilingMb(32 * GB)).toBe(1536);
  });

  it('keeps the flags it is given and leaves a ceiling the caller set', () => {
    expect(withHostHeapCeiling(['--import', 'tsx'], 32 * GB)).toEqual([
      '--import',
      'tsx',
      '--max-old-space-size=1536',
    ]);
    expect(withHostHeapCeiling(['--max-old-space-size=4096'], 32 * GB)).toEqual([
      '--max-old-space-size=4096',
    ]);
  });
});
