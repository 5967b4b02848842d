/**
 * `npm run cli -- key set|status|forget`: the Jostle API key in the OS keychain, without the window.
 * The key is read from standard input only: an argument would land in shell history and the process list.
 * Saving goes through the app's own `saveConnection` handler, so the CLI validates exactly as the app does.
 */
import { parseArgs } from 'node:util';
import type { AppContext } from '../../app/context';
import { createHandlers } from '../../api/handlers';
import { dispatch } from '../../api/dispatch';
import type { ConnectionStatus } from '../../../shared/api/contract';
import { openCliContext } from '../app-context';
import { UsageError, type CliCommand, type CliIo } from '../command';

const usage = `Usage: npm run cli -- key <set|status|forget> [options]

Manages the Jostle Base URL and API key that the assistant keeps in the OS keychain.

  key set --url <BaseURL>   Save the API key, read from standard input (never from an argument):
                              printf '%s' "$JOSTLE_KEY" | npm run cli -- key set --url https://…/scim2
                            In a terminal it asks for the key without showing it.
  key status [--json]       Whether a key is saved, its fingerprint, the date saved and where it is kept.
                            Never prints the key.
  key forget                Remove the key from the keychain.

Exit codes: 0 done (status: a key is saved), 1 not done (status: no key saved), 2 bad usage.`;

/** Far above any real key; stops an accidental `cat bigfile |` from being read whole. */
const MAX_STDIN_BYTES = 64 * 1024;

const SECRET_LOOKING_OPTION = /key|token|secret|password|bearer/i;

/**
 * Parses `--url` (and `--json`), refusing anything that could be a key passed as an argument. Messages never
 * repeat an argument's value, in case it is the key.
 */
function parseKeyArgs(args: string[], allowed: readonly string[]): { url?: string; json: boolean } {
  const { tokens } = parseArgs({
    args,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: { url: { type: 'string' }, json: { type: 'boolean' } },
  });
  let url: string | undefined;
  let json = false;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      throw new UsageError(
        'The API key is never accepted as an argument (it would stay in your shell history). ' +
          'Pipe it on standard input, or run `key set --url <BaseURL>` in a terminal and paste it when asked.',
      );
    }
    if (token.kind !== 'option') continue;
    if (SECRET_LOOKING_OPTION.test(token.name)) {
      throw new UsageError(
        `--${token.name.length <= 20 ? token.name : '…'}: the API key is never accepted as an argument. Pipe it on standard input instead.`,
      );
    }
    if (!allowed.includes(token.name)) {
      const shown = /^[a-z][a-z-]{0,19}$/i.test(token.name) ? token.rawName : 'this option';
      throw new UsageError(`Unknown option ${shown}.`);
    }
    if (token.name === 'url') {
      if (typeof token.value !== 'string' || token.value === '') throw new UsageError('--url needs a value.');
      url = token.value;
    }
    if (token.name === 'json') json = true;
  }
  return { url, json };
}

type RawModeInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/** Reads one line from a terminal without echoing it. Ctrl+C cancels. */
function readHiddenLine(input: RawModeInput & { setRawMode(mode: boolean): unknown }): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new Error('cancelled.'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    input.setRawMode(true);
    input.on('data', onData);
    input.resume();
  });
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) throw new UsageError('Standard input is far too long to be an API key.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readKey(io: CliIo): Promise<string> {
  const input = io.stdin as RawModeInput;
  if (input.isTTY && typeof input.setRawMode === 'function') {
    io.stderr('Paste the Jostle API key and press Enter (it is not shown):');
    return readHiddenLine(input as RawModeInput & { setRawMode(mode: boolean): unknown });
  }
  // `echo key | …` adds a line break; only trailing ones are dropped, anything else the app's checks judge.
  return (await readAll(input)).replace(/[\r\n]+$/, '');
}

