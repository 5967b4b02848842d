import { describe, expect, it } from 'vitest';
import { listEntraErrors, lookupEntraError } from '../../shared/entra-errors';

const REQUIRED = [
  'Conflict',
  'EntryConflict',
  'TooManyRequests',
  'InternalServerError',
  'Timeout',
  'WebExceptionProtocolError',
  'Unauthorized',
  'SystemForCrossDomainIdentityManagementCredentialValidationFailure',
  'InsufficientRights',
  'MethodNotAllowed',
  'NotPermitted',
  'UnprocessableEntity',
  'NotImplemented',
  'DuplicateTargetEntries',
  'SystemForCrossDomainIdentityManagementServiceIncompatible',
  'InvalidAnchor',
  'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse',
  'EncounteredQuarantineException',
  'EncounteredEscrowProportionThreshold',
  'QuarantineOnDemand',
  'BadRequest',
  'InvalidValue',
  'MandatoryFieldsMissing',
  'SchemaAttributeNotFound',
  'DuplicateSourceEntries',
  'EntrySynchronizationSkipped',
];

describe('Entra error knowledge base', () => {
  it.each(REQUIRED)('knows %s, with a title, cause and a fix', (code) => {
    const help = lookupEntraError(code);
    expect(help).toMatchObject({ code, known: true });
    for (const text of [help.title, help.likelyCause, help.fix]) expect(text.length).toBeGreaterThan(15);
  });

  it('writes menu paths in bold and in Jostle terms', () => {
    const unauthorized = lookupEntraError('Unauthorized');
    expect(unauthorized.fix).toContain(
      '**Admin Settings > User data to/from other systems > Manage user provisioning**',
    );
    expect(unauthorized.fix).toMatch(/\*\*Secret Token\*\*.*\*\*Test Connection\*\*/);
    expect(unauthorized.likelyCause).toMatch(/Automation user/);
    // One name for the blade, as the Scope, Mappings and Configure steps call it.
    expect(lookupEntraError('EntryConflict').fix).toContain(
      '**Mappings > Provision Microsoft Entra ID Users**',
    );
    // Today's portal names first, the tutorial's older path in parentheses.
    expect(lookupEntraError('Unauthorized').fix).toContain(
      '**Entra ID > Enterprise apps** (Identity > Applications > Enterprise applications) > **Jostle > Provisioning**',
    );
    for (const entry of listEntraErrors())
      expect(entry.fix).not.toContain('Provision Microsoft Entra users to');
    // Every bold marker opens and closes.
    for (const entry of listEntraErrors()) expect((entry.fix.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  it('matches case-insensitively and through the <br> Microsoft puts in long codes', () => {
    expect(lookupEntraError('entryconflict')).toMatchObject({
      code: 'EntryConflict',
      matchedBy: 'alias',
      category: 'conflict',
    });
    expect(lookupEntraError(' SystemForCrossDomainIdentity<br>ManagementServiceIncompatible ')).toMatchObject(
      {
        code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
        known: true,
      },
    );
  });

  it('reads bare HTTP statuses', () => {
    expect(lookupEntraError(401)).toMatchObject({ code: 'Unauthorized', matchedBy: 'http-status' });
    expect(lookupEntraError('HTTP 429')).toMatchObject({ code: 'TooManyRequests' });
    expect(lookupEntraError('403').code).toBe('InsufficientRights');
    expect(lookupEntraError('418')).toMatchObject({ known: false, matchedBy: 'fallback' });
  });

  it('falls back to family advice for new codes, flagged as not exact', () => {
    expect(lookupEntraError('TargetEntryConflictOnUpdate')).toMatchObject({
      code: 'TargetEntryConflictOnUpdate',
      known: false,
      matchedBy: 'pattern',
      category: 'conflict',
    });
    expect(lookupEntraError('SystemForCrossDomainIdentityManagementSomethingNew').category).toBe(
      'scim-compatibility',
    );
  });

  it('answers unknown and missing codes with the logs and support route', () => {
    const unknown = lookupEntraError('Zorblax');
    expect(unknown).toMatchObject({
      code: 'Zorblax',
      known: false,
      category: 'unknown',
      title: 'Unrecognised error code Zorblax',
    });
    expect(unknown.fix).toContain('**Troubleshooting & Recommendations**');
    expect(lookupEntraError(undefined)).toMatchObject({ code: '', title: 'Failure without an error code' });
    expect(lookupEntraError(null).known).toBe(false);
  });

  it('marks retries and quarantine risk where Microsoft documents them', () => {
    expect(lookupEntraError('InternalServerError').retriedAutomatically).toBe(true);
    expect(lookupEntraError('EntryConflict').retriedAutomatically).toBe(false);
    expect(lookupEntraError('EncounteredEscrowProportionThreshold')).toMatchObject({
      category: 'quarantine',
      quarantineSignal: true,
    });
  });

  it('lists each code once across entries and aliases', () => {
    const spellings = listEntraErrors().flatMap((entry) =>
      [entry.code, ...entry.aliases].map((code) => code.toLowerCase()),
    );
    const repeated = spellings.filter((code, index) => spellings.indexOf(code) !== index);
    // invalidValue/invalidSyntax are listed in both SCIM (camelCase) and Entra (PascalCase) spellings on purpose.
    expect(repeated.sort()).toEqual(['invalidsyntax', 'invalidvalue']);
  });
});

describe('codes as Entra writes them (LOGS, GOV, 3P-1PW)', () => {
  it('3P-1PW: SystemForCrossDomainIdentityManagementBadRequest is a rejected value, not a Tenant URL fault or quarantine signal', () => {
    const help = lookupEntraError('SystemForCrossDomainIdentityManagementBadRequest');
    expect(help).toMatchObject({
      known: true,
      matchedBy: 'code',
      category: 'rejected-value',
      quarantineSignal: false,
    });
    expect(help.title).toMatch(/rejected a value/);
    expect(help.fix).not.toMatch(/Tenant URL/);
    expect(lookupEntraError(400).code).toBe('SystemForCrossDomainIdentityManagementBadRequest');
  });

  it('GOV / NOUSERS: NotEffectivelyEntitled and RedundantExport are known skip reasons', () => {
    expect(lookupEntraError('NotEffectivelyEntitled')).toMatchObject({ known: true, category: 'skipped' });
    expect(lookupEntraError('NotEffectivelyEntitled').likelyCause).toMatch(
      /disabled in Entra and was never provisioned/,
    );
    expect(lookupEntraError('RedundantExport')).toMatchObject({ known: true, category: 'skipped' });
  });

  it('LOGS: Unauthorized is described as Microsoft groups it (not authorized), with the Jostle key as the usual cause', () => {
    const help = lookupEntraError('Unauthorized');
    expect(help.title).toMatch(/not authorized/);
    expect(help.likelyCause).toMatch(/authenticated but not allowed/);
  });

  it('the dry run’s own codes say they are ours', () => {
    for (const code of ['TargetObjectActionDisabled', 'SpecialCharactersInMatchingValue'])
      expect(lookupEntraError(code).likelyCause).toMatch(/assistant's own/);
  });
});
