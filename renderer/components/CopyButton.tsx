import { Button, Tooltip } from '@fluentui/react-components';
import { Checkmark20Regular, Copy20Regular } from '@fluentui/react-icons';
import { useState } from 'react';

export function CopyButton({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Tooltip content={copied ? 'Copied' : label} relationship="label">
      <Button
        data-testid={testId}
        appearance="subtle"
        icon={copied ? <Checkmark20Regular /> : <Copy20Regular />}
        onClick={() =>
          void navigator.clipboard.writeText(value).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          })
        }
      />
    </Tooltip>
  );
}
