/**
 * The Monitor step's analysis, kept by main (shared/api/contracts/monitor): loaded when the step opens, so
 * it survives a restart; a new import replaces it; a file that cannot be read leaves it as it was.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { api, pathOfPickedFile } from '../../api/client';
import { messageOf } from '../../text';

export type MonitorAnalysis = NonNullable<ApiResponse<'getMonitorAnalysis'>['analysis']>;

/** Larger downloads are refused before they are read into the page. */
const MAX_BYTES = 100 * 1024 * 1024;

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
        if (file.size > MAX_BYTES) {
          throw new Error(
            'The file is larger than 100 MB. Narrow the date range in Entra and download again.',
          );
        }
        const path = pathOfPickedFile(file);
        return api.importProvisioningLog({
          source: 'file',
          file: path ? { name: file.name, path } : { name: file.name, text: await file.text() },
        });
      }),
    readFromGraph: () =>
      run('graph', 'Microsoft Graph', () => api.importProvisioningLog({ source: 'graph' })),
    clear: () => run('clear', 'the analysis', () => api.clearMonitorAnalysis({})),
  };
}
