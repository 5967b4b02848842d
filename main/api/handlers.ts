/**
 * The handler table: plain async functions over the app context, with no Electron in sight, so the
 * same code serves the desktop window, the browser mode and the tests.
 */
import type { AppContext } from '../app/context';
import { appVersion } from '../app/version';
import { clipboardHandlers } from './clipboard-handlers';
import { connectionHandlers } from './connection-handlers';
import { dryRunHandlers } from './dry-run-handlers';
import { entraHandoffHandlers } from './entra-handoff-handlers';
import { entraSchemaHandlers } from './entra-schema-handlers';
import { exportHandlers } from './export-handlers';
import { graphHandlers } from './graph-handlers';
import { mappingHandlers } from './mapping-handlers';
import { mockHandlers } from './mock-handlers';
import { networkHandlers } from './network-handlers';
import { probeHandlers } from './probe-handlers';
import { proxySignInHandlers } from './proxy-sign-in-handlers';
import { settingsHandlers } from './settings-handlers';
import { appPathHandlers } from './app-path-handlers';
import { sourceDataHandlers } from './source-data-handlers';
import { jobHandlers } from './job-handlers';
import { monitorHandlers } from './monitor-handlers';

import type { HandlerTable } from './handler-table';

export type { HandlerTable } from './handler-table';

export function createHandlers(context: AppContext): HandlerTable {
  const graph = graphHandlers(context);
  return {
    getAppInfo: async () => ({
      name: 'Jostle Provisioning Assistant',
      version: appVersion(),
      platform: process.platform,
      transport: context.transport,
      dataDir: context.dataDir,
    }),
    ...settingsHandlers(context),
    ...connectionHandlers(context),
    ...mockHandlers(context),
    ...probeHandlers(context),
    ...jobHandlers(context),
    ...sourceDataHandlers(context),
    ...mappingHandlers(context),
    ...dryRunHandlers(context),
    ...exportHandlers(context),
    ...entraHandoffHandlers(context),
    ...networkHandlers(context),
    ...proxySignInHandlers(context),
    ...clipboardHandlers(context),
    ...appPathHandlers(context),
    ...entraSchemaHandlers(context),
    ...graph,
    ...monitorHandlers(context, () => graph.graphProvisioningLogs({})),
  };
}
