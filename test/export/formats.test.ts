/**
 * Each format carries every section, with the values of a real run: probes against the real mock (with a
 * fault, so some fail with a remedy), a real small dry run with errors, a saved mapping and scope, imports.
 */
import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appVersion } from '../../main/app/version';
import { escapeHtml } from '../../main/export/render-html';
import { escapeMarkdown } from '../../main/export/render-markdown';
import { probesSection } from '../../main/export/collect-results';
import { GALLERY_DEFAULT_CONFIG } from '../../shared/mapping';
import type { SupportExport } from '../../main/export';
import type { ProbeReportView } from '../../shared/api/contract';
import type { DryRunSummary } from '../../shared/provisioning/summary';
import { generateSyntheticTenant } from '../../shared/source-data';
import { createTestContext, type TestContext } from '../support/context';
import {
  exportAs,
  handlersFor,
  runMockProbes,
  runSmallDryRun,
  saveImports,
  saveMapping,
  saveScope,
  type ExportTable,
} from './helpers';

const KEY = 'jpa-format-test-key-8c1d2e3f4a5b';
const SECTION_TITLES = [
  'About this export',
  'Jostle connection',
  'Network: proxy and certificates',
  'Wizard progress',
  'Attribute mapping',
  'Scoping',
  'Latest probe results',
  'Latest dry run',
  'Monitor: provisioning log analysis',
  'Imported data',
];
const SCRIPT_NAME = '<script>alert("x")</script>';

let test: TestContext;
let handlers: ExportTable;
let report: ProbeReportView;
let dryRun: DryRunSummary;
let fingerprint: string;
const exports: Record<string, { plain: string; withUsers: string }> = {};

beforeAll(async () => {
  test = await createTestContext();
  handlers = handlersFor(test.context);
  await handlers.saveConnection({ baseUrl: 'https://acme.jostle.us/scim2/acme-tenant-path', apiKey: KEY });
  fingerprint = (await test.context.vault.status()).fingerprint!;
  for (const itemId of ['created', 'signed-in-once']) {
    await handlers.setChecklistItem({ stepId: 'automation-user', itemId, checked: true });
  }
  const [userName, ...rest] = GALLERY_DEFAULT_CONFIG.mappings;
  saveMapping(test.dataDir, {
    version: 1,
    mappings: [
      userName!,
      ...rest.slice(0, 4),
      { type: 'Direct', source: 'jobTitle', target: 'title', apply: 'Always' },
      { type: 'Direct', source: 'department', target: 'noSuchTarget', apply: 'Always' },
    ],
  });
  saveScope(test.dataDir, {
    version: 1,
    scope: 'assignedOnly',
    filters: [
      { title: 'Sales only', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] },
    ],
  });
  const { users, assignments } = generateSyntheticTenant({ users: 4, seed: 3 });
  users[0] = { ...users[0]!, attributes: { ...users[0]!.attributes, displayName: SCRIPT_NAME } };
  saveImports(test.dataDir, users, assignments);
  await handlers.importProvisioningLog({
    source: 'file',
    file: {
      name: 'entra-download.csv',
      text: readFileSync('test/fixtures/provisioning-logs/entra-download.csv', 'utf8'),
    },
  });
  // A 500 on discovery makes some probes fail with a remedy and an error in their evidence.
  report = await runMockProbes(handlers, [{ kind: 'serverError', endpoint: 'discovery' }]);
  dryRun = await runSmallDryRun(test.context, { faults: [{ kind: 'conflict', endpoint: 'create' }] });
  for (const format of ['markdown', 'json', 'html'] as const) {
    exports[format] = {
      plain: (await exportAs(handlers, { format, includeUserData: false })).content,
      withUsers: (await exportAs(handlers, { format, includeUserData: true })).content,
    };
  }
}, 60_000);

afterAll(async () => {
  await test.context.mock.stop();
  await test.cleanup();
});

