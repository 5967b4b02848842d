/**
 * The Monitor step's analysis, kept by main (shared/api/contracts/monitor): loaded when the step opens, so
 * it survives a restart; a new import replaces it; a file that cannot be read leaves it as it was.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/uploads';
import { api } from '../../api/client';
import { importPickedFiles } from '../../api/file-import';
import { messageOf } from '../../text';

export type MonitorAnalysis = NonNullable<ApiResponse<'getMonitorAnalysis'>['analysis']>;

export interface MonitorAnalysisState {
  analysis: MonitorAnalysis | null;
  /** The last import that failed: its file and why. Cleared by the next success. */
  failure: { fileName: string; message: string } | null;
  busy: 'file' | 'graph' | 'clear' | null;
  importFile(file: File): Promise<void>;
  readFromGraph(): Promise<void>;
  clear(): Promise<void>;
}

export function useMonitorAnalysis(): MonitorAnalysisState {
  const [analysis, setAnalysis] = useState<MonitorAnalysis | null>(null);
  const [failure, setFailure] = useState<MonitorAnalysisState['failure']>(null);
  const [busy, setBusy] = useState<MonitorAnalysisState['busy']>(null);

  useEffect(() => {
    let live = true;
    api
      .getMonitorAnalysis({})
      .then((state) => live && setAnalysis(state.analysis))
      .catch(
        (error: unknown) => live && setFailure({ fileName: 'the saved analysis', message: messageOf(error) }),
      );
    return () => {
      live = false;
    };
  }, []);

  const run = useCallback(
    async (
      kind: 'file' | 'graph' | 'clear',
      fileName: string,
      work: () => Promise<{ analysis: MonitorAnalysis | null }>,
    ) => {
      setBusy(kind);
      try {
        setAnalysis((await work()).analysis);
        setFailure(null);
      } catch (error) {
        setFailure({ fileName, message: messageOf(error) });
      } finally {
        setBusy(null);
      }
    },
    [],
  );

  return {
    analysis,
    failure,
    busy,
    importFile: (file) =>
      run('file', file.name, async () => {
        // The limit every import has (main reads the file); said here in the terms of Entra's download.
        if (file.size > MAX_UPLOAD_BYTES) {
          throw new Error(
            `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB. Narrow the date range in Entra and download again.`,
          );
        }
        // By path in the desktop app, streamed to main in browser mode: never read whole into the page.
        return importPickedFiles('importProvisioningLog', [file], {
          onSent: () => undefined,
          signal: new AbortController().signal,
        });
      }),
    readFromGraph: () =>
      run('graph', 'Microsoft Graph', () => api.importProvisioningLog({ source: 'graph' })),
    clear: () => run('clear', 'the analysis', () => api.clearMonitorAnalysis({})),
  };
}
