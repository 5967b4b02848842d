import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hostHeapCeilingMb, withHostHeapCeiling } from '../../main/host/heap-ceiling';

const GB = 2 ** 30;

describe("the handler host's heap ceiling", () => {
  it('stays under 2 GB (where V8 lets the heap grow 4×) and never below 1 GB', () => {
    expect(hostHeapCeilingMb(2 * GB)).toBe(1024);
    expect(hostHeapCeilingMb(5 * GB)).toBe(1280);
    expect(hostHeapCeilingMb(32 * GB)).toBe(1536);
  });

  it('keeps the flags it is given and leaves a ceiling or growing factor the caller set', () => {
    expect(withHostHeapCeiling(['--import', 'tsx'], 32 * GB)).toEqual([
      '--import',
      'tsx',
      '--max-old-space-size=1536',
      '--heap-growing-percent=40',
    ]);
    expect(withHostHeapCeiling(['--max-old-space-size=4096'], 32 * GB)).toEqual([
      '--max-old-space-size=4096',
      '--heap-growing-percent=40',
    ]);
    expect(withHostHeapCeiling(['--heap-growing-percent=80'], 2 * GB)).toEqual([
      '--heap-growing-percent=80',
      '--max-old-space-size=1024',
    ]);
  });

  it('are flags a Node process accepts', () => {
    const flags = withHostHeapCeiling([], 32 * GB);
    const run = spawnSync(process.execPath, [...flags, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
