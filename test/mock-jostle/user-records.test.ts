import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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

  it('take a few dozen bytes for a user as the mock creates one', () => {
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
    expect(records.recordBytes(slot) - Buffer.byteLength(dataJson)).toBe(33);
  });
});
