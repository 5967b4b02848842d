/**
 * Rows that open details (a drawer, a dialog or a panel under the list), one behaviour everywhere: a row
 * takes focus, opens with a click, Enter or Space, has a name that says what it opens, and closing the
 * details (Escape or Close) puts focus back on the row, or on the button in it that opened them. Used by the
 * Scope preview, the dry-run log, the Monitor's failures, the mappings, the probe results and the Mock
 * Jostle request log, so keyboard users meet the same thing on every step.
 */
import { useCallback, useId, useRef, useState, type HTMLAttributes, type KeyboardEvent } from 'react';

export interface DetailRowOptions {
  /**
   * `panel`: the details open in place (under the row or the list), so the row says whether they are shown
   * (aria-expanded on a button, its name on a table row) and which element they are. `overlay`: a drawer or dialog, which announces itself.
   */
  opens: 'panel' | 'overlay';
  /** The row is a `role="button"` element of its own rather than a table row (a virtualized list). */
  button?: boolean;
}

export interface DetailRows<K extends string> {
  /** The row whose details are open, or null. */
  openKey: K | null;
  /** Opens a row's details; `opener` is the button inside the row that asked, if any (focus goes back to it). */
  open(key: K, opener?: HTMLElement | null): void;
  /** Closes the details and puts focus back where they were opened from. */
  close(): void;
  /**
   * What a row needs: focus, keys, name and, for a panel, aria-expanded / aria-controls. A `button` row is
   * named by its own text (pass null and add a VisuallyHidden "show details"), so its accessible name keeps
   * what is on screen; a table row takes `name` as its label.
   */
  rowProps(key: K, name: string | null, options: DetailRowOptions): HTMLAttributes<HTMLElement>;
  /** For the element that shows the details in place: its id, and Escape to close. */
  panelProps(): { id: string; onKeyDown(event: KeyboardEvent): void };
}

const ROW_ATTRIBUTE = 'data-detail-row' as const;

export function useDetailRows<K extends string>(): DetailRows<K> {
  const group = useId();
  const [openKey, setOpenKey] = useState<K | null>(null);
  const opener = useRef<{ key: K; element: HTMLElement | null } | null>(null);
  const panelId = `${group}-details`;

  const open = useCallback((key: K, element?: HTMLElement | null) => {
    opener.current = { key, element: element ?? null };
    setOpenKey(key);
  }, []);

  const close = useCallback(() => {
    setOpenKey(null);
    const from = opener.current;
    opener.current = null;
    if (!from) return;
    const focusBack = () => {
      const row = document.querySelector<HTMLElement>(
        `[${ROW_ATTRIBUTE}="${CSS.escape(`${group}:${from.key}`)}"]`,
      );
      const target = from.element?.isConnected ? from.element : row;
      if (target && document.activeElement !== target) target.focus();
    };
    // After React has removed the details and the drawer or dialog has run its own focus handling.
    window.setTimeout(() => {
      focusBack();
      window.requestAnimationFrame(focusBack);
    }, 0);
  }, [group]);

  const rowProps = useCallback(
    (key: K, name: string | null, options: DetailRowOptions): HTMLAttributes<HTMLElement> => {
      const expanded = openKey === key;
      const activate = (row: HTMLElement) => {
        if (options.opens === 'panel' && expanded) close();
        else open(key, row);
      };
      const props: HTMLAttributes<HTMLElement> & { [ROW_ATTRIBUTE]: string } = {
        [ROW_ATTRIBUTE]: `${group}:${key}`,
        tabIndex: 0,
        // A table row may not carry aria-expanded (only a treegrid's may), so its name says it instead.
        ...(name === null
          ? {}
          : { 'aria-label': options.opens === 'panel' && expanded ? `${name} (shown below)` : name }),
        ...(options.button ? { role: 'button' } : {}),
        ...(options.opens === 'panel' && options.button ? { 'aria-expanded': expanded } : {}),
        ...(options.opens === 'panel' && expanded ? { 'aria-controls': panelId } : {}),
        onClick: (event) => {
          // A button or link inside the row does its own thing (Edit, Delete, a copy button).
          if ((event.target as HTMLElement).closest('button, a, input') !== null) return;
          activate(event.currentTarget);
        },
        onKeyDown: (event) => {
          if (event.target !== event.currentTarget) return;
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault(); // Space would scroll the page.
            activate(event.currentTarget);
          } else if (event.key === 'Escape' && expanded) {
            event.preventDefault();
            close();
          }
        },
      };
      return props;
    },
    [close, group, open, openKey, panelId],
  );

  const panelProps = useCallback(
    () => ({
      id: panelId,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        close();
      },
    }),
    [close, panelId],
  );

  return { openKey, open, close, rowProps, panelProps };
}

/**
 * The same Escape behaviour for details that several rows can show at once (the probe results' accordion,
 * whose headers are buttons already): Escape inside the details closes them and puts focus on `header`.
 */
export function closeOnEscape(close: () => void, header: () => HTMLElement | null) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
    window.setTimeout(() => header()?.focus(), 0);
  };
}
