import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  type ButtonProps,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** What a destructive action asks before it runs: what happens, and what will be lost. */
export interface Confirmation {
  title: string;
  body: ReactNode;
  /** The confirming button's label, a verb: "Start over", "Replace my import". */
  confirmLabel: string;
}

/**
 * A button that asks first. Without `confirm` (nothing would be lost) it acts at once, so callers can ask
 * only when there is something to lose. Fluent's Dialog returns focus to the button when it closes.
 */
export function ConfirmButton({
  confirm,
  onConfirm,
  testId,
  children,
  appearance,
  icon,
  size,
  disabled,
}: Pick<ButtonProps, 'appearance' | 'icon' | 'size' | 'disabled' | 'children'> & {
  confirm: Confirmation | null;
  onConfirm(): void;
  testId: string;
}) {
  const button = { appearance, icon, size, disabled };
  if (!confirm) {
    return (
      <Button {...button} data-testid={testId} onClick={onConfirm}>
        {children}
      </Button>
    );
  }
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button {...button} data-testid={testId}>
          {children}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{confirm.title}</DialogTitle>
          <DialogContent data-testid={`${testId}-confirm-text`}>{confirm.body}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button data-testid={`${testId}-cancel`}>Cancel</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" data-testid={`${testId}-confirm`} onClick={onConfirm}>
                {confirm.confirmLabel}
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
