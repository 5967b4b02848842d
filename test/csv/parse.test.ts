import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, CsvSyntaxError, detectDelimiter, isBlankRecord, parseCsv } from '../../shared/csv';

const comma = { delimiter: ',' };
const syntaxError = (line: number, column: number, kind: CsvSyntaxError['kind']) =>
  expect.objectContaining({ name: 'CsvSyntaxError', line, column, kind });

describe('parseCsv (RFC 4180)', () => {
  it('handles quoting, CR-only and LF line ends, and a missing final newline', () => {
    expect(parseCsv('a,"b ""c""",d\r\n"x\ny",z', comma)).toEqual([
      { line: 1, cells: ['a', 'b "c"', 'd'] },
      { line: 2, cells: ['x\ny', 'z'] },
    ]);
    expect(parseCsv('a,b\rc,d\r', comma)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
    expect(parseCsv('a,', comma)).toEqual([{ line: 1, cells: ['a', ''] }]);
    expect(parseCsv(',,', comma)).toEqual([{ line: 1, cells: ['', '', ''] }]);
    expect(parseCsv('', comma)).toEqual([]);
  });

  it('reads "" escapes wherever they are in a quoted cell', () => {
    expect(parseCsv('"""",x\n""\n"a""b"""\n"""a"",""b"""', comma)).toEqual([
      { line: 1, cells: ['"', 'x'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['a"b"'] },
      { line: 4, cells: ['"a","b"'] },
    ]);
  });

  it('skips a BOM, which shifts neither lines nor columns', () => {
    expect(parseCsv('\uFEFFa,b\r\nc,d\r\n', comma)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
    expect(parseCsv('\uFEFF"a\r\nb",c', comma)).toEqual([{ line: 1, cells: ['a\r\nb', 'c'] }]);
    expect(() => parseCsv('\uFEFFa"b\n', comma)).toThrow(syntaxError(1, 2, 'quote-in-unquoted-cell'));
    expect(parseCsv('\uFEFF', comma)).toEqual([]);
  });

  it('skips empty lines, including a trailing one, but keeps counting them', () => {
    expect(parseCsv('a,b\n\n', comma)).toEqual([{ line: 1, cells: ['a', 'b'] }]);
    expect(parseCsv('a,b\r\n\r\n\r\nc,d\r\n\r\n', comma)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['c', 'd'] },
    ]);
    expect(parseCsv('\r\r\n\n"q"\r\r\nz', comma)).toEqual([
      { line: 4, cells: ['q'] },
      { line: 6, cells: ['z'] },
    ]);
    // White space is content: the callers decide (isBlankRecord) whether such a record counts.
    expect(parseCsv(' \n', comma)).toEqual([{ line: 1, cells: [' '] }]);
    expect(isBlankRecord([' ', '\t', ''])).toBe(true);
    expect(isBlankRecord([' ', 'x'])).toBe(false);
  });

  it('counts a lone CR as a line end in a file that otherwise uses LF', () => {
    expect(parseCsv('a,b\rc,d\ne,f\n"x\ry",1\nz,2\n', comma)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
      { line: 3, cells: ['e', 'f'] },
      { line: 4, cells: ['x\ry', '1'] },
      { line: 6, cells: ['z', '2'] },
    ]);
  });

  it('reports stray quotes with line and column', () => {
    expect(() => parseCsv('a,b\nc,d"e\n', comma)).toThrow(syntaxError(2, 4, 'quote-in-unquoted-cell'));
    expect(() => parseCsv('a,"b"c\n', comma)).toThrow(syntaxError(1, 6, 'text-after-quote'));
    expect(() => parseCsv('a,b\n"never closed\nc,d\n', comma)).toThrow(syntaxError(2, 1, 'unclosed-quote'));
  });

  it('keeps lines and columns right after a quoted cell containing CRLF', () => {
    const head = 'id,note\r\n1,"two\r\nlines"\r\n2,"three\r\nmore\r\nlines"\r\n';
    expect(parseCsv(`${head}3,ok\r\n`, comma).map((record) => record.line)).toEqual([1, 2, 4, 7]);
    // An error on a later line: a stray quote, an unclosed quote, text after a closing quote.
    expect(() => parseCsv(`${head}3,ok\r\n4,b"d\r\n`, comma)).toThrow(
      syntaxError(8, 4, 'quote-in-unquoted-cell'),
    );
    expect(() => parseCsv(`${head}3,ok\r\n4,"open\r\n5,x\r\n`, comma)).toThrow(
      syntaxError(8, 3, 'unclosed-quote'),
    );
    // A quote that runs over lines into text is reported where it opened: the quote left unclosed there.
    expect(() => parseCsv(`${head}5,"a\r\nbc"x\r\n`, comma)).toThrow(syntaxError(7, 3, 'unclosed-quote'));
    expect(() => parseCsv(`${head}5,"a\r\nbc"x\r\n`, comma)).toThrow(/runs on to line 8/);
    // CR-only files take the careful path all the way.
    expect(() => parseCsv('id\r"a\rb"\r"c\r', comma)).toThrow(syntaxError(4, 1, 'unclosed-quote'));
  });

  it('words its errors for callers to embed, and says where', () => {
    try {
      parseCsv('a\n"b', comma);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      const { problem, message } = error as CsvSyntaxError;
      expect(problem).toBe('a quoted cell is never closed (a " is missing before the end of the file)');
      expect(message).toBe(`Line 2, column 1: ${problem}`);
    }
  });

  it('refuses a delimiter that cannot work', () => {
    for (const delimiter of ['"', '\n', '\r', ',,', '']) {
      expect(() => parseCsv('a', { delimiter })).toThrow(RangeError);
    }
  });

  it('lets two readers run interleaved', () => {
    const first = csvRecords('"a\nb",1\n"c",2\n', comma);
    const second = csvRecords('"x",1\n\n\n"y\n\nz",2\n', comma);
    const lines: number[] = [];
    for (;;) {
      const a = first.next();
      const b = second.next();
      if (a.done && b.done) break;
      if (!a.done) lines.push(a.value.line);
      if (!b.done) lines.push(b.value.line);
    }
    expect(lines).toEqual([1, 1, 3, 4]);
  });
});