function statusLines(status: ConnectionStatus): string[] {
  const { key } = status;
  const storage =
    key.storage === 'os-keychain' ? `OS keychain (${key.storageName})` : `memory only: ${key.storageName}`;
  return [
    `Base URL:     ${status.baseUrl ?? 'not saved'}`,
    `API key:      ${key.saved ? 'saved' : 'not saved'}`,
    ...(key.saved ? [`Fingerprint:  ${key.fingerprint}`, `Saved:        ${key.savedAt}`] : []),
    `Storage:      ${storage}`,
    ...(key.storageProblem ? [key.storageProblem] : []),
  ];
}

type ConnectionChannel = 'getConnectionStatus' | 'saveConnection' | 'forgetApiKey';

/** Through dispatch, like the window's calls: the same request validation and the same error envelope. */
async function call(
  context: AppContext,
  channel: ConnectionChannel,
  request: object,
): Promise<{ ok: true; status: ConnectionStatus } | { ok: false; message: string }> {
  const answer = await dispatch(createHandlers(context), channel, request, context.logger);
  if (!answer.ok) return { ok: false, message: answer.error.message };
  return { ok: true, status: answer.value as ConnectionStatus };
}

async function setKey(args: string[], io: CliIo): Promise<number> {
  const { url } = parseKeyArgs(args, ['url']);
  const context = await openCliContext(io.env, io.stderr);
  const baseUrl = url ?? context.settings.read().connection.baseUrl;
  if (!baseUrl)
    throw new UsageError('--url is required: the SCIM Base URL from Jostle’s Manage user provisioning page.');
  const apiKey = await readKey(io);
  if (apiKey === '')
    throw new UsageError('No API key on standard input. Pipe it in, or run this in a terminal.');
  const answer = await call(context, 'saveConnection', { baseUrl, apiKey });
  if (!answer.ok) {
    io.stderr(`Not saved: ${answer.message}`);
    return 1;
  }
  const { key } = answer.status;
  if (key.storage === 'memory') {
    io.stderr(
      `Not saved: ${key.storageProblem ?? 'no keychain is available.'} A command-line run forgets it at once.`,
    );
    return 1;
  }
  io.stdout(`Saved the API key for ${answer.status.baseUrl} in the ${key.storageName}.`);
  io.stdout(`Fingerprint ${key.fingerprint}, saved ${key.savedAt}.`);
  return 0;
}

async function showStatus(args: string[], io: CliIo): Promise<number> {
  const { json } = parseKeyArgs(args, ['json']);
  const answer = await call(await openCliContext(io.env, io.stderr), 'getConnectionStatus', {});
  if (!answer.ok) {
    io.stderr(answer.message);
    return 1;
  }
  if (json) io.stdout(JSON.stringify(answer.status, null, 2));
  else statusLines(answer.status).forEach((line) => io.stdout(line));
  return answer.status.key.saved ? 0 : 1;
}

async function forgetKey(args: string[], io: CliIo): Promise<number> {
  parseKeyArgs(args, []);
  const context = await openCliContext(io.env, io.stderr);
  const before = await context.vault.status();
  const answer = await call(context, 'forgetApiKey', {});
  if (!answer.ok) {
    io.stderr(answer.message);
    return 1;
  }
  io.stdout(
    before.saved
      ? `Forgot the API key ${before.fingerprint} (removed from the ${before.storageName}). The Base URL is kept.`
      : 'No API key was saved; nothing to forget.',
  );
  return 0;
}

export const keyCommand: CliCommand = {
  name: 'key',
  summary: 'Save (from standard input), check or forget the Jostle API key in the OS keychain',
  usage,
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'set') return setKey(rest, io);
    if (action === 'status') return showStatus(rest, io);
    if (action === 'forget') return forgetKey(rest, io);
    throw new UsageError(
      action === undefined
        ? 'Say what to do: set, status or forget.'
        : 'Unknown action: use set, status or forget.',
    );
  },
};
