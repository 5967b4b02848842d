/**
 * The one CSV reader of the app (users and assignment imports, provisioning-log downloads): RFC 4180 —
 * quoted cells, "" escapes, line breaks inside quotes, CRLF/LF/CR line ends, a UTF-8 BOM.
 *
 * Why hand-written rather than csv-parse (both were measured):
 * - speed: csv-parse 7 took 3.5 s (Node build) to 5.5 s (browser build) for the 100,000 rows of the
 *   preview benchmark (`npx tsx bench/preview.ts`, budget 2 s for everything); this takes ~0.1 s, because
 *   lines without a quote (nearly all of an export) go through the engine's native indexOf/split;
 * - line numbers: csv-parse's drift after a quoted cell that contains CRLF (a later error or blank line is
 *   reported a line late), and both imports promise the exact line of a broken record;
 * - runtime: csv-parse's Node build needs the global `Buffer`, which the sandboxed renderer does not have
 *   (shared/ must stay free of Node builtins).
 *
 * Lines are counted the way editors count them: CRLF, LF and a lone CR each end one line.
 */

/** One record: its cells and the 1-based line it starts on (a quoted cell may carry it over more lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvSyntaxProblem = 'unclosed-quote' | 'text-after-quote' | 'quote-in-unquoted-cell';

/** Malformed quoting, at the 1-based line and column (UTF-16 units, BOM excluded) where it is found. */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(
    /** What is wrong, as a lower-case phrase without a full stop, for callers to put in their own message. */
    readonly problem: string,
    readonly line: number,
    readonly column: number,
    readonly kind: CsvSyntaxProblem,
  ) {
    super(`Line ${line}, column ${column}: ${problem}`);
  }
}

export interface CsvOptions {
  /** One character other than `"`, CR or LF; detected with {@link detectDelimiter} when left out. */
  delimiter?: string;
  /** The line `text` starts on, when it is a later piece of a file (./chunked.ts). Default 1. */
  firstLine?: number;
  /** Skip a leading byte-order mark. Default true; false for pieces after the first. */
  skipBom?: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function count(text: string, char: string): number {
  let found = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) found += 1;
  return found;
}

/**
 * Comma, semicolon or tab: whichever appears most on the first line (within 4 KB) that has any of them, comma
 * on a tie. Excel writes ";" in locales with a decimal comma; lines with none of them (such as the
 * `version:v1.0` line of Entra's bulk templates) are passed over.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  for (const line of text.slice(0, 4096).split(/\r\n|\r|\n/)) {
    const commas = count(line, ',');
    const semicolons = count(line, ';');
    const tabs = count(line, '\t');
    if (commas + semicolons + tabs === 0) continue;
    if (commas >= semicolons && commas >= tabs) return ',';
    return semicolons >= tabs ? ';' : '\t';
  }
  return ',';
}

/** Where the careful reader stopped: module state rather than a returned object, to allocate nothing. */
let nextIndex = 0;
let nextLine = 0;

/**
 * Reads one record starting at `start` (the first character of line `startLine`) character by character,
 * the full RFC 4180 way. Leaves the start of the next record in nextIndex/nextLine.
 */
