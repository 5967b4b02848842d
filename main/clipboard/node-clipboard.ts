/**
 * The clipboard through the OS's own tools, for the browser mode, the CLI and tests (Electron uses its own
 * `clipboard` module instead). The tool is looked up on every call, so installing one while the assistant
 * runs works without a restart.
 */
import { spawn } from 'node:child_process';
import { detectClipboardTool, type ClipboardTool, type ToolCommand } from './os-tools';
import type { SecretClipboard } from './secret-clipboard';

export { detectClipboardTool, type ClipboardTool } from './os-tools';

export interface NodeClipboardOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** A tool that hangs (no X server answering) is stopped after this long. */
  timeoutMs?: number;
}

/** Writes `input` to the command's standard input. Waits for exit, not for its output pipes to close:
 * xclip, xsel and wl-copy leave a child behind that serves the clipboard and would hold them open. */
function runWrite(command: ToolCommand, input: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command.file, command.args, {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
      timeout: timeoutMs,
      windowsHide: true,
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(signal ? `stopped after ${timeoutMs} ms` : `exit code ${code}`));
    });
    child.stdin!.on('error', () => undefined); // a tool that exits early is reported through its exit code
    child.stdin!.end(input);
  });
}

function runRead(command: ToolCommand, env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(command.file, command.args, {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: timeoutMs,
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(chunks).toString('utf8') }));
  });
}

export class NodeSecretClipboard implements SecretClipboard {
  private readonly env: NodeJS.ProcessEnv;
  private readonly platform: NodeJS.Platform;
  private readonly timeoutMs: number;

  constructor(options: NodeClipboardOptions = {}) {
    this.env = options.env ?? process.env;
    this.platform = options.platform ?? process.platform;
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /** The tool in use, or why there is none. */
  detect(): { tool: ClipboardTool } | { problem: string } {
    return detectClipboardTool(this.env, this.platform);
  }

  async available(): Promise<boolean> {
    return 'tool' in this.detect();
  }

  async problem(): Promise<string | null> {
    const found = this.detect();
    return 'problem' in found ? found.problem : null;
  }

  private tool(): ClipboardTool {
    const found = this.detect();
    if ('problem' in found) throw new Error(found.problem);
    return found.tool;
  }

  async write(text: string): Promise<void> {
    const tool = this.tool();
    try {
      await runWrite(tool.write, text, this.env, this.timeoutMs);
    } catch (error) {
      throw new Error(`${tool.name} could not write to the clipboard (${(error as Error).message}).`);
    }
  }

  /** The OS tools have no way to mark text as sensitive, so plain and secret text are written alike. */
  writePlain(text: string): Promise<void> {
    return this.write(text);
  }

  async read(): Promise<string | null> {
    const tool = this.tool();
    const { code, stdout } = await runRead(tool.read, this.env, this.timeoutMs);
    // xclip and xsel exit non-zero when the clipboard holds no text.
    if (code !== 0) return null;
    const text = tool.trimTrailingNewline ? stdout.replace(/\r?\n$/, '') : stdout;
    return text === '' ? null : text;
  }

  async clear(): Promise<void> {
    const tool = this.tool();
    try {
      if (tool.clear) await runWrite(tool.clear, '', this.env, this.timeoutMs);
      else await runWrite(tool.write, '', this.env, this.timeoutMs);
    } catch (error) {
      throw new Error(`${tool.name} could not clear the clipboard (${(error as Error).message}).`);
    }
  }
}
