import type { PreviewRow } from '../../shared/mapping';
import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import type { HandlerTable } from './handler-table';

type Channels =
  | 'getMapping'
  | 'saveMapping'
  | 'resetMapping'
  | 'getScope'
  | 'saveScope'
  | 'resetScope'
  | 'getPreview'
  | 'getUserPreview';

function rowView(row: PreviewRow) {
  return {
    objectId: row.objectId,
    userPrincipalName: row.userPrincipalName,
    displayName: row.displayName,
    inScope: row.inScope,
    decidedBy: row.decidedBy,
    activeInSource: row.activeInSource,
    failures: row.failures.map((failure) => `${failure.target}: ${failure.message}`),
    notes: row.notes,
  };
}

const shows = {
  all: () => true,
  'in-scope': (row: PreviewRow) => row.inScope,
  'out-of-scope': (row: PreviewRow) => !row.inScope,
  failures: (row: PreviewRow) => row.failures.length > 0,
} as const;

export function mappingHandlers(context: AppContext): Pick<HandlerTable, Channels> {
  const { configuration, preview } = context;
  const changed = <T>(value: T): T => {
    preview.invalidate();
    return value;
  };
  return {
    getMapping: () => configuration.mapping(),
    saveMapping: async ({ config }) => changed(await configuration.saveMapping(config)),
    resetMapping: async () => changed(await configuration.resetMapping()),
    getScope: () => configuration.scope(),
    saveScope: async ({ config }) => changed(await configuration.saveScope(config)),
    resetScope: async () => changed(await configuration.resetScope()),

    getPreview: async ({ show, search, offset, limit }) => {
      const result = await preview.current();
      if (!result) return { summary: null, matching: 0, rows: [] };
      const needle = search?.trim().toLowerCase() ?? '';
      const matches = result.rows.filter(
        (row) =>
          shows[show](row) &&
          (needle === '' ||
            row.userPrincipalName.toLowerCase().includes(needle) ||
            (row.displayName ?? '').toLowerCase().includes(needle)),
      );
      return {
        summary: result.summary,
        matching: matches.length,
        rows: matches.slice(offset, offset + limit).map(rowView),
      };
    },

    getUserPreview: async ({ objectId }) => {
      const row = (await preview.current())?.rows.find((candidate) => candidate.objectId === objectId);
      if (!row) throw new ApiError('not-found', 'That user is not in the imported list.');
      return {
        row: rowView(row),
        clauses: row.scope.clauses.map((outcome) => ({
          clause: outcome.clause,
          result: outcome.result,
          attribute: outcome.attribute,
          value: outcome.value,
        })),
        viaGroups: [...row.scope.viaGroups],
        payload: row.payload as Record<string, unknown> | null,
      };
    },
  };
}
