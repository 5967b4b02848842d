import type { IncomingMessage } from 'node:http';
import { ScimHttpError, invalidSyntax } from './errors';

export const MAX_BODY_BYTES = 1024 * 1024;

export const tooLarge = (): ScimHttpError =>
  new ScimHttpError(413, undefined, `The request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB).`);

/** Reads the body's bytes, refusing more than 1 MiB (413) before or while it arrives. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      // A small body arrives in one chunk: used as it is, without copying it first.
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
      failed = true;
    });
  });
}

/** RFC 7644 bodies are JSON; anything else is invalidSyntax. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw invalidSyntax('The request body is empty; a JSON object was expected.');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalidSyntax(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}