function readRecord(text: string, start: number, startLine: number, delimiter: number): string[] {
  const cells: string[] = [];
  const length = text.length;
  let index = start;
  let line = startLine;
  let lineStart = start;
  for (;;) {
    if (text.charCodeAt(index) === QUOTE) {
      const openLine = line;
      const openColumn = index - lineStart + 1;
      index += 1;
      let value = '';
      for (;;) {
        const close = text.indexOf('"', index);
        if (close === -1) {
          throw new CsvSyntaxError(
            'a quoted cell is never closed (a " is missing before the end of the file)',
            openLine,
            openColumn,
            'unclosed-quote',
          );
        }
        for (let at = index; at < close; at += 1) {
          const char = text.charCodeAt(at);
          // A CR followed by LF is counted at the LF.
          if (char === LF || (char === CR && text.charCodeAt(at + 1) !== LF)) {
            line += 1;
            lineStart = at + 1;
          }
        }
        value += text.slice(index, close);
        index = close + 1;
        if (text.charCodeAt(index) !== QUOTE) break;
        value += '"';
        index += 1;
      }
      cells.push(value);
      const after = text.charCodeAt(index);
      if (index < length && after !== delimiter && after !== CR && after !== LF) {
        // A quote that ran over lines and then hits text is nearly always one that was never closed where
        // it opened: the next " in the file (lines later) was taken as its end. Report where it opened.
        if (line !== openLine) {
          throw new CsvSyntaxError(
            `a quoted cell that opens here is not closed on its line (it runs on to line ${line}); a " is probably missing`,
            openLine,
            openColumn,
            'unclosed-quote',
          );
        }
        throw new CsvSyntaxError(
          'unexpected text after a closing quote (a " inside a quoted cell must be doubled: "")',
          line,
          index - lineStart + 1,
          'text-after-quote',
        );
      }
    } else {
      let end = index;
      for (; end < length; end += 1) {
        const char = text.charCodeAt(end);
        if (char === delimiter || char === CR || char === LF) break;
        if (char === QUOTE) {
          throw new CsvSyntaxError(
            'a " inside an unquoted cell (quote the whole cell and double the inner quote: "")',
            line,
            end - lineStart + 1,
            'quote-in-unquoted-cell',
          );
        }
      }
      cells.push(text.slice(index, end));
      index = end;
    }
    if (index >= length) {
      nextIndex = length;
      nextLine = line;
      return cells;
    }
    const separator = text.charCodeAt(index);
    if (separator === delimiter) {
      index += 1;
      continue;
    }
    nextIndex = separator === CR && text.charCodeAt(index + 1) === LF ? index + 2 : index + 1;
    nextLine = line + 1;
    return cells;
  }
}

/**
 * The records of `text`, lazily and in order, so a large file is never held as text, records and whatever
 * the caller builds from them all at once. Empty lines are skipped (their lines still count); a final line
 * break adds no record. Throws {@link CsvSyntaxError} when it reaches malformed quoting.
 */
export function* csvRecords(text: string, options: CsvOptions = {}): Generator<CsvRecord, void, undefined> {
  const delimiterText = options.delimiter ?? detectDelimiter(text);
  if (delimiterText.length !== 1 || /["\r\n]/.test(delimiterText)) {
    throw new RangeError(`CSV delimiter must be one character other than a quote or line break`);
  }
  const delimiter = delimiterText.charCodeAt(0);
  const length = text.length;
  let index = options.skipBom !== false && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = options.firstLine ?? 1;
  // Fast path: a line (up to LF) with no quote and no lone CR is split natively. The next quote and CR are
  // looked up once and kept until passed, so quote-free text is scanned for them only once in all.
  // Files with CR-only line ends have no LF to search for; they all go the careful way.
  // All three positions are kept until passed, so a long run of CR-only lines is not rescanned either.
  let nextLf = text.indexOf('\n', index);
  const fast = nextLf !== -1;
  let nextQuote = fast ? text.indexOf('"', index) : -1;
  let nextCr = fast ? text.indexOf('\r', index) : -1;
  while (index < length) {
    if (fast) {
      if (nextLf !== -1 && nextLf < index) nextLf = text.indexOf('\n', index);
      const end = nextLf === -1 ? length : nextLf;
      if (nextQuote !== -1 && nextQuote < index) nextQuote = text.indexOf('"', index);
      if (nextCr !== -1 && nextCr < index) nextCr = text.indexOf('\r', index);
      const plain = (nextQuote === -1 || nextQuote >= end) && (nextCr === -1 || nextCr >= end - 1);
      if (plain) {
        const contentEnd = nextCr === end - 1 ? end - 1 : end;
        if (contentEnd > index) yield { line, cells: text.slice(index, contentEnd).split(delimiterText) };
        index = end + 1;
        line += 1;
        continue;
      }
    }
    const first = text.charCodeAt(index);
    if (first === CR || first === LF) {
      index += first === CR && text.charCodeAt(index + 1) === LF ? 2 : 1;
      line += 1;
      continue;
    }
    const record = { line, cells: readRecord(text, index, line, delimiter) };
    // Read the module state before yielding: another reader may run while this one is suspended.
    index = nextIndex;
    line = nextLine;
    yield record;
  }
}

/** All records at once (small files and tests); see {@link csvRecords}. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  return [...csvRecords(text, options)];
}

/** True when every cell is empty or white space: such records are dropped by the imports like empty lines. */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}
