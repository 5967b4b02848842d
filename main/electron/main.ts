/** Electron entry point (bundled as out/main/electron.js); everything is in desktop-app.ts. */
import { startDesktopApp } from './desktop-app';

startDesktopApp();
