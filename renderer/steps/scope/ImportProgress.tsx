import { Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ImportProgress as Progress } from '../../../shared/api/events';
import { useJobEvents } from '../../api/use-job-events';
import { plural } from '../../text';

function sizeText(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 1_000_000)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/**
 * "Importing users.csv (21 MB)… 48,000 rows" while a user import runs: the file name at once, then the size
 * and the rows read as main reports them (importJob events). Subscribed while the panel is shown, so the
 * first event of an import is not missed.
 */
export function ImportProgress({ importing }: { importing: string | null }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  useJobEvents('importJob', (event) => {
    if (event.type === 'started') setProgress(null);
    else if (event.type === 'progress') setProgress(event.progress);
  });
  if (importing === null) return null;
  const current = progress?.fileName === importing ? progress : null;
  return (
    <Text role="status" data-testid="import-progress">
      <Spinner size="extra-tiny" as="span" /> Importing {importing}
      {current && current.totalBytes > 0 ? ` (${sizeText(current.totalBytes)})` : ''}…
      {current ? ` ${plural(current.rows, 'row')}` : ''}
    </Text>
  );
}
