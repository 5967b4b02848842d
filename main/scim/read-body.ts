import type { Readable } from 'node:stream';

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(
    readonly limit: number,
    readonly seen: number,
    readonly declared: boolean,
  ) {
    super(
      declared
        ? `The server announced ${seen} bytes, more than the ${limit}-byte limit`
        : `The response passed the ${limit}-byte limit while streaming`,
    );
  }
}

/** Drops a body we will not read; undici reports the early destroy as an error event, which is expected here. */
export function discardBody(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/**
 * Reads a response body into memory, stopping as soon as it passes `limit` bytes: a 50 MiB answer costs at
 * most `limit` bytes of memory and is cut off as soon as it passes the limit.
 */
export async function readBodyCapped(
  body: Readable,
  limit: number,
  declaredLength: string | undefined,
): Promise<Buffer> {
  const declared = declaredLength === undefined ? NaN : Number(declaredLength);
  if (Number.isFinite(declared) && declared > limit) {
    discardBody(body);
    throw new BodyTooLargeError(limit, declared, true);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += buffer.length;
    if (total > limit) {
      discardBody(body);
      throw new BodyTooLargeError(limit, total, false);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}
