/**
 * The Monitor analysis kept by main: imported through the contract (dispatch, as both transports do), kept
 * across a restart, replaced by a new import, left alone by a broken file, cleared on request, and in every
 * export format with its diagnosis and counts, redacted and (without the opt-in) with users pseudonymised.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers } from '../../main/api/handlers';
import { createAppContext } from '../../main/app/context';
import { dataFiles } from '../../main/app/data-files';
import { confBacking } from '../../main/settings/node-backing';
import { createTestContext } from '../support/context';
import { exportAs, handlersFor } from '../export/helpers';

const LOGS = 'test/fixtures/provisioning-logs';
const csv = { name: 'entra-download.csv', text: readFileSync(`${LOGS}/entra-download.csv`, 'utf8') };
const graphJson = { name: 'graph-page.json', text: readFileSync(`${LOGS}/graph-page.json`, 'utf8') };
const SAVED_KEY = 'jpa-test-key-0123456789abcdef';

/** The CSV download with the saved key and a bearer token echoed into one failure reason. */
function leakyCsv() {
  const text = csv.text.replace(
    'The target system returned HTTP 401 Unauthorized.',
    `The target system returned HTTP 401 Unauthorized for Authorization: Bearer eyJhbGciOiJIUzI1NiJ9abcdefgh and key ${SAVED_KEY}.`,
  );
  expect(text).toContain(SAVED_KEY);
  return { name: 'leaky.csv', text };
}

describe('Monitor analysis in main', () => {
  it('imports CSV and Graph JSON, survives a restart, refuses a broken file without losing it, clears', async () => {
    const test = await createTestContext();
    try {
      const handlers = createHandlers(test.context);
      const imported = await dispatch(handlers, 'importProvisioningLog', { source: 'file', file: csv });
      if (!imported.ok) throw new Error(imported.error.message);
      const analysis = (imported.value as Awaited<ReturnType<typeof handlers.getMonitorAnalysis>>).analysis!;
      expect(analysis.fileName).toBe('entra-download.csv');
      expect(analysis.summary.total).toBe(17);
      expect(analysis.summary.byStatus.Failure).toBe(8);

      // A broken file: a specific message, and the previous analysis stays.
      const broken = await dispatch(handlers, 'importProvisioningLog', {
        source: 'file',
        file: { name: 'broken.csv', text: readFileSync(`${LOGS}/broken-unclosed-quote.csv`, 'utf8') },
      });
      expect(broken.ok).toBe(false);
      if (!broken.ok) expect(broken.error.message).toContain('Line 4');
      // A request that breaks the contract is refused before the handler runs.
      expect((await dispatch(handlers, 'importProvisioningLog', { source: 'file' })).ok).toBe(false);

      // A restart: a new context on the same data folder reads the same analysis.
      const restarted = await createAppContext({
        transport: 'browser',
        dataDir: test.dataDir,
        env: test.env,
        settingsBacking: confBacking,
      });
      const after = await createHandlers(restarted).getMonitorAnalysis({});
      expect(after.analysis?.fileName).toBe('entra-download.csv');
      expect(after.analysis?.summary.total).toBe(17);

      // A new import replaces it whole.
      const replaced = await handlers.importProvisioningLog({ source: 'file', file: graphJson });
      expect(replaced.analysis?.fileName).toBe('graph-page.json');
      expect(replaced.analysis?.summary.total).not.toBe(17);

      expect((await handlers.clearMonitorAnalysis({})).analysis).toBeNull();
      expect((await handlers.getMonitorAnalysis({})).analysis).toBeNull();
    } finally {
      await test.cleanup();
    }
  });

  it('is in every export format with diagnosis and counts; secrets and (without opt-in) names are not', async () => {
    const test = await createTestContext();
    try {
      const handlers = handlersFor(test.context);
      await handlers.saveConnection({ baseUrl: 'https://acme.jostle.us/scim2', apiKey: SAVED_KEY });
      for (const format of ['markdown', 'json', 'html'] as const) {
        const { content } = await exportAs(handlers, { format, includeUserData: false });
        expect(content).toContain('No provisioning log imported on the Monitor step.');
      }

      await handlers.importProvisioningLog({ source: 'file', file: leakyCsv() });
      // Not on disk either: the stored summary was redacted before it was written.
      expect(readFileSync(dataFiles.monitorAnalysis(test.dataDir), 'utf8')).not.toContain(SAVED_KEY);

      for (const format of ['markdown', 'json', 'html'] as const) {
        const { content } = await exportAs(handlers, { format, includeUserData: false });
        if (format !== 'json') {
          expect(content, format).toContain('Monitor: provisioning log analysis');
          expect(content, format).toContain('Staged deletes held back');
          expect(content, format).toContain('Success 6, Failure 8, Skipped 3');
          expect(content, format).toContain('Quarantine risk');
        }
        expect(content, format).toContain('leaky.csv');
        expect(content, format).toContain('accidental-deletion threshold');
        expect(content, format).toContain('Unauthorized');
        expect(content, format).not.toContain(SAVED_KEY);
        expect(content, format).not.toContain('eyJhbGciOiJIUzI1NiJ9abcdefgh');
        expect(content, format).not.toContain('Priya Nair');
        expect(content, format).not.toContain('priya.nair@contoso.example');
      }
      const json = JSON.parse((await exportAs(handlers, { format: 'json', includeUserData: false })).content);
      expect(json.monitor.total).toBe(17);
      expect(json.monitor.byStatus).toMatchObject({ Success: 6, Failure: 8, Skipped: 3 });
      expect(json.monitor.quarantine.signals.length).toBeGreaterThan(0);
      expect(
        json.monitor.errors.find((group: { code: string }) => group.code === 'Unauthorized'),
      ).toBeTruthy();

      const withUsers = await exportAs(handlers, { format: 'markdown', includeUserData: true });
      expect(withUsers.content).toContain('Priya Nair');
      expect(withUsers.content).not.toContain(SAVED_KEY);
    } finally {
      await test.cleanup();
    }
  });
});
