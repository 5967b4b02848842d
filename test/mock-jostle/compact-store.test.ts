import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockJostle } from '../../main/mock-jostle';
import { listResponse, listResponseJson } from '../../main/mock-jostle/list-response';
import { resourceJson, toResource } from '../../main/mock-jostle/resource';
import { hashKey, SlotIndex } from '../../shared/source-data';
import { loadSnapshot, saveSnapshot } from '../../main/mock-jostle/snapshot';
import type { StoredUser, UserData } from '../../main/mock-jostle/user-model';
import { UserRecords } from '../../main/mock-jostle/user-records';
import { UserStore } from '../../main/mock-jostle/user-store';
import { CORE, EXT } from './helpers';

const USERS_URL = 'http://127.0.0.1:1/scim2/Users';

/** Users that stress the stored form: non-Latin-1 and astral characters, escapes, the extension, long values. */
const awkward: UserData[] = [
  { userName: 'Ada.Okafor@example.test', name: { givenName: 'Ada', familyName: 'Okafor' }, active: true },
  {
    userName: 'zoë.ñúñez@example.test',
    name: { givenName: 'Zoë', familyName: 'Ñúñez' },
    displayName: '山田 太郎 😀',
    emails: [
      { value: 'zoe@example.test', type: 'work', primary: true },
      { value: 'z@home.example', type: 'personal' },
    ],
    [EXT]: { personalPronouns: 'she/her', loginType: 'sso' },
  },
  {
    userName: 'quote"back\\slash@example.test',
    name: { givenName: 'Line\nbreak\ttab', familyName: '\u0000\u001f\u2028' },
    title: 'x'.repeat(5000),
    active: false,
  },
];

describe('the compact user store', () => {
  it('gives back every user exactly as stored, in insertion order, as fresh copies', () => {
    const store = new UserStore();
    const created = awkward.map((data) => store.create(structuredClone(data)));
    for (const [index, user] of created.entries()) {
      expect(store.get(user.id)).toEqual({ ...user, data: awkward[index] });
      expect(store.findByUserName(awkward[index]!.userName as string)?.id).toBe(user.id);
      expect(store.findByUserName((awkward[index]!.userName as string).toUpperCase())?.id).toBe(user.id);
    }
    expect([...store.values()].map((user) => user.id)).toEqual(created.map((user) => user.id));
    expect(store.page(1, 5).map((user) => user.id)).toEqual(created.slice(1).map((user) => user.id));
    const copy = store.get(created[1]!.id)!;
    (copy.data.name as Record<string, string>).givenName = 'changed';
    expect(store.get(created[1]!.id)!.data).toEqual(awkward[1]);
  });

  it('serialises a stored user exactly as JSON.stringify of its SCIM resource', () => {
    const store = new UserStore();
    const users = awkward.map((data) => store.create(structuredClone(data)));
    store.replaceAll([
      ...users,
      {
        id: 'odd "id" \\ ü',
        created: 'yesterday',
        lastModified: '2020-01-01T00:00:00+02:00',
        data: { userName: 'x', name: { givenName: 'a', familyName: 'b' } },
      },
    ]);
    for (const user of store.values()) {
      const text = store.textById(user.id)!;
      expect(resourceJson(text, USERS_URL)).toBe(JSON.stringify(toResource(user, USERS_URL)));
    }
    const one = resourceJson(store.textById(users[1]!.id)!, USERS_URL);
    expect(listResponseJson([one], 1, 1)).toBe(JSON.stringify(listResponse([JSON.parse(one)], 1, 1, 1)));
    expect(listResponseJson([], 0, 3)).toBe(JSON.stringify(listResponse([], 0, 3, 0)));
  });

  it('keeps userName unique across renames, deletes and re-creates', () => {
    const store = new UserStore();
    const first = store.create({ userName: 'one@x', name: { givenName: 'a', familyName: 'b' } });
    const second = store.create({ userName: 'two@x', name: { givenName: 'a', familyName: 'b' } });
    expect(() => store.create({ userName: 'ONE@x', name: { givenName: 'a', familyName: 'b' } })).toThrow(
      /already taken/,
    );
    expect(() =>
      store.update(second.id, { userName: 'One@X', name: { givenName: 'a', familyName: 'b' } }),
    ).toThrow(/already taken/);
    const renamed = store.update(first.id, { userName: 'uno@x', name: { givenName: 'c', familyName: 'd' } });
    expect(renamed.created).toBe(first.created);
    expect(store.findByUserName('one@x')).toBeUndefined();
    expect(store.findByUserName('UNO@x')?.data.name).toEqual({ givenName: 'c', familyName: 'd' });
    store.delete(second.id);
    expect(store.get(second.id)).toBeUndefined();
    expect(() => store.delete(second.id)).toThrow(/No user/);
    const again = store.create({ userName: 'two@x', name: { givenName: 'e', familyName: 'f' } });
    expect([...store.values()].map((user) => user.id)).toEqual([first.id, again.id]);
    expect(store.size).toBe(2);
    store.clear();
    expect(store.size).toBe(0);
    expect(store.findByUserName('uno@x')).toBeUndefined();
  });

  it('reclaims replaced records without moving or changing the live ones', () => {
    const records = new UserRecords();
    const head = (id: string) => ({ id, key: id, created: 'c', lastModified: 'm' });
    const slots = ['a', 'b', 'c'].map((id) => records.add(head(id), `{"v":"${id}"}`, id === 'b'));
    records.replace(slots[0]!, head('a'), '{"v":"a2 ✓"}', false);
    records.remove(slots[2]!);
    records.compact();
    expect(records.head(slots[0]!)).toEqual(head('a'));
    expect(records.dataJson(slots[0]!)).toBe('{"v":"a2 ✓"}');
    expect(records.dataJson(slots[1]!)).toBe('{"v":"b"}');
    expect(records.hasExtension(slots[1]!)).toBe(true);
    expect(records.isLive(slots[2]!)).toBe(false);
    const big = records.add(head('big'), JSON.stringify({ v: 'y'.repeat(5 * 1024 * 1024) }), false);
    expect(records.dataJson(big).length).toBe(5 * 1024 * 1024 + 8);
  });

  it('finds every key of the index through hash collisions, removals and growth', () => {
    const keys: string[] = [];
    const index = new SlotIndex((slot) => keys[slot]!);
    // Every fourth key shares one hash, so probing past colliding and removed entries is exercised.
    const hashOf = (slot: number) => (slot % 4 === 0 ? 7 : hashKey(keys[slot]!));
    for (let slot = 0; slot < 5000; slot += 1) {
      keys.push(`user-${slot}@example.test`);
      index.insert(hashOf(slot), slot);
    }
    for (let slot = 0; slot < 5000; slot += 3) index.remove(hashOf(slot), slot);
    for (let slot = 0; slot < 5000; slot += 1) {
      expect(index.find(keys[slot]!, hashOf(slot))).toBe(slot % 3 === 0 ? -1 : slot);
    }
    expect(index.size).toBe(5000 - Math.ceil(5000 / 3));
    expect(index.find('nobody')).toBe(-1);
  });
});

