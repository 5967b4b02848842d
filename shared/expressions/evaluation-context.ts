import type { ExpressionValue } from './values';
import type { EvaluationClock } from './volatile';

/** What an expression can read about the user it is evaluated for. */
export interface EvaluationContext {
  /** The user's source attribute, or null when the user does not have it. */
  attribute(name: string): ExpressionValue;
  /**
   * `[IsSoftDeleted]`: true when the user is unassigned, out of scope, soft-deleted or has
   * accountEnabled = false (reference §11).
   */
  isSoftDeleted: boolean;
  /** Stands in for the real time and randomness; {@link DEFAULT_EVALUATION_CLOCK} when absent. */
  clock?: EvaluationClock;
  /** Identifies the user for generated values (the objectId); "" when absent. */
  userKey?: string;
}
