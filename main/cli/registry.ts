import type { CliCommand } from './command';
import { mockCommand } from './commands/mock';
import { previewCommand } from './commands/preview';
import { probeCommand } from './commands/probe';

/** Every CLI command, in the order `--help` lists them. */
export const cliCommands: CliCommand[] = [mockCommand, probeCommand, previewCommand];
