import { JOSTLE_USER_EXTENSION } from '../../shared/jostle/schema';
import type { UserData } from './user-model';
import type { UserStore } from './user-store';

const GIVEN = [
  'Ada',
  'Bea',
  'Cai',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kai',
  'Lea',
  'Mo',
  'Noor',
];
const FAMILY = [
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Sato',
  'Tran',
  'Uysal',
  'Varga',
  'Weiss',
  'Xu',
  'Yilmaz',
];
const TITLES = ['Engineer', 'Designer', 'Nurse', 'Analyst', 'Teacher', 'Manager'];

/**
 * Adds `count` plausible users (deterministic names, unique userNames). Numbers continue after the highest
 * existing synthetic user, so repeated calls never collide.
 */
export function generateUsers(store: UserStore, count: number): void {
  if (!Number.isInteger(count) || count < 0)
    throw new Error('The number of users must be a whole number ≥ 0.');
  const created = new Date().toISOString();
  let serial = store.size;
  for (let made = 0; made < count; serial += 1) {
    const givenName = GIVEN[serial % GIVEN.length] as string;
    const familyName = FAMILY[Math.floor(serial / GIVEN.length) % FAMILY.length] as string;
    const userName = `${givenName}.${familyName}.${serial}@example.test`.toLowerCase();
    if (store.hasUserName(userName)) continue;
    const data: UserData = {
      userName,
      name: { givenName, familyName },
      displayName: `${givenName} ${familyName}`,
      title: TITLES[serial % TITLES.length],
      active: serial % 17 !== 0,
      externalId: `synthetic-${serial}`,
      emails: [{ value: userName, type: 'work', primary: true }],
    };
    if (serial % 5 === 0) {
      (data.emails as unknown[]).push({
        value: `${givenName}.${serial}@home.example`.toLowerCase(),
        type: 'personal',
      });
      data[JOSTLE_USER_EXTENSION] = { personalPronouns: 'they/them', loginType: 'sso' };
    }
    store.create(data, created);
    made += 1;
  }
}
