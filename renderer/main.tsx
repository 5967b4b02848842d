import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './global.css';
import { AssistantStateProvider } from './state/assistant-state';
import { ThemeFromSystem } from './theme';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeFromSystem>
      <AssistantStateProvider>
        <App />
      </AssistantStateProvider>
    </ThemeFromSystem>
  </StrictMode>,
);
