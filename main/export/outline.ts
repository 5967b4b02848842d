/**
 * The export as a document: sections made of a few kinds of blocks. Markdown and HTML are both rendered
 * from this one outline, so the two formats can never disagree on what they contain.
 */
export type Tone = 'good' | 'warn' | 'bad' | 'muted';
export type Cell = string | { text: string; tone: Tone };

export type Block =
  | { kind: 'fields'; rows: Array<[label: string, value: Cell]> }
  | { kind: 'table'; columns: string[]; rows: Cell[][] }
  | { kind: 'paragraph'; text: string; tone?: Tone }
  | { kind: 'list'; items: string[] }
  | { kind: 'heading'; text: string };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ExportDocument {
  title: string;
  intro: string[];
  sections: Section[];
}

export const cellText = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.text);

export const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

export const orNone = (value: string | null | undefined, none = 'none'): string =>
  value === null || value === undefined || value === '' ? none : value;

/** A sentence for a part that has nothing to show yet, in the same words in every format. */
export const missing = (text: string): Block => ({ kind: 'paragraph', text, tone: 'muted' });

const LOOPBACK_HOST = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])(?::\d+)?$/i;

/** A host (with or without its port) on the admin's own computer. */
export const isThisComputer = (host: string | null): boolean => host !== null && LOOPBACK_HOST.test(host);

/**
 * A host as support should read it: a loopback address is Mock Jostle (or another server) on the admin's
 * own computer, which Entra cannot reach, not a Jostle tenant.
 */
export function describeHost(host: string | null, none: string): Cell {
  if (host === null) return orNone(host, none);
  return LOOPBACK_HOST.test(host)
    ? { text: `${host} (this computer: Mock Jostle, not a Jostle tenant Entra can reach)`, tone: 'warn' }
    : host;
}
