import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import './global.css';
import { AssistantStateProvider } from './state/assistant-state';
import { AppPathProvider } from './state/app-path';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <AssistantStateProvider>
        <AppPathProvider>
          <App />
        </AppPathProvider>
      </AssistantStateProvider>
    </FluentProvider>
  </StrictMode>,
);
