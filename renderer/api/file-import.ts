/**
 * Hands picked files to an import without reading them in the window. In the desktop app the preload gives
 * each file's path and main reads it from disk; in the browser mode the browser streams the files' bytes to
 * the loopback server (shared/api/uploads.ts), which calls the same path-based import. Either way the
 * window never holds the file as a string, so a 100 MB user list cannot freeze it.
 *
 * XMLHttpRequest rather than fetch: it streams a Blob body the same way and is the web platform's one way
 * to hear how many bytes were sent (fetch has no upload progress over HTTP/1.1).
 */
import type { ApiResponse } from '../../shared/api/contract';
import { ApiError, type ApiEnvelope, type ApiErrorCode } from '../../shared/api/errors';
import {
  manifestLine,
  MAX_UPLOAD_BYTES,
  tooLargeMessage,
  UPLOAD_CONTENT_TYPE,
  uploadChannels,
  uploadPath,
  type UploadChannel,
} from '../../shared/api/uploads';
import {
  api,
  BACKGROUND_STOPPED,
  LOST_TOKEN,
  notifyBackgroundLost,
  pathOfPickedFile,
  runningInElectron,
  unwrap,
} from './client';

/** The admin's own Cancel, told apart from a failure so the window can say it calmly. */
export class ImportCancelled extends ApiError {
  constructor() {
    super('invalid-request', 'You cancelled the import.');
  }
}

const codeOfStatus: Record<number, ApiErrorCode> = {
  409: 'busy',
  413: 'invalid-request',
  400: 'invalid-request',
};

function upload<C extends UploadChannel>(
  channel: C,
  files: readonly File[],
  onSent: (bytes: number) => void,
  signal: AbortSignal,
): Promise<ApiResponse<C>> {
  const manifest = manifestLine(files);
  const manifestBytes = new TextEncoder().encode(manifest).length;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `.${uploadPath(channel)}`);
    xhr.setRequestHeader('Content-Type', UPLOAD_CONTENT_TYPE);
    xhr.upload.onprogress = (event) => onSent(Math.max(0, event.loaded - manifestBytes));
    xhr.onerror = () => {
      notifyBackgroundLost();
      reject(new ApiError('not-available', BACKGROUND_STOPPED));
    };
    xhr.onabort = () => reject(new ImportCancelled());
    xhr.onload = () => {
      if (xhr.status === 401) return reject(new ApiError('invalid-request', LOST_TOKEN));
      if (xhr.status !== 200)
        return reject(new ApiError(codeOfStatus[xhr.status] ?? 'internal', xhr.responseText));
      try {
        resolve(unwrap(JSON.parse(xhr.responseText) as ApiEnvelope<ApiResponse<C>>));
      } catch (error) {
        reject(error instanceof ApiError ? error : new ApiError('not-available', BACKGROUND_STOPPED));
      }
    };
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    onSent(0);
    // A Blob of the manifest and the Files themselves: the browser reads them from disk as it sends.
    xhr.send(new Blob([manifest, ...files]));
  });
}

/**
 * Imports `files` through `channel`: by path in the desktop app, streamed in the browser mode. `onSent`
 * hears the bytes sent so far (browser mode only); aborting `signal` stops the upload, and the user import
 * job too once it runs.
 */
export async function importPickedFiles<C extends UploadChannel>(
  channel: C,
  files: readonly File[],
  { onSent, signal }: { onSent(bytes: number): void; signal: AbortSignal },
): Promise<ApiResponse<C>> {
  const size = files.reduce((sum, file) => sum + file.size, 0);
  if (size > MAX_UPLOAD_BYTES) {
    const names = files.map((file) => file.name).join(', ');
    throw new ApiError('invalid-request', tooLargeMessage(names, size, MAX_UPLOAD_BYTES));
  }
  if (channel === 'importUsers')
    signal.addEventListener('abort', () => void api.cancelJob({ channel: 'importJob' }), { once: true });
  const paths = files.map((file) => pathOfPickedFile(file));
  if (paths.every((path) => path !== null)) {
    const request = uploadChannels[channel].request(
      files.map((file, at) => ({ name: file.name, path: paths[at]! })),
    );
    const call = api[channel] as (request: unknown) => Promise<ApiResponse<C>>;
    return call(request).catch((error: unknown) => {
      throw signal.aborted ? new ImportCancelled() : error;
    });
  }
  if (runningInElectron()) {
    // A file Electron gives no path for (dropped from another app's memory): its text over IPC, as before.
    const request = uploadChannels[channel].request(
      await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() }))),
    );
    return (api[channel] as (request: unknown) => Promise<ApiResponse<C>>)(request);
  }
  return upload(channel, files, onSent, signal).catch((error: unknown) => {
    throw signal.aborted ? new ImportCancelled() : error;
  });
}
