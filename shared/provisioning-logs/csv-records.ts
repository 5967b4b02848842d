/**
 * A small RFC 4180 reader (quoted cells, doubled quotes, line breaks inside quotes, CRLF/LF/CR, BOM).
 *
 * Why not csv-parse: its browser build does run without Node builtins (it bundles a Buffer polyfill), but its
 * line numbers drift after a quoted cell that contains CRLF (a blank line after one is reported a line late),
 * and this import promises the exact line of a broken record. Reading the text once ourselves keeps the line
 * right and keeps shared/ free of csv-parse's Node build, which needs the global `Buffer` the renderer lacks.
 */
import { ProvisioningLogError } from './model';

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  cells: string[];
}

/** Comma, unless the first line has none and uses semicolons or tabs (Excel re-saves in some locales). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

/** Reads every record; blank lines are skipped. Throws ProvisioningLogError with the line for malformed quoting. */
export function readCsvRecords(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let line = 1;
  let index = 0;
  const length = text.length;

  const atLineBreak = (at: number) => text[at] === '\n' || text[at] === '\r';
  const skipLineBreak = (at: number) => (text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1);

  while (index < length) {
    if (atLineBreak(index)) {
      index = skipLineBreak(index);
      line += 1;
      continue;
    }
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[index] === '"') {
        const openedLine = line;
        index += 1;
        for (;;) {
          if (index >= length) {
            throw new ProvisioningLogError(
              `Line ${openedLine}: a quoted cell is never closed (a " is missing before the end of the file).`,
              { line: openedLine },
            );
          }
          const char = text[index];
          if (char === '"') {
            if (text[index + 1] === '"') {
              cell += '"';
              index += 2;
              continue;
            }
            index += 1;
            break;
          }
          if (atLineBreak(index)) {
            const next = skipLineBreak(index);
            cell += text.slice(index, next);
            index = next;
            line += 1;
            continue;
          }
          cell += char;
          index += 1;
        }
        if (index < length && text[index] !== delimiter && !atLineBreak(index)) {
          throw new ProvisioningLogError(
            `Line ${line}: unexpected text after a closing quote (a " inside a quoted cell must be doubled).`,
            { line },
          );
        }
      } else {
        const start = index;
        while (index < length && text[index] !== delimiter && !atLineBreak(index)) index += 1;
        cell = text.slice(start, index);
      }
      cells.push(cell);
      if (index < length && text[index] === delimiter) {
        index += 1;
        continue;
      }
      break;
    }
    records.push({ line: recordLine, cells });
    if (index < length) {
      index = skipLineBreak(index);
      line += 1;
    }
  }
  return records;
}
