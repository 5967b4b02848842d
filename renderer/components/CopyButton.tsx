import { Button, Tooltip } from '@fluentui/react-components';
import { Checkmark20Regular, Copy20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api, runningInElectron } from '../api/client';

/**
 * In the desktop app the page may not touch the clipboard (every permission is refused), so main writes it
 * through `copyText`. In the browser mode the page's own clipboard is the admin's, and the server may have
 * no clipboard tool, so the browser writes it.
 */
async function copy(text: string): Promise<string | null> {
  if (!runningInElectron()) {
    await navigator.clipboard.writeText(text);
    return null;
  }
  const result = await api.copyText({ text });
  return result.copied ? null : (result.problem ?? 'Not copied.');
}

export function CopyButton({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const [state, setState] = useState<{ copied: true } | { problem: string } | null>(null);
  const tip = state === null ? label : 'copied' in state ? 'Copied' : `Not copied: ${state.problem}`;
  return (
    <Tooltip content={tip} relationship="label">
      <Button
        data-testid={testId}
        appearance="subtle"
        icon={state && 'copied' in state ? <Checkmark20Regular /> : <Copy20Regular />}
        onClick={() =>
          void copy(value)
            .then((problem) => setState(problem === null ? { copied: true } : { problem }))
            .catch((error: unknown) =>
              setState({ problem: error instanceof Error ? error.message : String(error) }),
            )
            .finally(() => setTimeout(() => setState(null), 1500))
        }
      />
    </Tooltip>
  );
}
