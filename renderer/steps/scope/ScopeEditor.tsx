import { Button, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import type { ScopeState } from '../../../shared/api/contract';
import { validateScopeConfig, type ScopeConfig, type ScopingFilter } from '../../../shared/scoping';
import { api } from '../../api/client';
import { FilterCard } from './FilterCard';
import { plural } from '../../text';
import { SaveBar, useSavedConfig } from '../../components/saved-config';
import { ProblemList } from './ProblemList';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3, marginLeft: '32px', marginTop: '-6px' },
  or: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, fontWeight: 600 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** Settings > Scope and the attribute scoping filters, edited locally and saved in main. */
/** What the preview needs to know about the editor: unsaved edits, and the saved scope it follows. */
export interface ScopeEditorStatus {
  dirty: boolean;
  savedScope: ScopeConfig['scope'] | null;
}

export function ScopeEditor({
  onSaved,
  onStatus,
}: {
  onSaved(state: ScopeState): void;
  onStatus?(status: ScopeEditorStatus): void;
}) {
  const styles = useStyles();
  const [savedScope, setSavedScope] = useState<ScopeConfig['scope'] | null>(null);
  const editor = useSavedConfig<ScopeConfig>({
    load: () =>
      api.getScope({}).then((state) => {
        setSavedScope(state.config.scope);
        return state;
      }),
    validate: validateScopeConfig,
    savedMessage: (errors) =>
      errors > 0
        ? {
            intent: 'warning',
            text: `Saved, with ${plural(errors, 'error')} to fix before Entra would accept it.`,
          }
        : { intent: 'success', text: 'Saved. The preview below follows it.' },
    onSaved: (state) => {
      setSavedScope(state.config.scope);
      onSaved(state as ScopeState);
    },
  });
  const { draft, dirty } = editor;
  useEffect(() => onStatus?.({ dirty, savedScope }), [dirty, savedScope, onStatus]);
  const problems = useMemo(() => (draft ? validateScopeConfig(draft) : []), [draft]);
  if (!draft) return null;

  const change = editor.edit;
  const setFilter = (index: number, filter: ScopingFilter) =>
    change({
      ...draft,
      filters:
        filter.clauses.length === 0
          ? draft.filters.filter((_, i) => i !== index)
          : draft.filters.map((f, i) => (i === index ? filter : f)),
    });

  const incomplete = draft.filters.some((filter) =>
    filter.clauses.some((clause) => !clause.attribute.trim()),
  );

  return (
    <div className={styles.stack} data-testid="scope-editor">
      <RadioGroup
        value={draft.scope}
        data-testid="scope-choice"
        onChange={(_event, data) => change({ ...draft, scope: data.value as ScopeConfig['scope'] })}
      >
        <Radio
          value="assignedOnly"
          label="Sync only assigned users and groups (what Jostle’s tutorial asks for)"
        />
        <Text size={200} className={styles.hint}>
          Users assigned to the app directly, plus the direct members of assigned groups. Members of groups
          nested inside those groups are left out. Not checked here: Entra assigns only security groups, and
          group assignment needs Entra ID P1 or P2.
        </Text>
        <Radio value="allUsers" label="Sync all users and groups" />
        <Text size={200} className={styles.hint}>
          Everyone in the directory, narrowed only by the filters below.
        </Text>
      </RadioGroup>

      <Text weight="semibold">Scoping filters</Text>
      <Text size={200}>
        In Entra: the Jostle app’s{' '}
        <b>Provisioning &gt; Mappings &gt; Provision Microsoft Entra ID Users &gt; Source Object Scope</b>. A
        user must pass every clause of a filter and at least one filter. No filter: everyone in scope passes.
        An empty attribute fails every clause except IS NULL.
      </Text>
      {draft.filters.map((filter, index) => (
        <div key={index} className={styles.stack}>
          {index > 0 && <Text className={styles.or}>OR</Text>}
          <FilterCard
            filter={filter}
            index={index}
            problemsOf={(clauseIndex) =>
              // A clause with no attribute picked yet is work in progress, not an error: the save bar
              // asks for the attribute instead of a red "Unknown source attribute".
              filter.clauses[clauseIndex]?.attribute.trim()
                ? problems.filter((p) => p.filterIndex === index && p.clauseIndex === clauseIndex)
                : []
            }
            onChange={(next) => setFilter(index, next)}
            onRemove={() => change({ ...draft, filters: draft.filters.filter((_, i) => i !== index) })}
          />
        </div>
      ))}
      <ProblemList problems={problems.filter((problem) => problem.filterIndex === undefined)} />
      <div className={styles.actions}>
        <Button
          icon={<Add16Regular />}
          data-testid="add-filter"
          onClick={() =>
            change({
              ...draft,
              filters: [
                ...draft.filters,
                { title: '', clauses: [{ attribute: '', operator: 'EQUALS', value: '' }] },
              ],
            })
          }
        >
          Add scoping filter{draft.filters.length > 0 ? ' (OR)' : ''}
        </Button>
      </div>

      <SaveBar
        state={editor}
        resultTestId="scope-save-result"
        save={{
          label: 'Save scope',
          testId: 'save-scope',
          disabled: incomplete,
          onClick: () => void editor.save(() => api.saveScope({ config: draft })),
        }}
        reset={{
          label: 'Reset to the tutorial’s choice',
          testId: 'reset-scope',
          onClick: () => void editor.save(() => api.resetScope({})),
        }}
        note={
          incomplete
            ? 'Pick an attribute for every clause, or remove it.'
            : dirty
              ? 'Unsaved changes'
              : undefined
        }
      />
    </div>
  );
}