describe('delimiter', () => {
  it('is detected from the first line that has any, comma on a tie', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('a,b;c\n')).toBe(',');
    expect(detectDelimiter('\uFEFFversion:v1.0\r\nUser name;Id\r\n')).toBe(';');
    expect(detectDelimiter('just one column\n')).toBe(',');
  });

  it('is detected when not given', () => {
    expect(parseCsv('a;"b;c"\n1;2\n')).toEqual([
      { line: 1, cells: ['a', 'b;c'] },
      { line: 2, cells: ['1', '2'] },
    ]);
    expect(parseCsv('a\tb\n1\t2,5\n')[1]!.cells).toEqual(['1', '2,5']);
  });
});

describe('round trip', () => {
  const breaks = (text: string) => (text.match(/\r\n|\r|\n/g) ?? []).length;

  it('recovers every cell and the starting line of every record, whatever the line ends and delimiter', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '\t', '"', '\n', '\r\n', '\r', 'é', '😀'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        (rows, eol, delimiter, bom) => {
          const quote = (value: string) =>
            value.includes('"') || value.includes(delimiter) || /[\r\n]/.test(value)
              ? `"${value.replace(/"/g, '""')}"`
              : value;
          let line = 1;
          const expected = rows.map((cells) => {
            const record = { line, cells };
            // A record of one empty cell would be an empty line: quote it to keep it.
            line += breaks(cells.map(quote).join(delimiter)) + 1;
            return record;
          });
          const text =
            (bom ? '\uFEFF' : '') +
            rows
              .map((cells) =>
                cells.length === 1 && cells[0] === '' ? '""' : cells.map(quote).join(delimiter),
              )
              .join(eol) +
            eol;
          expect(parseCsv(text, { delimiter })).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('csvRecords memory', () => {
  it('reads a million rows without holding them', () => {
    const rows = 1_000_000;
    const block = Array.from({ length: 1000 }, (_, index) => `${index},User ${index},u${index}@x.example\n`);
    const text = `id,name,mail\n${block.join('').repeat(rows / 1000)}`;
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let lastId = '';
    for (const record of csvRecords(text, comma)) {
      count += 1;
      lastId = record.cells[0]!;
      if (count % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
    expect(count).toBe(rows + 1);
    expect(lastId).toBe('999');
    // Holding a million records would take ~200 MB; a lazy reader leaves only short-lived garbage.
    expect(peak).toBeLessThan(96 * 1024 * 1024);
  });
});
