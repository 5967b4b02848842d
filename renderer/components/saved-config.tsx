/**
 * The editing pattern the Scope and Attribute mappings steps share: a draft of a configuration main keeps,
 * saved even with problems (main keeps work in progress), with a message saying how the save went.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { messageOf } from '../text';
import { ConfirmButton, type Confirmation } from './ConfirmButton';

interface Problem {
  severity: 'error' | 'warning';
  message: string;
}

export interface SavedConfigState<C> {
  config: C;
  saved: boolean;
  problems: readonly Problem[];
}

export interface SaveResult {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

interface Options<C> {
  load(): Promise<SavedConfigState<C>>;
  validate(config: C): readonly Problem[];
  /** The message after a save, given how many errors the saved configuration still has. */
  savedMessage(errors: number): SaveResult;
  onSaved?(state: SavedConfigState<C>): void;
}

export function useSavedConfig<C>(options: Options<C>) {
  // The callbacks are read at call time, so callers can pass inline functions without reloading.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const [draft, setDraft] = useState<C | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SaveResult | null>(null);
  const [loadProblems, setLoadProblems] = useState<Problem[]>([]);

  useEffect(() => {
    void latest.current.load().then((state) => {
      setDraft(state.config);
      // Problems main found that the editor cannot see, e.g. a saved file it could not read.
      const local = new Set(latest.current.validate(state.config).map((problem) => problem.message));
      setLoadProblems(state.problems.filter((problem) => !local.has(problem.message)));
    });
  }, []);

  const edit = (next: C) => {
    setDraft(next);
    setDirty(true);
    setResult(null);
  };

  async function save(call: () => Promise<SavedConfigState<C>>) {
    setBusy(true);
    try {
      const state = await call();
      setDraft(state.config);
      setDirty(false);
      setLoadProblems([]);
      setResult(
        latest.current.savedMessage(state.problems.filter((problem) => problem.severity === 'error').length),
      );
      latest.current.onSaved?.(state);
    } catch (error) {
      setResult({ intent: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return { draft, edit, dirty, busy, result, loadProblems, save };
}

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface Action {
  label: string;
  testId: string;
  disabled?: boolean;
  onClick(): void;
}

/** A reset loses work: it may ask first (see ConfirmButton). */
interface ResetAction extends Action {
  confirm?: Confirmation | null;
}

/** Problems from loading, the outcome of the last save, and the Save and Reset buttons. */
export function SaveBar(props: {
  state: Pick<ReturnType<typeof useSavedConfig>, 'dirty' | 'busy' | 'result' | 'loadProblems'>;
  resultTestId: string;
  save: Action;
  reset: ResetAction;
  note?: ReactNode;
}) {
  const styles = useStyles();
  const { dirty, busy, result, loadProblems } = props.state;
  return (
    <div className={styles.stack}>
      {loadProblems.length > 0 && !dirty && !result && (
        <MessageBar intent="warning" data-testid="load-problems">
          <MessageBarBody>{loadProblems.map((problem) => problem.message).join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent={result.intent} data-testid={props.resultTestId}>
          <MessageBarBody>{result.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || props.save.disabled}
          data-testid={props.save.testId}
          onClick={props.save.onClick}
        >
          {props.save.label}
        </Button>
        <ConfirmButton
          disabled={busy || props.reset.disabled}
          testId={props.reset.testId}
          confirm={props.reset.confirm ?? null}
          onConfirm={props.reset.onClick}
        >
          {props.reset.label}
        </ConfirmButton>
        {props.note && <Text size={200}>{props.note}</Text>}
      </div>
    </div>
  );
}
