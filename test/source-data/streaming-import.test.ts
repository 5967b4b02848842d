/**
 * A file read in chunks must read exactly as the same file in one piece, wherever the chunks end: inside a
 * quoted cell, between the CR and LF of a line end, inside a multi-byte UTF-8 character, inside a "" escape.
 * Chunks are bytes decoded by a streaming TextDecoder, as main/host/picked-files.ts reads them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateSyntheticTenant,
  importDownloadUsersCsv,
  toDownloadUsersCsv,
  type ImportResult,
  type UserTable,
} from '../../shared/source-data';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/source-data', name), 'utf8');

function chunksOf(text: string, cuts: number[]): string[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const chunks: string[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(decoder.decode(bytes.subarray(start, cut), { stream: true }));
    start = cut;
  }
  chunks.push(decoder.decode());
  return chunks;
}

const outcome = (result: ImportResult<UserTable>) =>
  result.ok ? { users: result.value.toArray(), warnings: result.warnings } : result.error;

/**
 * Plain rows put before the awkward ones: the stream looks at the first 4,096 characters as a whole (to find
 * the delimiter), so only text past them is cut into pieces the way a large file is.
 */
const PLAIN_ROWS = Array.from(
  { length: 120 },
  (_, index) => `plain${index}@x.example,p${index},Plain ${index},Street,Clerk\r\n`,
).join('');
const HEADER = '\uFEFFuserPrincipalName,objectId,displayName,streetAddress,jobTitle\r\n';

/** Every byte offset from `from` to the end (the part of the file after the plain rows). */
function cutPoints(text: string, from = 1): number[] {
  const length = new TextEncoder().encode(text).length;
  return Array.from({ length: length - from }, (_, index) => index + from);
}

const plainBytes = new TextEncoder().encode(HEADER + PLAIN_ROWS).length;

// A file with everything that could go wrong at a chunk edge: BOM, CRLF, quotes with "" escapes, a quoted
// CRLF, multi-byte names (2, 3 and 4 UTF-8 bytes), and a delimiter chosen by the header.
const AWKWARD =
  HEADER +
  PLAIN_ROWS +
  'zoe@x.example,1,Zoë Müller,"Leopoldstraße 1\r\nHinterhaus","Analyst, ""Senior"""\r\n' +
  'ken@x.example,2,山田 健,"Line one\nline two",\r\n' +
  '\r\n' +
  'emoji@x.example,3,😀 Smile,"a ""quoted"" , cell",Engineer\r\n' +
  // A zero-width no-break space (the BOM character) opening a later line is data, not a byte-order mark.
  '\uFEFFzw@x.example,5,Zero Width,Street,Clerk\r\n' +
  'last@x.example,4,Last,no quotes,Intern';

describe('streaming CSV import', () => {
  it('reads a file cut in two at every byte exactly as in one piece', () => {
    const whole = outcome(importDownloadUsersCsv([AWKWARD], 'users.csv'));
    expect(whole).toMatchObject({ users: expect.arrayContaining([expect.anything()]) });
    expect(plainBytes).toBeGreaterThan(4_096);
    for (const cut of cutPoints(AWKWARD, plainBytes - 10)) {
      expect(outcome(importDownloadUsersCsv(chunksOf(AWKWARD, [cut]), 'users.csv'))).toEqual(whole);
    }
  });

  it('reads a file given one byte at a time, and a long file in uneven chunks, exactly as in one piece', () => {
    const everyByte = cutPoints(AWKWARD);
    expect(outcome(importDownloadUsersCsv(chunksOf(AWKWARD, everyByte)))).toEqual(
      outcome(importDownloadUsersCsv([AWKWARD])),
    );
    // Longer than the head the delimiter is found in, with non-Latin names throughout.
    const long = toDownloadUsersCsv(generateSyntheticTenant({ users: 400, seed: 2 }).users);
    const length = new TextEncoder().encode(long).length;
    const cuts = [1, 7, 4_095, 4_096, 4_097, 5_000];
    for (let cut = 6_000; cut < length; cut += 997) cuts.push(cut);
    const result = importDownloadUsersCsv(chunksOf(long, cuts));
    expect(result.ok && result.value.length).toBe(400);
    expect(outcome(result)).toEqual(outcome(importDownloadUsersCsv([long])));
  });

  it('reports a broken file with the same message and line wherever it is cut', () => {
    const broken = [
      fixture('entra-download-users-unclosed-quote.csv'),
      fixture('entra-download-users-short-row.csv'),
      fixture('entra-download-users-duplicate.csv'),
      fixture('entra-download-users-bad-boolean.csv'),
      `${HEADER}${PLAIN_ROWS}ada@x.example,1,Ada,"Street,Clerk\r\nbob@x.example,2,Bob,Road,Clerk\r\n`,
      `${HEADER}${PLAIN_ROWS}ada@x.example,1,Ada,Street,Clerk\r\nbob@x.example,2,B"o"b,Road,Clerk\r\n`,
      `${HEADER}${PLAIN_ROWS}ada@x.example,1,Ada,"Street\r\nmore",Clerk,extra\r\n`,
      `${HEADER}${PLAIN_ROWS}plain7@x.example,dup,"Again\r\nand again",Road,Clerk\r\n`,
      `${HEADER}${PLAIN_ROWS}`.replace(/\r\n/g, '\r') + 'ada@x.example,1,Ada,"x"y,Clerk\r',
      'displayName,surname\r\nAda,Lovelace\r\n',
      '\uFEFF  \r\n\r\n',
      '',
    ];
    for (const text of broken) {
      const whole = importDownloadUsersCsv([text], 'users.csv');
      expect(whole.ok).toBe(false);
      const length = new TextEncoder().encode(text).length;
      const cuts =
        length < 400 ? cutPoints(text) : [1, Math.floor(length / 3), Math.floor(length / 2), length - 2];
      for (const cut of cuts.filter((point) => point > 0 && point < length)) {
        expect(outcome(importDownloadUsersCsv(chunksOf(text, [cut]), 'users.csv'))).toEqual(outcome(whole));
      }
    }
  });

  it('finds the delimiter and refuses a workbook from the start of the file, before any row', () => {
    const semicolons = 'userPrincipalName;objectId;department\r\nada@x.example;1;Sales\r\n';
    const result = importDownloadUsersCsv(chunksOf(semicolons, [3, 20]));
    expect(result.ok && result.value.at(0)?.attributes.department).toBe('Sales');
    const workbook = importDownloadUsersCsv(['PK\u0003\u0004', '\u0014\u0000rest'], 'users.csv');
    expect(workbook.ok ? null : workbook.error.message).toMatch(/zip or Excel workbook/);
  });
});
