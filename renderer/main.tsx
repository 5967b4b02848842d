import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './global.css';
import { AssistantStateProvider } from './state/assistant-state';
import { ThemeFromSystem } from './theme';
import { AppPathProvider } from './state/app-path';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeFromSystem>
      <AssistantStateProvider>
        <AppPathProvider>
          <App />
        </AppPathProvider>
      </AssistantStateProvider>
    </ThemeFromSystem>
  </StrictMode>,
);
