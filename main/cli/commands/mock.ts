import { parseArgs } from 'node:util';
import { parseFaultSpec, startMockJostle, type FaultSpec, type RequestLogEntry } from '../../mock-jostle';
import { UsageError, type CliCommand } from '../command';

const usage = `Usage: npm run cli -- mock [options]

Runs a local mock of Jostle's SCIM 2.0 user-provisioning API until Ctrl+C (SIGINT) or SIGTERM.
Prints the Base URL on the first line of stdout and the bearer token on the second; the request log goes
to stderr, one line per request.

Options:
  --port N            Port on 127.0.0.1 (default: a random free port)
  --host H            Interface to bind (default: 127.0.0.1)
  --token T           Bearer token (default: random; or set JOSTLE_MOCK_TOKEN)
  --base-path P       Path of the Base URL (default: /scim2)
  --seed-users N      Create N synthetic users at start
  --faults SPEC       Inject faults: comma-separated KIND[@ENDPOINT][:NUMBER], e.g. 429@create:120,latency:1500
                      KIND: unauthorized forbidden filterNotFound conflict tooManyRequests serverError
                            latency noResponse duplicateMatches (or 401 403 404 409 429 500)
                      ENDPOINT: all discovery filter get list create replace patch delete
                      NUMBER: latency in ms, or Retry-After seconds for tooManyRequests
  --load FILE         Load users from a snapshot file at start
  --save FILE         Save users to a snapshot file on exit
  --quiet             Do not print the request log
  -h, --help          Show this help`;

function readCount(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max)
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}.`);
  return value;
}

function formatLogLine(entry: RequestLogEntry): string {
  const status = entry.status === null ? 'no-response' : String(entry.status);
  const fault = entry.fault ? ` [fault: ${entry.fault}]` : '';
  return `${entry.at} ${status} ${entry.method} ${entry.path} ${entry.durationMs.toFixed(1)} ms${fault}`;
}

export const mockCommand: CliCommand = {
  name: 'mock',
  summary: 'Run a local mock Jostle SCIM server (with fault injection) until Ctrl+C',
  usage,
  async run(args, io, signal) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        strict: true,
        allowPositionals: false,
        options: {
          port: { type: 'string' },
          host: { type: 'string' },
          token: { type: 'string' },
          'base-path': { type: 'string' },
          'seed-users': { type: 'string' },
          faults: { type: 'string' },
          load: { type: 'string' },
          save: { type: 'string' },
          quiet: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (values.help) {
      io.stdout(usage);
      return 0;
    }
    const port = readCount('port', values.port, 65535);
    const seedUsers = readCount('seed-users', values['seed-users'], 1_000_000);
    let faults: FaultSpec[] = [];
    try {
      faults = parseFaultSpec(values.faults ?? '');
    } catch (error) {
      throw new UsageError(`--faults: ${(error as Error).message}`);
    }
    const token = values.token ?? io.env.JOSTLE_MOCK_TOKEN;
    if (token !== undefined && (token === '' || /\s/.test(token))) {
      throw new UsageError('--token must be non-empty and contain no spaces.');
    }

    const mock = await startMockJostle({
      host: values.host,
      port,
      token,
      basePath: values['base-path'],
      seedUsers,
      faults,
      onRequest: values.quiet ? undefined : (entry) => io.stderr(formatLogLine(entry)),
    });
    try {
      if (values.load) await mock.loadSnapshot(values.load);
      io.stdout(mock.baseUrl);
      io.stdout(mock.token);
      io.stderr(
        `Mock Jostle listening with ${mock.userCount()} users` +
          (faults.length > 0
            ? ` and faults ${faults.map((f) => `${f.kind}@${f.endpoint}`).join(', ')}`
            : '') +
          '. Press Ctrl+C to stop.',
      );
      if (!signal.aborted) {
        await new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => resolve(), { once: true }),
        );
      }
      if (values.save) {
        // Stop accepting, let requests in flight finish, then save: every acknowledged write is in the file.
        const unanswered = await mock.drain();
        if (unanswered > 0)
          io.stderr(
            `${unanswered} request(s) were still unanswered after 5 s; they are not in the snapshot.`,
          );
        io.stderr(`Saving ${mock.userCount()} users to ${values.save}…`);
        await mock.saveSnapshot(values.save);
        io.stderr(`Saved ${mock.userCount()} users to ${values.save}.`);
      }
    } finally {
      await mock.close();
    }
    return 0;
  },
};
