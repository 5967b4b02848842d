/** Server-controlled text never reaches the terminal raw: ANSI and other controls are printed as escapes. */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/command';
import { runCli } from '../../main/cli/index';
import { safeForTerminal } from '../../main/cli/terminal-text';
import { startHttpServer, type LocalServer } from '../scim/hostile-servers';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function io(env: NodeJS.ProcessEnv): CliIo & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    stdout: (line) => out.push(line),
    stderr: (line) => out.push(line),
    env: { JPA_KEYCHAIN_SERVICE: `jpa-term-${process.pid}`, ...env },
    stdin: new PassThrough(),
  };
}

// Clears the line and paints a green "PASS" over whatever the CLI printed.
const FAKE_PASS = '\r\u001b[2K\u001b[32mPASS\u001b[0m  test-connection \u009b2K\u202e';
// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('terminal output', () => {
  it('escapes controls but keeps text, new lines and tabs', () => {
    expect(safeForTerminal('a\u001b[31mb\tc\nd\u009b')).toBe('a\\u001b[31mb\tc\nd\\u009b');
  });

  it('a hostile Retry-After and 429 cannot paint over the probe table; --json stays valid', async () => {
    server = await startHttpServer((_request, response) => {
      response.writeHead(429, { 'content-type': 'application/scim+json', 'retry-after': '0' });
      response.end(JSON.stringify({ detail: FAKE_PASS, status: '429' }));
    });
    const human = io({ KEY: 'abcdefghijklmnop1234' });
    const args = ['probe', '--url', server.url, '--token-env', 'KEY'];
    await runCli(args, human, new AbortController().signal);
    for (const line of human.out) expect(line).not.toMatch(CONTROL);

    const json = io({ KEY: 'abcdefghijklmnop1234' });
    await runCli([...args, '--json'], json, new AbortController().signal);
    const text = json.out.join('\n');
    expect(text).not.toMatch(CONTROL);
    expect(JSON.stringify(JSON.parse(text))).toContain('\\u001b[2K');
  });

  it('--token-env with a line break gets the window’s message', async () => {
    const output = io({ KEY: 'abcdefghijklmnop\r\nX-Injected: 1' });
    const code = await runCli(
      ['probe', '--url', 'http://127.0.0.1:9/scim2', '--token-env', 'KEY'],
      output,
      new AbortController().signal,
    );
    expect(code).toBe(2);
    expect(output.out.join('\n')).toContain(
      'KEY: The API key contains a line break. Copy it again as one line.',
    );
  });
});
