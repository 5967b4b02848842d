import { Readable } from 'node:stream';
import type { CliIo } from '../../main/cli/command';
import { runCli } from '../../main/cli/index';
import { READ_SCOPES, WRITE_SCOPES } from '../../main/graph';

export function capture(env: NodeJS.ProcessEnv): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env,
    stdin: Readable.from([]),
  };
}

export async function cli(args: string[], env: NodeJS.ProcessEnv) {
  const io = capture(env);
  const code = await runCli(args, io, new AbortController().signal);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

export const ALL_READ = [...READ_SCOPES];
export const READ_AND_WRITE = [...READ_SCOPES, ...WRITE_SCOPES];
