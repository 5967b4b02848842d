/**
 * The shape every `npm run cli -- <command>` implements. Commands get their I/O injected so tests can run
 * them in-process and read exactly what a user would see.
 */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Standard input, for secrets that must never be passed as arguments. */
  stdin: NodeJS.ReadableStream;
}

export interface CliCommand {
  name: string;
  /** One line for `cli --help`. */
  summary: string;
  /** The full usage text, shown on `--help` and after a usage error. */
  usage: string;
  /**
   * Runs the command and resolves to its exit code. Long-running commands (the mock server) resolve when
   * `signal` aborts, which the entry point does on SIGINT or SIGTERM.
   */
  run(args: string[], io: CliIo, signal: AbortSignal): Promise<number>;
}

/** Thrown for bad arguments; the entry point prints the message and the usage, and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
