/**
 * The setup path (gallery or custom app) as the wizard shows it: read from main once, changed only through
 * main, so every step and the saved setting agree.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_APP_PATH, type AppPath } from '../../shared/app-path/app-path';
import { api } from '../api/client';

interface AppPathState {
  appPath: AppPath;
  /** False until main has answered: steps show the gallery path meanwhile. */
  loaded: boolean;
  setAppPath(appPath: AppPath): Promise<void>;
}

const Context = createContext<AppPathState | null>(null);

export function AppPathProvider({ children }: { children: ReactNode }) {
  const [appPath, setState] = useState<AppPath>(DEFAULT_APP_PATH);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let current = true;
    void api
      .getAppPath({})
      .then((answer) => current && (setState(answer.appPath), setLoaded(true)))
      .catch(() => current && setLoaded(true));
    return () => {
      current = false;
    };
  }, []);
  const setAppPath = useCallback(async (next: AppPath) => {
    const answer = await api.setAppPath({ appPath: next });
    setState(answer.appPath);
  }, []);
  const value = useMemo(() => ({ appPath, loaded, setAppPath }), [appPath, loaded, setAppPath]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAppPath(): AppPathState {
  const state = useContext(Context);
  if (!state) throw new Error('useAppPath needs an AppPathProvider');
  return state;
}
