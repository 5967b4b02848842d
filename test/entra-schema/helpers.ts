import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'entra-schema');

/** A fixture as text, exactly as an admin would paste it. */
export const fixtureText = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
export const fixture = (name: string): unknown => JSON.parse(fixtureText(name));
