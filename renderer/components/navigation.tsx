import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { steps, type StepId } from '../../shared/wizard/steps';
import { api } from '../api/client';
import { useAssistant } from '../state/assistant-state';
import type { ToolId } from './StepRail';

interface Navigation {
  /** Goes to a step: saves it as the current step, moves focus to its heading and announces it. */
  goToStep(stepId: StepId): void;
  /** Opens a tool (not saved: the wizard reopens on the current step). */
  openTool(tool: ToolId | null): void;
  tool: ToolId | null;
  /** Counts navigations; 0 until the admin first moves, so the first page load keeps focus where it is. */
  navigations: number;
  announcement: string;
}

const NavigationContext = createContext<Navigation | null>(null);

const toolTitles: Record<ToolId, string> = {
  mock: 'Mock Jostle',
  diagnostics: 'Diagnostics',
  entra: 'Entra (Microsoft Graph)',
};

export function NavigationProvider({ children }: { children: ReactNode }) {
  const { setSettings } = useAssistant();
  const [tool, setTool] = useState<ToolId | null>(null);
  const [navigations, setNavigations] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const goToStep = useCallback(
    (stepId: StepId) => {
      setTool(null);
      void api.setCurrentStep({ stepId }).then((settings) => {
        setSettings(settings);
        const index = steps.findIndex((step) => step.id === stepId);
        setAnnouncement(`Step ${index + 1} of ${steps.length}: ${steps[index]!.title}`);
        setNavigations((count) => count + 1);
      });
    },
    [setSettings],
  );
  const openTool = useCallback((next: ToolId | null) => {
    setTool(next);
    if (next) setAnnouncement(`Tool: ${toolTitles[next]}`);
    setNavigations((count) => count + 1);
  }, []);

  const value = useMemo(
    () => ({ goToStep, openTool, tool, navigations, announcement }),
    [goToStep, openTool, tool, navigations, announcement],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation needs a NavigationProvider');
  return navigation;
}

/**
 * Focuses the page heading after each navigation, so keyboard and screen-reader users land on the new step
 * instead of staying in the sidebar. The heading takes focus programmatically only (tabIndex -1).
 */
export function useHeadingFocus<T extends HTMLElement>() {
  const { navigations } = useNavigation();
  const ref = useRef<T>(null);
  useEffect(() => {
    if (navigations > 0) ref.current?.focus();
  }, [navigations]);
  return ref;
}
