/**
 * Holds what the wizard shows (settings, connection status, app info) and the calls that change it.
 * Every change goes through main and the view is replaced by main's answer, so the UI never drifts
 * from what is saved.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiResponse, ConnectionStatus, SettingsView } from '../../shared/api/contract';
import { api, BACKGROUND_STOPPED, onBackgroundLost } from '../api/client';
import { messageOf } from '../text';

interface AssistantState {
  appInfo: ApiResponse<'getAppInfo'> | null;
  settings: SettingsView | null;
  connection: ConnectionStatus | null;
  loadError: string | null;
  setSettings(view: SettingsView): void;
  setConnection(status: ConnectionStatus): void;
  refresh(): Promise<void>;
}

const Context = createContext<AssistantState | null>(null);

type Loaded =
  { info: ApiResponse<'getAppInfo'>; view: SettingsView; status: ConnectionStatus } | { error: string };

async function loadEverything(): Promise<Loaded> {
  try {
    const [info, view, status] = await Promise.all([
      api.getAppInfo({}),
      api.getSettings({}),
      api.getConnectionStatus({}),
    ]);
    return { info, view, status };
  } catch (error) {
    return { error: messageOf(error) };
  }
}

export function AssistantStateProvider({ children }: { children: ReactNode }) {
  const [appInfo, setAppInfo] = useState<AssistantState['appInfo']>(null);
  const [settings, setSettingsState] = useState<SettingsView | null>(null);
  const [connection, setConnectionState] = useState<ConnectionStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const apply = useCallback((loaded: Loaded) => {
    if ('error' in loaded) return setLoadError(loaded.error);
    setAppInfo(loaded.info);
    setSettingsState(loaded.view);
    setConnectionState(loaded.status);
    setLoadError(null);
  }, []);

  const refresh = useCallback(async () => apply(await loadEverything()), [apply]);

  // Any call that finds the background process gone puts the window in the "stopped" state at once.
  useEffect(() => onBackgroundLost(() => setLoadError(BACKGROUND_STOPPED)), []);

  useEffect(() => {
    let current = true;
    void loadEverything().then((loaded) => current && apply(loaded));
    return () => {
      current = false;
    };
  }, [apply]);

  // Saving a key changes the connection step's status, so refresh settings along with it.
  const setConnection = useCallback((status: ConnectionStatus) => {
    setConnectionState(status);
    void api.getSettings({}).then(setSettingsState);
  }, []);

  const value = useMemo(
    () => ({
      appInfo,
      settings,
      connection,
      loadError,
      setSettings: setSettingsState,
      setConnection,
      refresh,
    }),
    [appInfo, settings, connection, loadError, setConnection, refresh],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAssistant(): AssistantState {
  const state = useContext(Context);
  if (!state) throw new Error('useAssistant must be used inside AssistantStateProvider');
  return state;
}
