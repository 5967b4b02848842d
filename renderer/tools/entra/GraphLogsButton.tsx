import { Button, Tooltip } from '@fluentui/react-components';
import { CloudArrowDown20Regular } from '@fluentui/react-icons';

/**
 * Monitor step: read the pulled job's provisioning logs from Microsoft Graph into the same analysis as a
 * downloaded file (main reads and analyses them). Only useful after a pull in the Entra tool; main says so
 * otherwise.
 */
export function GraphLogsButton({
  disabled,
  reading,
  onRead,
}: {
  disabled: boolean;
  reading: boolean;
  onRead(): void;
}) {
  return (
    <Tooltip
      content="Needs AuditLog.Read.All; uses the app pulled in Tools > Entra (Microsoft Graph)"
      relationship="description"
    >
      <Button
        icon={<CloudArrowDown20Regular />}
        disabled={disabled || reading}
        onClick={onRead}
        data-testid="log-read-graph"
      >
        {reading ? 'Reading…' : 'Read from Entra'}
      </Button>
    </Tooltip>
  );
}
