import { Readable } from 'node:stream';
import { UsageError, type CliCommand, type CliIo } from '../../main/cli/command';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/**
 * Runs one command the way `runCli` does (usage errors print the message and exit 2), without needing the
 * command to be in the registry yet.
 */
export async function runCommand(
  command: CliCommand,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin: NodeJS.ReadableStream = Readable.from([]),
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (line) => out.push(line), stderr: (line) => err.push(line), env, stdin };
  try {
    return { code: await command.run(args, io, new AbortController().signal), out, err };
  } catch (error) {
    if (error instanceof UsageError) {
      err.push(`${error.message}\n\n${command.usage}`);
      return { code: 2, out, err };
    }
    throw error;
  }
}

export const stdinOf = (text: string): NodeJS.ReadableStream => Readable.from([Buffer.from(text)]);
