import { readFile } from 'node:fs/promises';

export type JsonFile =
  { state: 'missing' } | { state: 'unreadable'; reason: string } | { state: 'read'; value: unknown };

/** Reads a JSON file from the data folder, telling "never saved" apart from "saved but unreadable". */
export async function readJsonFile(file: string): Promise<JsonFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', reason: (error as Error).message };
  }
  try {
    return { state: 'read', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { state: 'unreadable', reason: `not valid JSON (${(error as Error).message})` };
  }
}
