import { Button, Tooltip } from '@fluentui/react-components';
import { CloudArrowDown20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf } from '../../text';
import { importLogText, type Imported } from '../../steps/monitor/import-log';

/**
 * Monitor step: read the pulled job's provisioning logs from Microsoft Graph into the same analysis as a
 * downloaded file. Only useful after a pull in the Entra tool; the main process says so otherwise.
 */
export function GraphLogsButton({
  disabled,
  onRead,
}: {
  disabled: boolean;
  onRead(imported: Imported): void;
}) {
  const [reading, setReading] = useState(false);
  async function read() {
    setReading(true);
    try {
      const logs = await api.graphProvisioningLogs({});
      const imported = importLogText(logs.text, logs.fileName);
      onRead(
        logs.truncated && 'summary' in imported
          ? {
              ...imported,
              warnings: [...imported.warnings, `Only the newest ${logs.events} events were read.`],
            }
          : imported,
      );
    } catch (error) {
      onRead({ fileName: 'Microsoft Graph', error: { message: messageOf(error) } });
    } finally {
      setReading(false);
    }
  }
  return (
    <Tooltip
      content="Needs AuditLog.Read.All; uses the app pulled in Tools > Entra (Microsoft Graph)"
      relationship="description"
    >
      <Button
        icon={<CloudArrowDown20Regular />}
        disabled={disabled || reading}
        onClick={() => void read()}
        data-testid="log-read-graph"
      >
        {reading ? 'Reading…' : 'Read from Entra'}
      </Button>
    </Tooltip>
  );
}
