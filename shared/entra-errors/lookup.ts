import { CONNECTION_ERRORS } from './catalog-connection';
import { OBJECT_ERRORS } from './catalog-objects';
import type { EntraErrorEntry, EntraErrorHelp, EntraErrorLookup, EntraErrorMatch } from './model';
import { ENTRA_PROVISIONING_LOGS } from './paths';

const ALL_ENTRIES: readonly EntraErrorEntry[] = [...CONNECTION_ERRORS, ...OBJECT_ERRORS];

/** Every spelling (code and aliases), lower-cased, to the entry and the spelling as Entra writes it. */
const BY_CODE = new Map<string, { entry: EntraErrorEntry; spelling: string; matchedBy: EntraErrorMatch }>();
const BY_HTTP_STATUS = new Map<number, EntraErrorEntry>();
for (const entry of ALL_ENTRIES) {
  BY_CODE.set(entry.code.toLowerCase(), { entry, spelling: entry.code, matchedBy: 'code' });
  for (const alias of entry.aliases ?? []) {
    if (!BY_CODE.has(alias.toLowerCase())) {
      BY_CODE.set(alias.toLowerCase(), { entry, spelling: alias, matchedBy: 'alias' });
    }
  }
  for (const status of entry.httpStatuses ?? []) BY_HTTP_STATUS.set(status, entry);
}

/**
 * Codes the catalogue does not list but whose name says what family they belong to. Entra adds codes over
 * time; a conflict-ish code is still best answered with the conflict advice, flagged as not exact.
 */
const FAMILY_PATTERNS: ReadonlyArray<{ pattern: RegExp; code: string }> = [
  { pattern: /escrow/i, code: 'EncounteredEscrowProportionThreshold' },
  { pattern: /conflict/i, code: 'Conflict' },
  { pattern: /credential|unauthori[sz]ed|authenticat/i, code: 'Unauthorized' },
  { pattern: /forbidden|permission|rights|notallowed/i, code: 'InsufficientRights' },
  { pattern: /throttl|ratelimit|toomany/i, code: 'TooManyRequests' },
  { pattern: /time[d]?out/i, code: 'Timeout' },
  { pattern: /skipped$/i, code: 'EntrySynchronizationSkipped' },
  {
    pattern: /^SystemForCrossDomainIdentityManagement/i,
    code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
  },
];

/**
 * Tidies a code as it appears in logs and docs: surrounding space, an `HTTP` prefix, and the `<br>` Microsoft's
 * tables put inside the long SystemForCrossDomainIdentityManagement… names.
 */
export function normaliseEntraErrorCode(raw: string | number): string {
  return String(raw)
    .replace(/<br\s*\/?>/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function httpStatusOf(code: string): number | undefined {
  const match = /^(?:http\s*\/?\s*(?:status\s*)?)?(\d{3})$/i.exec(code);
  return match ? Number(match[1]) : undefined;
}

function fromEntry(
  entry: EntraErrorEntry,
  code: string,
  known: boolean,
  matchedBy: EntraErrorMatch,
): EntraErrorLookup {
  return {
    code,
    title: entry.title,
    likelyCause: entry.likelyCause,
    fix: entry.fix,
    category: entry.category,
    retriedAutomatically: entry.retriedAutomatically,
    quarantineSignal: entry.quarantineSignal,
    known,
    matchedBy,
  };
}

function unknownCode(code: string): EntraErrorLookup {
  const named = code === '' ? 'This event has no error code' : `The assistant has no notes for \`${code}\``;
  return {
    code,
    title: code === '' ? 'Failure without an error code' : `Unrecognised error code ${code}`,
    likelyCause: `${named}. The reason text Entra logged with it is the best clue.`,
    fix: `Open the event in ${ENTRA_PROVISIONING_LOGS} and read **Troubleshooting & Recommendations**. If it repeats, send its change ID and time to Jostle Support (support@jostle.me) or Microsoft support.`,
    category: 'unknown',
    retriedAutomatically: false,
    quarantineSignal: false,
    known: false,
    matchedBy: 'fallback',
  };
}

/**
 * The cause and fix for an Entra provisioning error code, quarantine reason or bare HTTP status.
 * Case and `<br>` insensitive; unknown codes get family advice when the name allows it, else a generic answer.
 */
export function lookupEntraError(raw: string | number | null | undefined): EntraErrorLookup {
  const code = raw === null || raw === undefined ? '' : normaliseEntraErrorCode(raw);
  if (code === '') return unknownCode('');

  const exact = BY_CODE.get(code.toLowerCase()) ?? BY_CODE.get(code.replace(/\s/g, '').toLowerCase());
  if (exact) return fromEntry(exact.entry, exact.spelling, true, exact.matchedBy);

  const status = httpStatusOf(code);
  if (status !== undefined) {
    const entry = BY_HTTP_STATUS.get(status);
    return entry ? fromEntry(entry, entry.code, true, 'http-status') : unknownCode(code);
  }

  for (const { pattern, code: familyCode } of FAMILY_PATTERNS) {
    const family = BY_CODE.get(familyCode.toLowerCase());
    if (pattern.test(code) && family) return fromEntry(family.entry, code, false, 'pattern');
  }
  return unknownCode(code);
}

/** The whole catalogue (one entry per condition, aliases listed), for documentation and the support export. */
export function listEntraErrors(): ReadonlyArray<EntraErrorHelp & { aliases: readonly string[] }> {
  return ALL_ENTRIES.map((entry) => ({
    code: entry.code,
    title: entry.title,
    likelyCause: entry.likelyCause,
    fix: entry.fix,
    category: entry.category,
    retriedAutomatically: entry.retriedAutomatically,
    quarantineSignal: entry.quarantineSignal,
    aliases: entry.aliases ?? [],
  }));
}
