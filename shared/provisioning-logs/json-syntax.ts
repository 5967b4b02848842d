/**
 * Finds where a JSON text first goes wrong. `JSON.parse` says that it failed, but not where in every engine
 * (V8 in Node 20 often omits the position), and the admin needs a line and column to look at.
 * Only run after `JSON.parse` has failed, so its speed does not matter.
 */

export interface JsonSyntaxProblem {
  position: number;
  line: number;
  column: number;
  expected: string;
}

class Stop {
  constructor(
    readonly position: number,
    readonly expected: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < position && index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  let index = 0;
  const skipSpace = () => {
    while (index < text.length && ' \t\r\n'.includes(text[index]!)) index += 1;
  };
  const expect = (char: string, what: string) => {
    if (text[index] !== char) throw new Stop(index, what);
    index += 1;
  };

  const readString = () => {
    const start = index;
    index += 1;
    for (;;) {
      if (index >= text.length) throw new Stop(start, 'a closing " for this string');
      const code = text.charCodeAt(index);
      if (text[index] === '"') return void (index += 1);
      if (code < 0x20) throw new Stop(index, 'no line break or control character inside a string');
      if (text[index] === '\\') {
        const escape = text[index + 1] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6)))
            throw new Stop(index, 'a \\u escape with 4 hex digits');
          index += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(escape) || escape === '') throw new Stop(index, 'a valid escape after \\');
        index += 2;
        continue;
      }
      index += 1;
    }
  };

  const readValue = (): void => {
    skipSpace();
    const char = text[index];
    if (char === '{') {
      index += 1;
      skipSpace();
      if (text[index] === '}') return void (index += 1);
      for (;;) {
        skipSpace();
        if (text[index] !== '"') throw new Stop(index, 'a property name in double quotes');
        readString();
        skipSpace();
        expect(':', "':' after the property name");
        readValue();
        skipSpace();
        if (text[index] === ',') {
          index += 1;
          continue;
        }
        return expect('}', "',' or '}'");
      }
    }
    if (char === '[') {
      index += 1;
      skipSpace();
      if (text[index] === ']') return void (index += 1);
      for (;;) {
        readValue();
        skipSpace();
        if (text[index] === ',') {
          index += 1;
          continue;
        }
        return expect(']', "',' or ']'");
      }
    }
    if (char === '"') return readString();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, index)) return void (index += literal.length);
    }
    NUMBER.lastIndex = index;
    if (NUMBER.test(text)) return void (index = NUMBER.lastIndex);
    throw new Stop(index, index >= text.length ? 'more data (the file ends too early)' : 'a value');
  };

  try {
    readValue();
    skipSpace();
    if (index < text.length) throw new Stop(index, 'the end of the data');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const expected = error.position >= text.length ? 'more data: the file ends too early' : error.expected;
    return { position: error.position, expected, ...lineAndColumn(text, error.position) };
  }
}
