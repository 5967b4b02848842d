/**
 * `npm run cli -- export --out <file>`: the support summary without the window, through the same handler the
 * app's Export step uses. The format follows the file's extension.
 */
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportHandlers } from '../../api/export-handlers';
import { writeFileAtomic } from '../../app/atomic-files';
import { EXPORT_FORMATS, formatFromFileName } from '../../export';
import { UsageError, type CliCommand } from '../command';
import { openCliContext } from '../app-context';
import { appPathOption } from '../load-inputs';

const usage = `Usage: npm run cli -- export --out <file.md|file.json|file.html> [--include-user-data] [--app gallery|custom]

Writes the support summary: assistant version, OS, Base URL host, key fingerprint (never the key), proxy and
certificate settings, mapping, scoping, the latest probe results and dry run, and which steps are done.

Options:
  --out FILE             Where to write it; .md, .json or .html picks the format
  --include-user-data    Also include the imported users and assignments (left out by default: only counts)
  --app gallery|custom  The setup path to report (default: the one chosen in the app)
  -h, --help             Show this help

Exit codes: 0 written, 1 could not write, 2 bad usage.`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: 'string' },
        'include-user-data': { type: 'boolean', default: false },
        app: { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Write the support summary (Markdown, JSON or HTML) without the API key',
  usage,
  async run(args, io) {
    const values = parse(args);
    if (!values.out) throw new UsageError('--out is required.');
    const format = formatFromFileName(values.out);
    if (!format) {
      const extension = extname(values.out) || 'no extension';
      throw new UsageError(
        `--out must end in .md, .json or .html, not ${extension}. (PDF comes from the desktop app.)`,
      );
    }
    const includeUserData = values['include-user-data'];
    const appPath = values.app === undefined ? undefined : appPathOption(values.app);
    const context = await openCliContext(io.env, io.stderr);
    // For this export only; the path saved in the app is left as it is.
    if (appPath) context.appPathOverride = appPath;
    const result = await exportHandlers(context).exportSummary({ format, includeUserData });
    const file = resolve(values.out);
    try {
      // Temporary file then rename: a kill mid-write leaves the old file (or none), never an empty one.
      // The folder must exist already: a typo in --out should fail, not create folders.
      await writeFileAtomic(file, result.content, 0o600, { createFolder: false });
    } catch (error) {
      io.stderr(`Could not write ${file}: ${(error as Error).message}`);
      return 1;
    }
    io.stdout(`Wrote the support summary (${EXPORT_FORMATS[format].label}) to ${file}.`);
    io.stdout(
      `It contains no API key. Imported user data: ${includeUserData ? 'included, as you asked' : 'left out (add --include-user-data to include it)'}.`,
    );
    return 0;
  },
};
