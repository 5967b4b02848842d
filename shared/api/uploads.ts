/**
 * Browser mode's way to hand a picked file to an import without turning it into a string in the window:
 * `POST /api/upload/<channel>` with the file's bytes as the body (application/octet-stream), which the
 * browser streams from disk itself. The body starts with one line of JSON naming the files and their sizes
 * (the manifest), then the files' bytes back to back. The loopback server writes each file to a temporary
 * file and calls the channel with `{ name, path }` — the same path-based import the desktop app uses —
 * and answers with that call's envelope. The desktop app never uploads: the preload gives main the path.
 */
import { z } from 'zod';
import type { ApiRequest } from './contract';
import { MAX_IMPORT_BYTES } from './contracts/source-data';

export const UPLOAD_PATH_PREFIX = '/api/upload/';
export const uploadPath = (channel: UploadChannel): string => `${UPLOAD_PATH_PREFIX}${channel}`;
export const UPLOAD_CONTENT_TYPE = 'application/octet-stream';

/** The manifest line is small: names and sizes only. */
export const MAX_MANIFEST_BYTES = 64 * 1024;
/** The largest upload, all files together: the desktop app's import limit, so both modes accept the same files. */
export const MAX_UPLOAD_BYTES = MAX_IMPORT_BYTES;

/** Each channel that takes picked files, how many at once, and its request built from their paths. */
export const uploadChannels = {
  importUsers: {
    maxFiles: 200,
    request: (files: readonly UploadedFile[]): ApiRequest<'importUsers'> => ({ files: [...files] }),
  },
  importAssignments: {
    maxFiles: 1,
    request: (files: readonly UploadedFile[]): ApiRequest<'importAssignments'> => ({ file: files[0]! }),
  },
  importProvisioningLog: {
    maxFiles: 1,
    request: (files: readonly UploadedFile[]): ApiRequest<'importProvisioningLog'> => ({
      source: 'file',
      file: files[0]!,
    }),
  },
} as const;
export type UploadChannel = keyof typeof uploadChannels;
export const isUploadChannel = (name: string): name is UploadChannel => Object.hasOwn(uploadChannels, name);

/** A file for the channel's request: by path (uploaded, or the desktop app's), or as text. */
export type UploadedFile = { name: string; path: string } | { name: string; text: string };

export const uploadManifestSchema = z
  .object({
    files: z
      .array(
        z
          .object({
            name: z.string().min(1).max(260),
            size: z.number().int().nonnegative().max(MAX_UPLOAD_BYTES),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();
export type UploadManifest = z.output<typeof uploadManifestSchema>;

/** The body's first line. */
export function manifestLine(files: readonly { name: string; size: number }[]): string {
  const manifest: UploadManifest = { files: files.map(({ name, size }) => ({ name, size })) };
  return `${JSON.stringify(manifest)}\n`;
}

/** "105 MB": file sizes as the admin's file manager shows them. */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 1_000_000).toLocaleString()} MB`;
  return bytes === 0 ? '0 KB' : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/** Said before a byte is sent (in the window) and again by the server, which does not trust the window. */
export function tooLargeMessage(names: string, bytes: number, limit: number): string {
  const mib = 1024 * 1024;
  const limitText = limit >= mib ? `${Math.round(limit / mib)} MiB` : fileSizeText(limit);
  return `${names} is ${fileSizeText(bytes)}, larger than the ${limitText} an import takes. Nothing was imported.`;
}

export const UPLOAD_BUSY_MESSAGE =
  'Another import is still running. Wait for it to finish, or cancel it, then import again.';
