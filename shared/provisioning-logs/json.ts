import { flatten, type Lookupable } from './fields';
import { findJsonSyntaxError } from './json-syntax';
import { ProvisioningLogError, type ProvisioningLogFormat, type ProvisioningLogRow } from './model';
import { toRow } from './row';

const isRecord = (value: unknown): value is Lookupable =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface JsonItems {
  format: ProvisioningLogFormat;
  items: Array<{ value: unknown; line?: number }>;
  warnings: string[];
}

/** Keys that only a provisioning event has, to tell a lone event from some other JSON document. */
const EVENT_KEYS = [
  'activitydatetime',
  'provisioningaction',
  'provisioningstatusinfo',
  'cycleid',
  'jobid',
  'changeid',
];
const looksLikeEvent = (value: Lookupable) =>
  Object.keys(value).some((key) => EVENT_KEYS.includes(flatten(key)));

function fromDocument(document: unknown): JsonItems {
  const wrap = (values: unknown[]) => values.map((value) => ({ value }));
  if (Array.isArray(document)) return { format: 'json-array', items: wrap(document), warnings: [] };
  if (isRecord(document) && Array.isArray(document.value)) {
    const warnings =
      typeof document['@odata.nextLink'] === 'string'
        ? [
            'This is one page of a Microsoft Graph response (it has @odata.nextLink); events on later pages are not included.',
          ]
        : [];
    return { format: 'json-graph-page', items: wrap(document.value), warnings };
  }
  // Azure Monitor archives (storage account, Event Hub) wrap events as { records: [...] }.
  if (isRecord(document) && Array.isArray(document.records)) {
    return { format: 'json-records', items: wrap(document.records), warnings: [] };
  }
  if (isRecord(document) && looksLikeEvent(document))
    return { format: 'json-array', items: wrap([document]), warnings: [] };
  throw new ProvisioningLogError(
    'This is JSON, but not Entra provisioning logs: expected a list of events ([ … ]) or a Graph page ({ "value": [ … ] }).',
  );
}

/** One JSON object per line, as Azure Monitor writes to storage accounts. */
function fromLines(text: string): JsonItems | undefined {
  const lines = text.split(/\r\n|\n|\r/);
  const filled = lines.filter((line) => line.trim() !== '');
  if (filled.length < 2 || !filled.every((line) => line.trimStart().startsWith('{'))) return undefined;
  const items: JsonItems['items'] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      items.push({ value: JSON.parse(line), line: index + 1 });
    } catch {
      const problem = findJsonSyntaxError(line);
      const column = problem?.column ?? 1;
      throw new ProvisioningLogError(
        `Line ${index + 1}, column ${column}: this line is not valid JSON (expected ${problem?.expected ?? 'a JSON object'}).`,
        { line: index + 1, column },
      );
    }
  });
  return { format: 'ndjson', items, warnings: [] };
}

/** Events inside an Azure Monitor record sit under `properties`; the record's `time` is their time. */
function unwrapEvent(value: Lookupable): Lookupable {
  if (!isRecord(value.properties) || looksLikeEvent(value)) return value;
  return { time: value.time, ...value.properties };
}

/** Entra's JSON download (or a Graph page, an Azure Monitor archive, NDJSON) to normalised rows, all or nothing. */
export function parseJsonLogs(input: string): {
  format: ProvisioningLogFormat;
  rows: ProvisioningLogRow[];
  warnings: string[];
} {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') throw new ProvisioningLogError('The file is empty.');

  let parsed: JsonItems | undefined;
  try {
    parsed = fromDocument(JSON.parse(text));
  } catch (error) {
    if (error instanceof ProvisioningLogError) throw error;
    parsed = fromLines(text);
    if (!parsed) {
      const problem = findJsonSyntaxError(text);
      if (!problem) throw new ProvisioningLogError(`The JSON could not be read: ${(error as Error).message}`);
      throw new ProvisioningLogError(
        `Line ${problem.line}, column ${problem.column}: the JSON is broken here (expected ${problem.expected}). Was the download cut short or the file edited?`,
        { line: problem.line, column: problem.column, position: problem.position },
      );
    }
  }

  const rows = parsed.items.map(({ value, line }, index) => {
    const origin = { ...(line !== undefined ? { line } : {}), record: index + 1 };
    if (!isRecord(value)) {
      throw new ProvisioningLogError(
        `${line !== undefined ? `Line ${line}` : `Record ${index + 1}`}: expected an event object, found ${Array.isArray(value) ? 'a list' : String(JSON.stringify(value)).slice(0, 40)}.`,
        origin,
      );
    }
    return toRow(unwrapEvent(value), origin);
  });
  return { format: parsed.format, rows, warnings: parsed.warnings };
}
