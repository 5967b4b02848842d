/**
 * Values an expression works with, and the conversions Entra's .NET runtime applies between them.
 */

/** What an attribute or expression can evaluate to. `null` is an absent attribute. */
export type ExpressionValue = string | boolean | number | readonly string[] | null;

/** A failure while evaluating, with the span of the call that failed. */
export class ExpressionEvaluationError extends Error {
  override name = 'ExpressionEvaluationError';
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** Null, empty string and empty list all count as "null or empty" in Entra's checks. */
export function isNullOrEmpty(value: ExpressionValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** .NET's `Boolean.ToString()` gives "True"/"False"; Switch keys and CStr depend on that spelling. */
export function booleanText(value: boolean): string {
  return value ? 'True' : 'False';
}

/**
 * Converts a single value to text. Lists are refused: a multi-valued attribute must go through Item or
 * Join before it can become one string.
 */
export function toText(value: ExpressionValue, describeFor: string): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return booleanText(value);
  if (typeof value === 'number') return String(value);
  if (value.length === 0) return null;
  if (value.length === 1) return value[0] as string;
  throw new Error(`${describeFor} received a list of ${value.length} values; use Item or Join to pick one`);
}

/** Parses "True"/"false"/1/0 the way Convert.ToBoolean plus CBool's "non-zero is true" rule do. */
export function toBoolean(value: ExpressionValue, describeFor: string): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const text = toText(value, describeFor);
  if (text === null) return false;
  const trimmed = text.trim();
  if (/^true$/i.test(trimmed)) return true;
  if (/^false$/i.test(trimmed)) return false;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) !== 0;
  throw new Error(`${describeFor} cannot read "${text}" as a Boolean (expected True, False or a number)`);
}

/** An integer argument such as Left's numChars; "3" is accepted because attributes arrive as text. */
export function toInteger(value: ExpressionValue, describeFor: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  const text = typeof value === 'number' ? String(value) : toText(value, describeFor);
  if (text === null || !/^\s*-?\d+\s*$/.test(text)) {
    throw new Error(`${describeFor} needs a whole number but got ${text === null ? 'nothing' : `"${text}"`}`);
  }
  return Number(text);
}

/** Thrown by IgnoreFlowIfNullOrEmpty and caught at the top: the whole attribute leaves the flow. */
export class IgnoreFlowSignal {}
