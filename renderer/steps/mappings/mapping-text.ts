/** How a mapping reads in the table. */
import { JOSTLE_USER_EXTENSION } from '../../../shared/jostle/schema';

/** Extension attributes shortened to their name; the full path is kept for the tooltip. */
export const shortTarget = (path: string): string =>
  path.startsWith(`${JOSTLE_USER_EXTENSION}:`)
    ? `…:User:${path.slice(JOSTLE_USER_EXTENSION.length + 1)}`
    : path;

/** Line and column (1-based) of an offset in a possibly multi-line expression. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
