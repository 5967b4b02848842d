/**
 * Everything the handlers need, built once per run. The Electron and Node entry points differ only in the
 * settings backing store they pass in.
 */
import { mkdirSync } from 'node:fs';
import { NodeSecretClipboard, type SecretClipboard } from '../clipboard';
import { createFileLogger, type Logger } from '../logging/logger';
import { Redactor } from '../logging/redactor';
import { openApiKeyVault, type ApiKeyVault } from '../secrets';
import { openSettings, type BackingStoreFactory, type SettingsStore } from '../settings/settings-store';
import type { ClientSettings } from '../network/client-settings';
import type { AppPath } from '../../shared/app-path/app-path';
import { readAppPath } from './app-path';
import { ConfigurationStore } from './configuration';
import { DryRunSession } from './dry-run-session';
import { JobSlots } from '../jobs/job';
import { JobEvents } from '../jobs/job-events';
import type { ExportSaver } from '../export/saver';
import { EmbeddedMock } from './embedded-mock';
import { PreviewCache } from './preview-cache';
import { ResultsStore } from './results-store';

export interface AppContext {
  /** The desktop app, the browser mode's server, or `npm run cli` (each its own name in logs and exports). */
  transport: 'electron' | 'browser' | 'cli';
  dataDir: string;
  settings: SettingsStore;
  vault: ApiKeyVault;
  redactor: Redactor;
  logger: Logger;
  results: ResultsStore;
  configuration: ConfigurationStore;
  preview: PreviewCache;
  mock: EmbeddedMock;
  dryRun: DryRunSession;
  /** Where jobs publish started / progress / finished; the transports forward them to the window. */
  events: JobEvents;
  /** The job slots (one running job per kind), for the handlers and cancelJob. */
  jobs: JobSlots;
  /** The save dialog of the desktop app; absent in the browser mode and the CLI. */
  exportSaver?: ExportSaver;
  /** How outgoing SCIM requests reach Jostle: the system proxy hook in Electron, environment proxies in Node. */
  network: ClientSettings;
  /** Where "Copy secret token" puts the API key: Electron's clipboard, or the OS's tools in Node. */
  clipboard: SecretClipboard;
  /**
   * Desktop only: a native confirmation dialog shown by main for each "Reveal" (resolves true when the admin
   * confirmed). Absent in the browser mode and the CLI, where revealApiKey is refused.
   */
  confirmReveal?: () => Promise<boolean>;
  /** `--app` on a CLI command: this run's setup path, without changing the saved setting. */
  appPathOverride?: AppPath;
}

export interface AppContextOptions {
  transport: AppContext['transport'];
  dataDir: string;
  env: NodeJS.ProcessEnv;
  settingsBacking: BackingStoreFactory;
  network?: ClientSettings;
  exportSaver?: ExportSaver;
  /** Default: the OS's own clipboard tools (browser mode, CLI, tests). */
  clipboard?: SecretClipboard;
  /** Desktop only; see AppContext.confirmReveal. */
  confirmReveal?: () => Promise<boolean>;
}

export async function createAppContext(options: AppContextOptions): Promise<AppContext> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const redactor = new Redactor();
  const logger = createFileLogger(options.dataDir, redactor);
  const settings = openSettings(options.dataDir, options.settingsBacking);
  const vault = await openApiKeyVault(options.env, redactor);
  // The getter reads the context built below, so a CLI override set later is honoured.
  const configuration = new ConfigurationStore(options.dataDir, () => readAppPath(context));
  // No keychain call at start-up: the vault asks the keychain lazily, bounded in time.
  logger.log('info', 'started', { transport: options.transport });
  const results = new ResultsStore(options.dataDir, redactor);
  const mock = new EmbeddedMock({ saved: () => vault.read() });
  const network = { env: options.env, ...options.network };
  const events = new JobEvents((channel, problem) =>
    logger.log('error', 'dropped an event that breaks the contract', { channel, problem }),
  );
  const jobs = new JobSlots(events);
  const context: AppContext = {
    transport: options.transport,
    dataDir: options.dataDir,
    settings,
    vault,
    redactor,
    logger,
    results,
    configuration,
    preview: new PreviewCache(configuration),
    mock,
    network,
    clipboard: options.clipboard ?? new NodeSecretClipboard({ env: options.env }),
    events,
    jobs,
    dryRun: new DryRunSession({
      appPath: () => readAppPath(context),
      configuration,
      mock,
      vault,
      results,
      logger,
      redactor,
      settings,
      network,
      jobs,
    }),
    ...(options.exportSaver ? { exportSaver: options.exportSaver } : {}),
    ...(options.confirmReveal ? { confirmReveal: options.confirmReveal } : {}),
  };
  return context;
}
