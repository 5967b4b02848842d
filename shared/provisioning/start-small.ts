/**
 * "Start small": the most users a dry run against the live tenant touches when the admin does not choose.
 * One constant for the window's field, the handlers, the engine and the CLI, so they never drift. Five is
 * our choice (the Plan step asks for one or two test users first); Microsoft sets no such limit.
 */
export const DEFAULT_LIVE_MAX_USERS = 5;
