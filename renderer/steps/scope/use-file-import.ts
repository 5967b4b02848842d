import { useCallback, useRef, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import type { UploadChannel } from '../../../shared/api/uploads';
import { importPickedFiles } from '../../api/file-import';

/** What the Scope step shows of an import from the moment a file is picked: nothing here comes from main yet. */
export interface ImportRun {
  /** Tells one run from the next, also of the same file. */
  id: number;
  channel: UploadChannel;
  fileName: string;
  totalBytes: number;
  /** Bytes the browser has sent to the assistant; null in the desktop app, where main reads the file itself. */
  sentBytes: number | null;
}

/** Sent-bytes updates at most this often: the text cannot be read faster, and each one re-renders. */
const REPAINT_MS = 100;

/** Runs one import at a time and keeps its progress as a few numbers, never the file's content. */
export function useFileImport() {
  const [run, setRun] = useState<ImportRun | null>(null);
  const controller = useRef<AbortController | null>(null);
  const runs = useRef(0);

  const start = useCallback(
    async <C extends UploadChannel>(channel: C, files: readonly File[]): Promise<ApiResponse<C>> => {
      const abort = new AbortController();
      controller.current = abort;
      let shown = -Infinity;
      runs.current += 1;
      setRun({
        id: runs.current,
        channel,
        fileName: files.map((file) => file.name).join(', '),
        totalBytes: files.reduce((sum, file) => sum + file.size, 0),
        sentBytes: null,
      });
      try {
        return await importPickedFiles(channel, files, {
          signal: abort.signal,
          onSent: (bytes) => {
            const now = performance.now();
            if (now - shown < REPAINT_MS) return;
            shown = now;
            setRun((current) => current && { ...current, sentBytes: bytes });
          },
        });
      } finally {
        if (controller.current === abort) {
          controller.current = null;
          setRun(null);
        }
      }
    },
    [],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { run, start, cancel };
}