describe('support export from a real run', () => {
  it('ran what it claims: failing probes with remedies, a dry run with errors', () => {
    expect(report.counts.fail).toBeGreaterThan(0);
    expect(report.probes.some((probe) => probe.status === 'fail' && probe.remedy)).toBe(true);
    expect(dryRun.firstErrors.length).toBeGreaterThan(0);
    expect(dryRun.firstErrors[0]!.errorCode).toBe('EntryConflict');
  });

  for (const [format, escape] of [
    ['markdown', escapeMarkdown],
    ['html', escapeHtml],
  ] as const) {
    it(`${format}: every section, with the values of the run`, () => {
      const text = exports[format]!.plain;
      for (const title of SECTION_TITLES) expect(text).toContain(escape(title));
      const must = [
        appVersion(),
        release(),
        'acme.jostle.us',
        fingerprint,
        'Secret Service keyring',
        'Jostle automation user',
        'Sync only assigned users and groups',
        'department EQUALS "Sales"',
        'Jostle has no target attribute "noSuchTarget"',
        'title',
        `${report.counts.pass} passed, ${report.counts.warn} warned, ${report.counts.fail} failed`,
        `Create Failure: ${dryRun.cycles[0]!.counts.Create.Failure}`,
        'EntryConflict',
        'Users',
        'entra-download.csv',
        'Success 6, Failure 8, Skipped 3',
      ];
      if (process.platform !== 'linux') must.splice(must.indexOf('Secret Service keyring'), 1);
      for (const value of must) expect(text).toContain(escape(value));
      for (const probe of probesSection(report).results) {
        expect(text).toContain(escape(probe.title));
        expect(text).toContain(escape(probe.summary));
        if (probe.remedy) expect(text).toContain(escape(probe.remedy));
        if (probe.firstEvidence) expect(text).toContain(escape(probe.firstEvidence));
      }
      // Host only: the Base URL's path, the key and personal data stay out.
      expect(text).not.toContain('acme-tenant-path');
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('alert');
    });
  }

  it('json: every section, with the values of the run', () => {
    const model = JSON.parse(exports.json!.plain) as SupportExport & { notYet: Record<string, string> };
    expect(Object.keys(model)).toEqual(
      expect.arrayContaining([
        'about',
        'connection',
        'network',
        'steps',
        'mapping',
        'scoping',
        'probes',
        'dryRun',
        'importedData',
      ]),
    );
    expect(model.about).toMatchObject({ assistantVersion: appVersion(), os: { release: release() } });
    expect(model.connection).toMatchObject({
      baseUrlHost: 'acme.jostle.us',
      key: { saved: true, fingerprint },
    });
    expect(model.network.proxy.mode).toMatch(/^(direct|environment)$/);
    expect(model.steps.done).toContain('automation-user');
    expect(model.mapping).toMatchObject({
      origin: 'saved',
      galleryTargetsMissing: expect.arrayContaining(['emails[type eq "personal"].value']),
    });
    expect(model.mapping.mappings.find((row) => row.target === 'title')).toMatchObject({
      differsFromGallery: true,
    });
    expect(model.scoping.filters).toEqual([{ title: 'Sales only', clauses: ['department EQUALS "Sales"'] }]);
    expect(model.probes).toMatchObject({ target: 'mock', counts: report.counts, ok: report.ok });
    expect(model.probes!.results).toEqual(probesSection(report).results);
    expect(model.dryRun).toMatchObject({ target: 'mock', errorCount: dryRun.firstErrors.length });
    expect(model.dryRun!.firstErrors[0]).toMatchObject({ errorCode: 'EntryConflict', user: 'user 1' });
    expect(model.importedData).toMatchObject({ userDataIncluded: false, users: { count: 4 } });
    expect(model.importedData.users!.list).toBeUndefined();
    expect(model.notYet).toEqual({});
    expect(exports.json!.plain).not.toContain('acme-tenant-path');
  });

  it('leaves imported user data out unless asked, in every format', () => {
    const model = JSON.parse(exports.json!.withUsers) as SupportExport;
    const upn = model.importedData.users!.list![0]!.userPrincipalName;
    const firstErrorUser = dryRun.firstErrors[0]!.user;
    for (const format of ['markdown', 'json', 'html']) {
      expect(exports[format]!.plain).not.toContain(upn);
      expect(exports[format]!.plain).not.toContain(firstErrorUser);
      expect(exports[format]!.withUsers).toContain(upn);
      expect(exports[format]!.withUsers).toContain(firstErrorUser);
    }
  });

  it('html: self-contained, no script, every value escaped', () => {
    const html = exports.html!.withUsers;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).toContain(escapeHtml(SCRIPT_NAME));
    expect(html).toContain("default-src 'none'");
    for (const id of [
      'about',
      'connection',
      'network',
      'progress',
      'mapping',
      'scoping',
      'probes',
      'dry-run',
      'imported-data',
    ]) {
      expect(html).toContain(`<section id="${id}">`);
    }
  });

  it('markdown: a user named like a script stays text', () => {
    const markdown = exports.markdown!.withUsers;
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain(escapeMarkdown(SCRIPT_NAME));
  });
});

describe('support export before anything ran', () => {
  it('says plainly what has not happened yet, in every format', async () => {
    const fresh = await createTestContext();
    try {
      const table = handlersFor(fresh.context);
      const markdown = (await exportAs(table, { format: 'markdown', includeUserData: false })).content;
      const html = (await exportAs(table, { format: 'html', includeUserData: false })).content;
      const json = JSON.parse(
        (await exportAs(table, { format: 'json', includeUserData: false })).content,
      ) as SupportExport & { notYet: Record<string, string> };
      for (const text of [markdown, html]) {
        expect(text).toContain('Not run yet: no probes have been run');
        expect(text).toContain('Not run yet: no dry run has been made');
        expect(text).toContain('No users imported yet');
        expect(text).toContain('not saved yet');
        expect(text).toContain('gallery app');
      }
      expect(json).toMatchObject({
        probes: null,
        dryRun: null,
        connection: { baseUrlHost: null, key: { saved: false } },
      });
      expect(json.notYet).toMatchObject({
        probes: expect.stringMatching(/^Not run yet/),
        dryRun: expect.stringMatching(/^Not run yet/),
      });
    } finally {
      await fresh.cleanup();
    }
  });
});
