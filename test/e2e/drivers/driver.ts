import type { Page } from '@playwright/test';

/** What a spec needs from the app, whichever way it runs. */
export interface AssistantDriver {
  readonly page: Page;
  readonly dataDir: string;
  /** Bodies of every API answer the UI received (browser mode); IPC answers are not observable from here. */
  readonly apiResponses: string[];
  /** Everything the app printed on stdout and stderr. */
  output(): string;
  /**
   * Makes the next export land in `filePath` and resolves with its text once written: a download in the
   * browser mode, the save dialog (answered here) in Electron.
   */
  saveNextExport(filePath: string, trigger: () => Promise<void>): Promise<string>;
  /** Browser mode only: stops the background server and leaves the page open, as a crash would. */
  stopBackgroundProcess?(): Promise<void>;
  /** Stops the app and starts it again on the same data folder and keychain item. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface DriverOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
}
