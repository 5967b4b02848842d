import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import './global.css';
import { AssistantStateProvider } from './state/assistant-state';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <AssistantStateProvider>
        <App />
      </AssistantStateProvider>
    </FluentProvider>
  </StrictMode>,
);
