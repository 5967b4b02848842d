/**
 * `npm run cli -- entra-schema import FILE` and `entra-schema export --out FILE [--base FILE]`: Entra's
 * synchronization schema in and out, through the same handlers the app's steps use.
 */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  describeMapping,
  exportSynchronizationSchema,
  importSynchronizationSchema,
} from '../../../shared/entra-schema';
import { describeClause } from '../../../shared/scoping';
import { entraSchemaHandlers } from '../../api/entra-schema-handlers';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { openCliContext } from '../app-context';
import { InputFileError, readText } from '../load-inputs';

const usage = `Usage: npm run cli -- entra-schema import <file>
       npm run cli -- entra-schema export --out <file> [--base <schema file>]

import   Reads the Jostle app's synchronization schema (copied from **Provisioning > Attribute mapping >
         Show advanced options > Review your schema here**, or Graph's GET …/jobs/{jobId}/schema) and saves
         its attribute mappings and scoping filters as the assistant's mapping and scope, as the app does.
         Prints what was imported and what could not be.
export   Writes the saved mapping and scoping filters as schema JSON: merged into the imported schema (or
         into --base), keeping everything the assistant does not model; without either, a fresh user
         object mapping to paste into the portal's schema editor.

Exit codes: 0 done, 1 the schema was refused or a file could not be read or written, 2 bad usage.`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { out: { type: 'string' }, base: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function runImport(file: string, io: CliIo): Promise<number> {
  const context = await openCliContext(io.env);
  const result = await entraSchemaHandlers(context).importEntraSchema({
    text: await readText(file),
    fileName: basename(file),
  });
  if (!result.ok) {
    io.stderr(`${basename(file)} was not imported: ${result.message}`);
    io.stderr('Nothing was changed.');
    return 1;
  }
  const { imported } = result.state;
  if (!imported) throw new Error('The import was saved but cannot be read back.');
  io.stdout(
    `Imported "${imported.objectMappingName}" (rule ${imported.ruleName || 'unnamed'}) from ${basename(file)}.`,
  );
  io.stdout(`${imported.mappingCount} attribute mappings:`);
  for (const mapping of result.state.entraMappings ?? [])
    io.stdout(`  ${mapping.target} ← ${describeMapping(mapping)}`);
  io.stdout(`${imported.filterCount} scoping filters (${imported.clauseCount} clauses):`);
  result.scope.filters.forEach((filter, index) => {
    io.stdout(
      `  ${index + 1}. ${filter.title || '(no title)'}: ${filter.clauses.map(describeClause).join(' AND ')}`,
    );
  });
  io.stdout(
    `Scope kept as ${result.scope.scope === 'assignedOnly' ? '"Sync only assigned users and groups"' : '"Sync all users and groups"'}: the schema does not hold that setting.`,
  );
  if (imported.notes.length === 0) io.stdout('Everything in the user mapping was imported.');
  else {
    io.stdout(`Not imported (${imported.notes.length}; kept in the schema when you export):`);
    for (const note of imported.notes) io.stdout(`  ${note.where}: ${note.message}`);
  }
  io.stdout('Saved as the assistant’s mapping and scope.');
  return 0;
}

async function runExport(out: string, basePath: string | undefined, io: CliIo): Promise<number> {
  const context = await openCliContext(io.env);
  let result: { kind: string; content: string };
  if (basePath) {
    const base = importSynchronizationSchema(await readText(basePath));
    if (!base.ok)
      throw new InputFileError(`${basename(basePath)} cannot be used as --base: ${base.error.message}`);
    const [mapping, scope] = await Promise.all([
      context.configuration.mapping(),
      context.configuration.scope(),
    ]);
    const exported = exportSynchronizationSchema({
      mapping: mapping.config,
      filters: scope.config.filters,
      base: base.imported,
    });
    result = {
      kind: exported.kind,
      content: JSON.stringify(exported.kind === 'merged' ? exported.schema : exported.objectMapping, null, 2),
    };
  } else {
    result = await entraSchemaHandlers(context).exportEntraSchema({});
  }
  const file = resolve(out);
  try {
    await writeFile(file, `${result.content}\n`, { mode: 0o600 });
  } catch (error) {
    io.stderr(`Could not write ${file}: ${(error as Error).message}`);
    return 1;
  }
  io.stdout(
    result.kind === 'merged'
      ? `Wrote the synchronization schema with your tested mapping and scoping filters to ${file}.`
      : `Wrote a user object mapping with your tested mapping and scoping filters to ${file} (no schema imported: paste it over the User object mapping in the portal's schema editor).`,
  );
  return 0;
}

export const entraSchemaCommand: CliCommand = {
  name: 'entra-schema',
  summary:
    "Import Entra's synchronization schema as mapping and scope, or export the tested ones as schema JSON",
  usage,
  async run(args, io) {
    const { values, positionals } = parse(args);
    const [action, file, ...rest] = positionals;
    if (rest.length) throw new UsageError(`Unexpected argument “${rest[0]}”.`);
    try {
      if (action === 'import') {
        if (!file) throw new UsageError('Give the schema file: entra-schema import <file>.');
        if (values.out || values.base)
          throw new UsageError('--out and --base belong to entra-schema export.');
        return await runImport(file, io);
      }
      if (action === 'export') {
        if (file) throw new UsageError(`entra-schema export takes no file argument; use --out ${file}.`);
        if (!values.out) throw new UsageError('--out is required.');
        return await runExport(values.out, values.base, io);
      }
    } catch (error) {
      if (error instanceof InputFileError) {
        io.stderr(error.message);
        return 1;
      }
      throw error;
    }
    throw new UsageError(
      action ? `Unknown action “${action}”: use import or export.` : 'Say import or export.',
    );
  },
};
