import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { StepId } from '../shared/wizard/steps';
import { api } from './api/client';
import { NavigationProvider, useNavigation } from './components/navigation';
import { ProxySignInDialog } from './components/ProxySignInDialog';
import { StepRail } from './components/StepRail';
import { useAssistant } from './state/assistant-state';
import { AutomationUserStep } from './steps/AutomationUserStep';
import { ConnectionStep } from './steps/ConnectionStep';
import { GalleryStep } from './steps/GalleryStep';
import { PlanStep } from './steps/PlanStep';
import { MappingsStep } from './steps/mappings/MappingsStep';
import { ScopeStep } from './steps/scope/ScopeStep';
import { ConfigureEntraStep } from './steps/configure-entra/ConfigureEntraStep';
import { MonitorStep } from './steps/monitor/MonitorStep';
import { DryRunStep } from './steps/dry-run/DryRunStep';
import { ExportStep } from './steps/export/ExportStep';
import { DiagnosticsPanel } from './tools/DiagnosticsPanel';
import { MockJostlePanel } from './tools/MockJostlePanel';
import { EntraPanel } from './tools/entra/EntraPanel';

const useStyles = makeStyles({
  shell: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    height: '100vh',
    background: tokens.colorNeutralBackground2,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    background: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  columns: { display: 'grid', gridTemplateColumns: '300px 1fr', minHeight: 0 },
  rail: {
    background: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  main: { overflowY: 'auto', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}` },
  notices: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  centered: { display: 'grid', placeItems: 'center', height: '100vh' },
  lostBanner: {
    position: 'fixed',
    top: tokens.spacingVerticalM,
    left: '50%',
    transform: 'translateX(-50%)',
    zIndex: 20,
    width: 'min(720px, calc(100vw - 32px))',
    boxShadow: tokens.shadow16,
  },
  // Visible only while focused: the first Tab stop, so keyboard users skip the ten-step sidebar.
  skipLink: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 10,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    background: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `2px solid ${tokens.colorStrokeFocus2}`,
    ':focus': { top: tokens.spacingVerticalS },
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

function StepPanel({ stepId }: { stepId: StepId }) {
  switch (stepId) {
    case 'plan':
      return <PlanStep />;
    case 'automation-user':
      return <AutomationUserStep />;
    case 'connection':
      return <ConnectionStep />;
    case 'gallery':
      return <GalleryStep />;
    case 'scope':
      return <ScopeStep />;
    case 'mappings':
      return <MappingsStep />;
    case 'dry-run':
      return <DryRunStep />;
    case 'export':
      return <ExportStep />;
    case 'configure-entra':
      return <ConfigureEntraStep />;
    case 'monitor':
      return <MonitorStep />;
  }
}

export function App() {
  return (
    <NavigationProvider>
      <Shell />
    </NavigationProvider>
  );
}

function Shell() {
  const styles = useStyles();
  const { appInfo, settings, loadError, setSettings, refresh } = useAssistant();
  // Tools are not steps: which one is open is not saved, the wizard reopens on the current step.
  const { tool, openTool, goToStep, announcement } = useNavigation();

  // Lost after the page loaded: keep the page, say so above it, and block its actions until it is back.
  const lost = loadError !== null && settings !== null && appInfo !== null;
  if (loadError && !lost) {
    return (
      <div className={styles.centered}>
        <MessageBar intent="error">
          <MessageBarBody>{loadError}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void refresh()}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      </div>
    );
  }
  if (!settings || !appInfo) {
    return (
      <div className={styles.centered}>
        <Spinner label="Loading your progress…" />
      </div>
    );
  }

  return (
    <div className={styles.shell} data-app-state={lost ? 'lost' : 'loaded'}>
      {lost && (
        <div className={styles.lostBanner}>
          <MessageBar intent="error" layout="multiline" role="alert" data-testid="background-lost">
            <MessageBarBody>
              {loadError} What you see below is how the page was; nothing can be changed until it is back.
            </MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={() => void refresh()} data-testid="background-retry">
                Try again
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      )}
      <ProxySignInDialog />
      <a
        className={styles.skipLink}
        href="#content"
        onClick={(event) => {
          event.preventDefault();
          document.querySelector<HTMLElement>('#step-title, #tool-title')?.focus();
        }}
      >
        {tool ? 'Skip to the tool' : 'Skip to the step'}
      </a>
      <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="step-announcement">
        {announcement}
      </div>
      <header className={styles.header}>
        <Text className={styles.title}>Jostle Provisioning Assistant</Text>
        <Text>Microsoft Entra ID → Jostle user provisioning</Text>
        {appInfo.transport === 'browser' && (
          <Badge
            appearance="tint"
            color="informative"
            title="Running in your browser; the assistant’s server is on this computer only."
          >
            Browser mode
          </Badge>
        )}
        <Text size={200} style={{ marginLeft: 'auto', color: tokens.colorNeutralForeground3 }}>
          v{appInfo.version}
        </Text>
      </header>
      <div className={styles.columns} inert={lost} data-testid="app-columns">
        <aside className={styles.rail}>
          <StepRail
            current={tool ?? settings.currentStep}
            statuses={settings.stepStatus}
            onSelect={goToStep}
            onSelectTool={openTool}
          />
        </aside>
        <main className={styles.main} id="content">
          {settings.notices.length > 0 && (
            <div className={styles.notices}>
              {settings.notices.map((notice) => (
                <MessageBar key={notice.id} intent={notice.level} data-testid={`notice-${notice.id}`}>
                  <MessageBarBody>{notice.message}</MessageBarBody>
                  <MessageBarActions>
                    <Button onClick={() => void api.dismissNotice({ id: notice.id }).then(setSettings)}>
                      Dismiss
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              ))}
            </div>
          )}
          {tool === 'mock' && <MockJostlePanel />}
          {tool === 'diagnostics' && <DiagnosticsPanel />}
          {tool === 'entra' && <EntraPanel />}
          {tool === null && <StepPanel stepId={settings.currentStep} />}
        </main>
      </div>
    </div>
  );
}
