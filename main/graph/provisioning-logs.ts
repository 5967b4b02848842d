/**
 * The app's provisioning logs from Graph (`GET /auditLogs/provisioning?$filter=jobId eq '…'`), handed to
 * the Monitor step as the same Graph page document its file import reads (shared/provisioning-logs), so
 * there is one parser and one analysis. Bounded: the newest events up to `maxEvents`.
 */
import type { GraphClient } from './client';

export const DEFAULT_MAX_LOG_EVENTS = 5000;

export interface ProvisioningLogsRead {
  /** `{"value":[…]}`: what parseProvisioningLogs reads as a Graph page. */
  text: string;
  events: number;
  truncated: boolean;
}

export async function readProvisioningLogs(
  client: GraphClient,
  jobId: string,
  options: { maxEvents?: number; onProgress?: (events: number) => void } = {},
): Promise<ProvisioningLogsRead> {
  const max = options.maxEvents ?? DEFAULT_MAX_LOG_EVENTS;
  const events: unknown[] = [];
  let truncated = false;
  let next: string | undefined = '/auditLogs/provisioning';
  let query: Record<string, string> | undefined = {
    $filter: `jobId eq '${jobId.replace(/'/g, "''")}'`,
    $top: '500',
  };
  while (next) {
    const { json }: { json: unknown } = await client.request({
      method: 'GET',
      path: next,
      ...(query ? { query } : {}),
      action: 'readLogs',
      what: 'the provisioning logs',
    });
    const page = json as { value?: unknown[]; '@odata.nextLink'?: string };
    events.push(...(page.value ?? []));
    options.onProgress?.(events.length);
    if (events.length >= max) {
      truncated = typeof page['@odata.nextLink'] === 'string' || events.length > max;
      break;
    }
    next = page['@odata.nextLink'];
    query = undefined;
  }
  return {
    text: JSON.stringify({ value: events.slice(0, max) }),
    events: Math.min(max, events.length),
    truncated,
  };
}
