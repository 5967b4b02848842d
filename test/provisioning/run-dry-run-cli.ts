import type { CliIo } from '../../main/cli/command';
import { dryRunCommand } from '../../main/cli/commands/dry-run';

/** Runs `npm run cli -- dry-run …` in-process and collects what it printed. */
export async function runDryRunCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env,
    stdin: process.stdin,
  };
  const code = await dryRunCommand.run(args, io, new AbortController().signal);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