describe('answers from the stored JSON', () => {
  it('sends, byte for byte, what serialising the resource object would (POST, GET, filter, PATCH)', async () => {
    const mock = await startMockJostle({ token: 'compact-store-token' });
    try {
      const usersUrl = `${mock.baseUrl}/Users`;
      const send = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`${mock.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/scim+json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return response.text();
      };
      const posted = await send('POST', '/Users', { schemas: [CORE, EXT], ...awkward[1] });
      const id = (JSON.parse(posted) as { id: string }).id;
      const expected = () => JSON.stringify(toResource(mock.findUserById(id)!, usersUrl));
      expect(posted).toBe(expected());
      expect(await send('GET', `/Users/${id}`)).toBe(expected());
      const filter = encodeURIComponent(`userName eq ${JSON.stringify(awkward[1]!.userName)}`);
      expect(await send('GET', `/Users?filter=${filter}`)).toBe(
        JSON.stringify(listResponse([JSON.parse(expected())], 1, 1, 1)),
      );
      const patched = await send('PATCH', `/Users/${id}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'displayName', value: 'Änderung ✓' }],
      });
      expect(patched).toBe(expected());
      expect(JSON.parse(patched).displayName).toBe('Änderung ✓');
    } finally {
      await mock.close();
    }
  });
});

describe('snapshots of the compact store', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('writes the same file format as before and loads a snapshot written by the object-graph store', async () => {
    folder = await mkdtemp(join(tmpdir(), 'compact-store-'));
    // What the object-graph store wrote (format 1): id, meta, then the attributes, per user.
    const old: StoredUser[] = awkward.map((data, index) => ({
      id: `id-${index}`,
      created: `2026-01-0${index + 1}T00:00:00.000Z`,
      lastModified: `2026-02-0${index + 1}T00:00:00.000Z`,
      data,
    }));
    const oldFile = join(folder, 'old.json');
    await writeFile(
      oldFile,
      JSON.stringify({
        format: 'jostle-mock-snapshot',
        version: 1,
        savedAt: '2026-03-01T00:00:00.000Z',
        users: old.map((user) => ({
          id: user.id,
          meta: { created: user.created, lastModified: user.lastModified },
          ...user.data,
        })),
      }),
    );
    const store = new UserStore();
    await loadSnapshot(store, oldFile);
    expect([...store.values()]).toEqual(old);

    const saved = join(folder, 'saved.json');
    await saveSnapshot(store, saved);
    const written = JSON.parse(await readFile(saved, 'utf8'));
    const before = JSON.parse(await readFile(oldFile, 'utf8'));
    expect({ ...written, savedAt: '' }).toEqual({ ...before, savedAt: '' });
    expect(Object.keys(written.users[1])).toEqual(Object.keys(before.users[1]));

    const reloaded = new UserStore();
    await loadSnapshot(reloaded, saved);
    expect([...reloaded.values()]).toEqual(old);
  });
});
