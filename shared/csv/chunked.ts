/**
 * The same records as {@link csvRecords}, from a file given in pieces (chunks read from disk), so a
 * 500,000-line file is never one string. Each push cuts the text gathered so far after its last line end
 * that lies outside quotes (an even number of `"` before it: RFC 4180 quotes come in pairs) and parses that
 * part with the one parser, starting at its line number; the rest waits for the next piece. A line break
 * inside a quoted cell, a CRLF split across pieces and (upstream, in the TextDecoder) a character split
 * across chunks therefore all read exactly as in one string. A file whose quotes never pair up is gathered
 * to its end and parsed there, giving the whole-file error with the whole-file line number.
 */
import { csvRecords, detectDelimiter, type CsvRecord } from './parse';

/** Delimiter detection and the callers' file-type checks look at this much of the start. */
export const CSV_HEAD_CHARS = 4_096;

export interface CsvStreamOptions {
  delimiter?: string;
  /** Called once with the file's first {@link CSV_HEAD_CHARS} characters (or all of a shorter file). */
  onHead?: (head: string) => void;
}

const LF = 10;

export class CsvRecordStream {
  private buffer = '';
  private delimiter: string | undefined;
  private line = 1;
  private first = true;
  /** How far the buffer was searched for a safe cut, and the quotes seen before that point. */
  private scanned = 0;
  private quotes = 0;
  private crOnly = false;

  constructor(
    private readonly onRecord: (record: CsvRecord) => void,
    private readonly options: CsvStreamOptions = {},
  ) {}

  push(text: string): void {
    this.buffer += text;
    if (this.delimiter === undefined) {
      if (this.buffer.length < CSV_HEAD_CHARS) return;
      this.start();
    }
    const cut = this.safeCut();
    if (cut > 0) {
      const ready = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut);
      this.scanned = 0;
      this.quotes = 0;
      this.parse(ready);
    }
  }

  end(): void {
    if (this.delimiter === undefined) this.start();
    const rest = this.buffer;
    this.buffer = '';
    if (rest !== '') this.parse(rest);
  }

  private start(): void {
    const head = this.buffer.slice(0, CSV_HEAD_CHARS);
    this.options.onHead?.(head);
    this.delimiter = this.options.delimiter ?? detectDelimiter(head);
    // A file whose start has CRs but no LF ends its lines with lone CRs (old Mac style).
    this.crOnly = !head.includes('\n') && head.includes('\r');
  }

  /** Index just past the last line end outside quotes, or 0 when there is none yet. */
  private safeCut(): number {
    const text = this.buffer;
    const lineEnd = this.crOnly ? '\r' : '\n';
    let safe = 0;
    let quotes = this.quotes;
    let nextQuote = text.indexOf('"', this.scanned);
    let at = text.indexOf(lineEnd, this.scanned);
    for (; at !== -1; at = text.indexOf(lineEnd, at + 1)) {
      // A CR as the last character may be half of a CRLF whose LF is in the next piece.
      if (this.crOnly && at === text.length - 1) break;
      while (nextQuote !== -1 && nextQuote < at) {
        quotes += 1;
        nextQuote = text.indexOf('"', nextQuote + 1);
      }
      if ((quotes & 1) === 0) safe = this.crOnly && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
    }
    if (safe === 0) {
      // Nothing to cut: remember how far we looked, so a long quoted run is not searched again and again.
      const searched = this.crOnly ? Math.max(0, text.length - 1) : text.length;
      while (nextQuote !== -1 && nextQuote < searched) {
        quotes += 1;
        nextQuote = text.indexOf('"', nextQuote + 1);
      }
      this.scanned = searched;
      this.quotes = quotes;
    }
    return safe;
  }

  private parse(text: string): void {
    const options = { delimiter: this.delimiter!, firstLine: this.line, skipBom: this.first };
    this.first = false;
    for (const record of csvRecords(text, options)) this.onRecord(record);
    this.line += countLineEnds(text);
  }
}

/** Lines the text ends: LF, CRLF and a lone CR each end one, as csvRecords counts them. */
function countLineEnds(text: string): number {
  let ends = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) ends += 1;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1))
    if (text.charCodeAt(at + 1) !== LF) ends += 1;
  return ends;
}
