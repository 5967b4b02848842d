import SCIMMY from 'scimmy';
import { invalidFilter } from './errors';
import { CORE_PREFIX_LOWER } from './schema-index';

const SIMPLE_USERNAME_EQ = /^\s*userName\s+eq\s+"([^"\\]*)"\s*$/i;

const SUPPORTED = 'Jostle supports only filter=userName eq "value" (attribute and operator in any case).';

/**
 * Reads a `filter` query value (already URL-decoded, so `+` and `%20` are spaces) into the userName to look
 * up. SCIMMY's parser does the grammar (RFC 7644 §3.4.2.2) and its invalidFilter errors; this function then
 * narrows the result to the one expression Jostle answers.
 */
export function parseUserNameFilter(filter: string): string {
  // Fast path for the one shape Entra sends on every match and Test Connection; it accepts only what the
  // SCIMMY path below would accept too (no escapes inside the value).
  const simple = SIMPLE_USERNAME_EQ.exec(filter);
  if (simple) return simple[1] as string;
  let parsed: unknown;
  try {
    parsed = new SCIMMY.Types.Filter(filter);
  } catch (error) {
    throw invalidFilter(`Malformed filter: ${(error as Error).message}. ${SUPPORTED}`);
  }
  const expressions = parsed as Array<Record<string, unknown>>;
  const only = expressions.length === 1 ? expressions[0] : undefined;
  const keys = only ? Object.keys(only) : [];
  const key = keys.length === 1 ? keys[0] : undefined;
  if (!only || key === undefined) {
    throw invalidFilter(`Filter '${filter}' combines expressions. ${SUPPORTED}`);
  }
  const attribute = key.toLowerCase();
  if (attribute !== 'username' && attribute !== `${CORE_PREFIX_LOWER}username`) {
    throw invalidFilter(`Filtering on '${key}' is not supported. ${SUPPORTED}`);
  }
  const comparison = only[key];
  if (Array.isArray(comparison) && Array.isArray(comparison[0])) {
    throw invalidFilter(`Filter '${filter}' combines expressions. ${SUPPORTED}`);
  }
  if (!Array.isArray(comparison) || comparison[0] !== 'eq' || comparison.length !== 2) {
    throw invalidFilter(`Only the 'eq' operator is supported. ${SUPPORTED}`);
  }
  const value: unknown = comparison[1];
  // SCIMMY reads an unquoted word as a string; RFC 7644 requires a quoted string, and so do we.
  if (typeof value !== 'string' || !/\beq\s+"/i.test(filter)) {
    throw invalidFilter(`The userName value must be a quoted string. ${SUPPORTED}`);
  }
  return value;
}
