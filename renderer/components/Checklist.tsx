import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ChecklistStepId } from '../../shared/wizard/steps';
import { api } from '../api/client';
import { useAssistant } from '../state/assistant-state';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  hint: { color: tokens.colorNeutralForeground3, marginLeft: '28px', marginTop: '-4px' },
});

export interface ChecklistEntry {
  id: string;
  label: string;
  hint?: ReactNode;
}

/** Ticks are saved in main at once, so the step's status and progress survive a restart. */
export function Checklist({ stepId, entries }: { stepId: ChecklistStepId; entries: ChecklistEntry[] }) {
  const styles = useStyles();
  const { settings, setSettings } = useAssistant();
  const ticked = settings?.checklists[stepId] ?? {};
  return (
    <div className={styles.list} role="group" aria-label="Checklist">
      {entries.map((entry) => (
        <div key={entry.id}>
          <Checkbox
            data-testid={`check-${stepId}-${entry.id}`}
            checked={ticked[entry.id] === true}
            label={entry.label}
            onChange={(_event, data) => {
              const checked = data.checked === true;
              // Show the tick at once; main's answer (the saved state) replaces it a moment later.
              if (settings) {
                setSettings({
                  ...settings,
                  checklists: { ...settings.checklists, [stepId]: { ...ticked, [entry.id]: checked } },
                });
              }
              void api
                .setChecklistItem({ stepId, itemId: entry.id, checked })
                .then(setSettings, () => settings && setSettings(settings));
            }}
          />
          {entry.hint && <div className={styles.hint}>{entry.hint}</div>}
        </div>
      ))}
    </div>
  );
}
