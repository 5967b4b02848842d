/**
 * `npm run cli -- <command> …`: the assistant's engines without a window, for scripting and support.
 * Runs straight from the TypeScript sources with tsx, so it works right after `npm ci`.
 */
import type { CliCommand, CliIo } from './command';
import { UsageError } from './command';
import { cliCommands } from './registry';
import { safeForTerminal } from './terminal-text';

function overview(): string {
  const width = Math.max(...cliCommands.map((command) => command.name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...cliCommands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `npm run cli -- <command> --help` for a command’s options.',
  ].join('\n');
}

export async function runCli(argv: string[], rawIo: CliIo, signal: AbortSignal): Promise<number> {
  // Every command prints through this: server-controlled text can never drive the terminal.
  const io: CliIo = {
    ...rawIo,
    stdout: (line) => rawIo.stdout(safeForTerminal(line)),
    stderr: (line) => rawIo.stderr(safeForTerminal(line)),
  };
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? 2 : 0;
  }
  const command: CliCommand | undefined = cliCommands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`Unknown command “${name}”.\n\n${overview()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io, signal);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${command.usage}`);
      return 2;
    }
    io.stderr(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));

if (isEntryPoint) {
  const controller = new AbortController();
  // First Ctrl+C (or SIGTERM): stop gracefully — a running save finishes. Second: say what is going on.
  // Third: quit at once and say plainly that what was being saved was not (files keep their old content,
  // because every save writes a temporary file and renames it).
  let signals = 0;
  const onSignal = (): void => {
    signals += 1;
    if (signals === 1) controller.abort();
    else if (signals === 2)
      process.stderr.write(
        'Finishing up (saving, if a save was asked for). Press Ctrl+C again to quit without waiting.\n',
      );
    else {
      process.stderr.write(
        'Quit before finishing: anything still being saved was NOT saved; files keep their previous content.\n',
      );
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const io: CliIo = {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    stdin: process.stdin,
  };
  runCli(process.argv.slice(2), io, controller.signal).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
