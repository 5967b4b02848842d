import { parseArgs } from 'node:util';
import { runProbes, type ProbeReport, type ProbeResult } from '../../probes';
import { isLoopbackHost, writeConfirmed } from '../../../shared/connection/validation';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { redactUrlSecrets } from '../../scim/redact';
import { tokenForUrl } from '../token';
import { readSavedProxySignIn } from '../../network/proxy-credentials';
import { Redactor } from '../../logging/redactor';

const usage = `Usage: npm run cli -- probe --url <BaseURL> [options]

Checks a Jostle SCIM Base URL and API key the way Microsoft Entra will use them, and says what to fix.
Read-only by default; safe on a production tenant.

Options:
  --url URL             The SCIM Base URL from Jostle's Manage user provisioning page (required)
  --token-env NAME      Read the API key from environment variable NAME
                        (default: the key saved by the assistant in the OS keychain for this Base URL)
  --write               Also create, change and delete a throwaway user (jpa-probe-…@example.invalid)
  --confirm-host HOST   Required with --write unless the URL is on this computer: the Base URL's host name
  --ca-file FILE        Also trust the CA certificates in this PEM file (corporate TLS inspection)
  --timeout SECONDS     Per-request headers and body timeout (default 30; connect timeout 10)
  --json                Print the report as JSON
  -h, --help            Show this help

Exit codes: 0 no probe failed (warnings allowed), 1 a probe failed, 2 bad usage.`;

const ICONS: Record<ProbeResult['status'], string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  skipped: 'SKIP',
};

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        'token-env': { type: 'string' },
        write: { type: 'boolean', default: false },
        'confirm-host': { type: 'string' },
        'ca-file': { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

export function formatReport(report: ProbeReport): string[] {
  const idWidth = Math.max(...report.probes.map((probe) => probe.id.length));
  const lines = [`Probes against ${report.baseUrl}${report.write ? ' (with writes)' : ' (read-only)'}`, ''];
  const explained = new Map<string, string>();
  for (const probe of report.probes) {
    const time = `${probe.durationMs} ms`.padStart(8);
    lines.push(`${ICONS[probe.status]}  ${probe.id.padEnd(idWidth)} ${time}  ${probe.summary}`);
    if (!probe.remedy || probe.status === 'pass' || probe.finding === 'dependency') continue;
    const indent = ' '.repeat(idWidth + 18);
    // The same cause often fails several probes; explain it once.
    const first = explained.get(probe.remedy);
    if (first) lines.push(`${indent}Fix: as for ${first} above.`);
    else {
      explained.set(probe.remedy, probe.id);
      lines.push(...wrap(`Fix: ${probe.remedy}`, 100, indent));
    }
  }
  lines.push('');
  for (const leftover of report.leftovers) {
    lines.push(
      `Left behind: user ${leftover.userName}${leftover.id ? ` (id ${leftover.id})` : ''}, ${leftover.state}. ${leftover.note}`,
    );
  }
  const { pass, warn, fail, skipped } = report.counts;
  lines.push(
    `${pass} passed, ${warn} warned, ${fail} failed, ${skipped} skipped in ${report.durationMs} ms${report.cancelled ? ' (cancelled)' : ''}.`,
  );
  return lines;
}

export const probeCommand: CliCommand = {
  name: 'probe',
  summary: 'Check a Base URL and API key as Entra will use them (Test Connection and diagnostics)',
  usage,
  async run(args, io: CliIo, signal) {
    const values = parse(args);
    if (values.help) {
      io.stdout(usage);
      return 0;
    }
    if (!values.url) throw new UsageError('--url is required.');
    let url: URL;
    try {
      url = new URL(values.url);
    } catch {
      throw new UsageError(`--url “${redactUrlSecrets(values.url)}” is not a URL.`);
    }
    let timeoutMs: number | undefined;
    if (values.timeout !== undefined) {
      const seconds = Number(values.timeout);
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600)
        throw new UsageError('--timeout must be seconds between 0 and 600.');
      timeoutMs = Math.round(seconds * 1000);
    }
    if (values.write && !writeConfirmed(values.url, values['confirm-host'])) {
      throw new UsageError(
        isLoopbackHost(url.hostname)
          ? '--write could not be confirmed.'
          : `--write changes data in your tenant: add --confirm-host ${url.hostname} to confirm.`,
      );
    }
    const token = await tokenForUrl(url, values['token-env'], io.env);
    // A proxy sign-in saved in the app applies here too; the keychain is asked only when a proxy is set.
    const proxySet = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => io.env[name]);
    const proxyCredentials = proxySet ? await readSavedProxySignIn(io.env, new Redactor()) : null;
    const report = await runProbes({
      baseUrl: values.url,
      token,
      write: values.write,
      confirmHost: values['confirm-host'],
      signal,
      clientOptions: {
        env: io.env,
        ...(proxyCredentials ? { proxyCredentials } : {}),
        ...(values['ca-file'] ? { caFile: values['ca-file'] } : {}),
        ...(timeoutMs
          ? { timeouts: { connectMs: Math.min(10_000, timeoutMs), headersMs: timeoutMs, bodyMs: timeoutMs } }
          : {}),
      },
    });
    if (values.json) io.stdout(JSON.stringify(report, null, 2));
    else formatReport(report).forEach((line) => io.stdout(line));
    return report.ok ? 0 : 1;
  },
};
