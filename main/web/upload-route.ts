/**
 * `POST /api/upload/<channel>` (shared/api/uploads.ts): the picked file arrives as the raw request body and
 * goes to a temporary file in `dir`, never into memory as a whole; then the channel's own handler imports it
 * by path, exactly as in the desktop app, and the temporary file is removed. server.ts routes here only
 * after the Host and token checks. Everything that can be refused is refused before a byte of the body is
 * read: a foreign origin, another content type, a missing or too large Content-Length, and a second import
 * while one runs (one at a time keeps disk and memory bounded).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm, unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { once } from 'node:events';
import { dispatch } from '../api/dispatch';
import type { HandlerTable } from '../api/handler-table';
import type { Logger } from '../logging/logger';
import {
  isUploadChannel,
  MAX_MANIFEST_BYTES,
  tooLargeMessage,
  UPLOAD_BUSY_MESSAGE,
  UPLOAD_CONTENT_TYPE,
  uploadChannels,
  uploadManifestSchema,
  type UploadedFile,
  type UploadManifest,
} from '../../shared/api/uploads';

export interface UploadRouteOptions {
  handlers: HandlerTable;
  /** Where uploads are written while they are imported; emptied when the route is created. */
  dir: string;
  /** Largest upload, its files together (the manifest line comes on top). */
  maxBytes: number;
  logger?: Logger;
}

export type Refuse = (status: number, text: string) => void;

/** Thrown while reading the body: the answer to give, in the admin's words. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `users.csv` -> `.csv`: the host checks the extension of the path, so the temporary file keeps it. */
function safeExtension(name: string): string {
  const extension = extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,8}$/.test(extension) ? extension : '';
}

async function write(stream: WriteStream, bytes: Buffer): Promise<void> {
  if (!stream.write(bytes)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/**
 * Reads the manifest line, then splits the rest of the body into one temporary file per manifest entry.
 * Resolves with the files once every declared byte arrived; throws a Refusal for a body that does not
 * match its manifest.
 */
async function receive(
  request: IncomingMessage,
  declared: number,
  dir: string,
  channel: keyof typeof uploadChannels,
  maxBytes: number,
  written: string[],
): Promise<UploadedFile[]> {
  let head: Buffer = Buffer.alloc(0);
  let manifest: UploadManifest | null = null;
  const files: UploadedFile[] = [];
  let index = 0;
  let left = 0;
  let stream: WriteStream | null = null;

  const openNext = () => {
    while (manifest && index < manifest.files.length) {
      const entry = manifest.files[index]!;
      const path = join(dir, `${randomUUID()}${safeExtension(entry.name)}`);
      written.push(path);
      files.push({ name: entry.name, path });
      stream = createWriteStream(path, { flags: 'wx', mode: 0o600 });
      left = entry.size;
      index += 1;
      if (left > 0) return;
      stream.end();
      stream = null;
    }
  };

  const body = async (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length) {
      if (!stream || left === 0) throw new Refusal(400, 'The upload is longer than the files it names.');
      const part = chunk.subarray(at, at + left);
      await write(stream, part);
      left -= part.length;
      at += part.length;
      if (left === 0) {
        await close(stream);
        stream = null;
        openNext();
      }
    }
  };

  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      if (manifest) {
        await body(chunk);
        continue;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf(0x0a);
      if (end === -1) {
        if (head.length > MAX_MANIFEST_BYTES)
          throw new Refusal(400, 'The upload does not start with its list of files.');
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(head.subarray(0, end).toString('utf8'));
      } catch {
        throw new Refusal(400, 'The upload does not start with its list of files.');
      }
      const checked = uploadManifestSchema.safeParse(parsed);
      if (!checked.success)
        throw new Refusal(
          400,
          `The upload’s list of files is not valid: ${checked.error.issues[0]?.message}`,
        );
      manifest = checked.data;
      const { maxFiles } = uploadChannels[channel];
      if (manifest.files.length > maxFiles)
        throw new Refusal(
          400,
          maxFiles === 1 ? 'Import one file here.' : `Import at most ${maxFiles} files at once.`,
        );
      const total = manifest.files.reduce((sum, file) => sum + file.size, 0);
      if (total > maxBytes) {
        const names = manifest.files.map((file) => file.name).join(', ');
        throw new Refusal(413, tooLargeMessage(names, total, maxBytes));
      }
      if (end + 1 + total !== declared)
        throw new Refusal(400, 'The upload’s length does not match the sizes of its files.');
      openNext();
      await body(head.subarray(end + 1));
    }
    if (!manifest || stream || index < manifest.files.length)
      throw new Refusal(400, 'The upload ended before the whole file arrived. Nothing was imported.');
    return files;
  } finally {
    const open = stream as WriteStream | null;
    if (open) open.destroy();
  }
}

export function createUploadRoute(options: UploadRouteOptions) {
  let running = false;
  /** The folder, made on the first upload (nothing on start-up); anything left from a stopped run goes. */
  let folder: Promise<unknown> | null = null;
  const prepareFolder = () =>
    (folder ??= rm(options.dir, { recursive: true, force: true })
      .then(() => mkdir(options.dir, { recursive: true, mode: 0o700 }))
      .catch((error: unknown) => {
        folder = null; // The next upload tries again.
        throw error;
      }));

  return {
    /** Removes the folder, if an upload made it (the server's close). */
    async dispose(): Promise<void> {
      if (folder) await folder.then(() => rm(options.dir, { recursive: true, force: true }));
    },
    async handle(
      request: IncomingMessage,
      response: ServerResponse,
      channel: string,
      refuse: Refuse,
      answer: (json: string) => void,
    ) {
      if (request.method !== 'POST') return refuse(405, 'Use POST to upload a file.');
      if (!isUploadChannel(channel)) return refuse(404, `Files cannot be uploaded to “${channel}”.`);
      if (request.headers['content-type'] !== UPLOAD_CONTENT_TYPE)
        return refuse(415, `Uploads must send ${UPLOAD_CONTENT_TYPE}.`);
      const declared = Number(request.headers['content-length']);
      if (request.headers['content-length'] === undefined || !Number.isSafeInteger(declared))
        return refuse(411, 'Uploads must say their length (Content-Length).');
      if (declared > options.maxBytes + MAX_MANIFEST_BYTES)
        return refuse(413, tooLargeMessage('The file', declared, options.maxBytes));
      if (running) return refuse(409, UPLOAD_BUSY_MESSAGE);
      running = true;
      const written: string[] = [];
      try {
        let files: UploadedFile[];
        try {
          await prepareFolder();
          files = await receive(request, declared, options.dir, channel, options.maxBytes, written);
        } catch (error) {
          if (error instanceof Refusal) return refuse(error.status, error.message);
          // The window cancelled or went away mid-upload: nothing to answer.
          options.logger?.log('info', 'an upload stopped before it was complete', { channel });
          return response.destroy();
        }
        // A window that goes away (closed, or Cancel after the last byte was sent) cancels its import.
        const gone = () => {
          if (!response.writableFinished && channel === 'importUsers')
            void dispatch(options.handlers, 'cancelJob', { channel: 'importJob' });
        };
        if (response.destroyed) return;
        response.once('close', gone);
        const envelope = await dispatch(
          options.handlers,
          channel,
          uploadChannels[channel].request(files),
          options.logger,
        );
        response.off('close', gone);
        answer(JSON.stringify(envelope));
      } finally {
        running = false;
        await Promise.all(written.map((path) => unlink(path).catch(() => undefined)));
      }
    },
  };
}
