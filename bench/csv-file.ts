/** Reading a CSV file as the app's import does (main/host/picked-files.ts), for the benchmarks. */
import { closeSync, openSync, readSync } from 'node:fs';

/** The file's text in 1 MiB pieces, a character split between reads completed first (as the app reads). */
export function* chunksOf(file: string): Generator<string> {
  const handle = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  try {
    for (let got = readSync(handle, buffer); got > 0; got = readSync(handle, buffer))
      yield decoder.decode(buffer.subarray(0, got), { stream: true });
    yield decoder.decode();
  } finally {
    closeSync(handle);
  }
}
