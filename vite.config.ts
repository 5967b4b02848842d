import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { apiChannels } from './shared/api/contract';

export default defineConfig({
  root: 'renderer',
  // Relative asset paths work both under the app:// protocol (Electron) and on the loopback server.
  base: './',
  plugins: [react()],
  // The renderer needs only the channel names; the zod schemas stay in main (which validates both ways).
  define: { __API_CHANNELS__: JSON.stringify(apiChannels) },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Fluent UI is large; a single chunk keeps the CSP simple (script-src 'self') and loads from disk anyway.
    chunkSizeWarningLimit: 2500,
  },
});
