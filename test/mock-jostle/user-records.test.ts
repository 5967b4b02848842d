import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeAttributes, encodeAttributes } from '../../main/mock-jostle/attribute-codec';
import { isoNow, UserRecords, type RecordHead } from '../../main/mock-jostle/user-records';

/*
 * A record's head is binary where it can be (UUID bytes, epoch ms, the key read from the attributes) and
 * text otherwise; either way it must give back exactly the head it was given.
 */
const userNames = fc.oneof(
  fc.constantFrom(
    'ana@example.com',
    'Ana.Lee@Example.COM',
    'zoë.ñúñez@例え.test',
    'q"uote@x',
    'back\\slash@x',
    '😀@x',
    'lone\ud800@x',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const ids = fc.oneof(
  fc.constant(undefined).map(() => randomUUID()),
  fc.constant(undefined).map(() => randomUUID().toUpperCase()),
  fc.string({ maxLength: 40 }),
  fc.constant('id-\udc00'),
);
const timestamps = fc.oneof(
  fc.constant(undefined).map(() => isoNow()),
  fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }).map((ms) => new Date(ms).toISOString()),
  fc.integer({ min: 253_402_300_800_000, max: 8.64e15 }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom('2020-01-01T00:00:00+02:00', '2020-01-01T00:00:00Z', 'yesterday', ''),
);

describe('UserRecords heads', () => {
  it('give back id, key, created and lastModified exactly, whatever their form', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(ids, userNames, timestamps, timestamps, fc.boolean(), fc.boolean()), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const records = new UserRecords();
          const written = rows.map(([id, userName, created, lastModified, nameFirst, keyMatches]) => {
            const key = keyMatches ? userName.toLowerCase() : `other:${userName}`;
            const data = nameFirst ? { userName, active: true } : { active: true, userName };
            const head: RecordHead = { id, key, created, lastModified };
            return {
              head,
              dataJson: JSON.stringify(data),
              slot: records.add(head, JSON.stringify(data), false),
            };
          });
          for (const { head, dataJson, slot } of written) {
            expect(records.head(slot)).toEqual(head);
            expect(records.id(slot)).toBe(head.id);
            expect(records.key(slot)).toBe(head.key);
            expect(records.dataJson(slot)).toBe(dataJson);
          }
          records.compact();
          for (const { head, slot } of written) expect(records.head(slot)).toEqual(head);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('do not take a key for the userName when the attributes only start like it', () => {
    const records = new UserRecords();
    const now = isoNow();
    // The key `a","x` is what follows {"userName":" here, up to a quote, but the userName is `a`.
    const dataJson = JSON.stringify({ userName: 'a', x: 'y' });
    for (const key of ['a","x', 'a', 'A', 'a"']) {
      const slot = records.add({ id: randomUUID(), key, created: now, lastModified: now }, dataJson, false);
      expect(records.key(slot)).toBe(key);
    }
  });

  it('take a few dozen bytes for a user as the mock creates one, its attributes in the shorter form', () => {
    const records = new UserRecords();
    const now = isoNow();
    const dataJson = JSON.stringify({
      userName: 'Ana.Lee@example.com',
      name: { givenName: 'Ana', familyName: 'Lee' },
    });
    const slot = records.add(
      { id: randomUUID(), key: 'ana.lee@example.com', created: now, lastModified: now },
      dataJson,
      false,
    );
    const encoded = encodeAttributes(dataJson)!;
    expect(records.recordBytes(slot) - Buffer.byteLength(encoded)).toBe(33);
    expect(encoded.length).toBeLessThan(dataJson.length / 2);
    expect(records.dataJson(slot)).toBe(dataJson);
    expect(records.key(slot)).toBe('ana.lee@example.com');
  });
});

describe('the attribute codec', () => {
  it('gives back any JSON.stringify output exactly, and keeps text with a control character as it is', () => {
    const keyish = fc.constantFrom(
      'userName',
      'name',
      'givenName',
      'active',
      'emails',
      'type',
      'value',
      'primary',
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        fc.dictionary(fc.oneof(keyish, fc.string()), tie('node')),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.constantFrom('"userName":', 'x"type":"work"', '\u0001', 'emails":[{'),
      ),
    })).node;
    fc.assert(
      fc.property(value, (data) => {
        const text = JSON.stringify(data);
        const encoded = encodeAttributes(text);
        expect(encoded).toBeDefined();
        expect(decodeAttributes(encoded!)).toBe(text);
        expect(encoded!.length).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 300 },
    );
    // JSON.stringify escapes a control character, so its output is always shortened…
    expect(encodeAttributes(JSON.stringify({ v: 'a\u0001\t' }))).toBeDefined();
    // …while text holding one raw is kept as it is.
    expect(encodeAttributes('{"v":"raw\u0001"}')).toBeUndefined();
  });

  it('keeps a record whose text holds a control character unshortened, and reads it back', () => {
    const records = new UserRecords();
    const now = isoNow();
    const raw = '{"userName":"tab\there","active":true}';
    const slot = records.add(
      { id: randomUUID(), key: 'tab\there', created: now, lastModified: now },
      raw,
      false,
    );
    expect(records.dataJson(slot)).toBe(raw);
    expect(records.key(slot)).toBe('tab\there');
  });
});
