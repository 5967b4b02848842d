import type { CliCommand } from './command';
import { dryRunCommand } from './commands/dry-run';
import { entraCommand } from './commands/entra';
import { entraSchemaCommand } from './commands/entra-schema';
import { exportCommand } from './commands/export';
import { keyCommand } from './commands/key';
import { mappingCommand } from './commands/mapping';
import { mockCommand } from './commands/mock';
import { previewCommand } from './commands/preview';
import { probeCommand } from './commands/probe';

/** Every CLI command, in the order `--help` lists them. */
export const cliCommands: CliCommand[] = [
  keyCommand,
  mockCommand,
  probeCommand,
  previewCommand,
  mappingCommand,
  dryRunCommand,
  exportCommand,
  entraCommand,
  entraSchemaCommand,
];
