/**
 * Files the admin picked, given to an import by path (desktop app) or as text (browser mode). A path is
 * read here, in the handler host, so a 100,000-user file never crosses IPC as one string. Since a path comes
 * from the window, only what an import accepts is read: a regular file with an expected extension, within
 * the size limit.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { MAX_IMPORT_BYTES } from '../../shared/api/contracts/source-data';

export interface PickedFile {
  name: string;
  text?: string | undefined;
  path?: string | undefined;
}

export async function readPickedFile(
  file: PickedFile,
  extensions: readonly string[],
): Promise<{ name: string; text: string }> {
  if (file.text !== undefined) return { name: file.name, text: file.text };
  const path = file.path!;
  if (!extensions.includes(extname(path).toLowerCase())) {
    throw new ApiError(
      'invalid-request',
      `${file.name} was not read: pick a ${extensions.join(' or ')} file.`,
    );
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ApiError('invalid-request', `${file.name} could not be opened (${code}).`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ApiError('invalid-request', `${file.name} is not a file.`);
    if (stat.size > MAX_IMPORT_BYTES) {
      throw new ApiError(
        'invalid-request',
        `${file.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB and was not imported.`,
      );
    }
    return { name: file.name, text: await handle.readFile('utf8') };
  } finally {
    await handle.close();
  }
}
