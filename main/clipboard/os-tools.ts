/**
 * Which of the operating system's own clipboard tools to use, found on PATH:
 * - macOS: pbcopy / pbpaste (always there);
 * - Windows: clip.exe to write, PowerShell's Get-Clipboard / Set-Clipboard to read and clear;
 * - Linux: wl-copy / wl-paste on Wayland, else xclip or xsel on X11.
 * The text always goes through standard input, never an argument, so it never shows in a process list.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface ToolCommand {
  file: string;
  args: string[];
}

export interface ClipboardTool {
  /** Shown to the admin and in the log, e.g. "xclip". */
  name: string;
  write: ToolCommand;
  read: ToolCommand;
  /** null: clear by writing an empty text. */
  clear: ToolCommand | null;
  /** Drop the line break a shell host adds to what it prints (PowerShell). */
  trimTrailingNewline: boolean;
}

export type ToolDetection = { tool: ClipboardTool } | { problem: string };

export type FindExecutable = (name: string) => string | null;

/** The first executable file called `name` on PATH (with PATHEXT's extensions on Windows). */
export function pathFinder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): FindExecutable {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const extensions =
    platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  return (name) => {
    for (const dir of dirs) {
      for (const extension of name.includes('.') ? [''] : extensions) {
        const candidate = join(dir, name + extension);
        try {
          if (!statSync(candidate).isFile()) continue;
          if (platform !== 'win32') accessSync(candidate, constants.X_OK);
          return candidate;
        } catch {
          // not here
        }
      }
    }
    return null;
  };
}

const powershell = (script: string): string[] => ['-NoProfile', '-NonInteractive', '-Command', script];

function windowsTool(find: FindExecutable): ToolDetection {
  const clip = find('clip.exe');
  const shell = find('powershell.exe') ?? find('pwsh.exe');
  if (!clip || !shell) {
    return { problem: 'Windows’ clipboard tools (clip.exe and PowerShell) were not found on PATH.' };
  }
  return {
    tool: {
      name: 'clip.exe and PowerShell',
      write: { file: clip, args: [] },
      read: {
        file: shell,
        args: powershell('[Console]::OutputEncoding = [Text.Encoding]::UTF8; Get-Clipboard -Raw'),
      },
      clear: { file: shell, args: powershell('Set-Clipboard -Value $null') },
      trimTrailingNewline: true,
    },
  };
}

function macTool(find: FindExecutable): ToolDetection {
  const copy = find('pbcopy');
  const paste = find('pbpaste');
  if (!copy || !paste) return { problem: 'macOS’ pbcopy and pbpaste were not found on PATH.' };
  return {
    tool: {
      name: 'pbcopy',
      write: { file: copy, args: [] },
      read: { file: paste, args: [] },
      clear: null,
      trimTrailingNewline: false,
    },
  };
}

function linuxTool(find: FindExecutable, env: NodeJS.ProcessEnv): ToolDetection {
  const wayland = Boolean(env.WAYLAND_DISPLAY);
  const x11 = Boolean(env.DISPLAY);
  if (wayland) {
    const copy = find('wl-copy');
    const paste = find('wl-paste');
    if (copy && paste) {
      return {
        tool: {
          name: 'wl-copy',
          write: { file: copy, args: ['--type', 'text/plain'] },
          read: { file: paste, args: ['--no-newline', '--type', 'text/plain'] },
          clear: { file: copy, args: ['--clear'] },
          trimTrailingNewline: false,
        },
      };
    }
  }
  if (x11) {
    const xclip = find('xclip');
    if (xclip) {
      return {
        tool: {
          name: 'xclip',
          write: { file: xclip, args: ['-selection', 'clipboard', '-in'] },
          read: { file: xclip, args: ['-selection', 'clipboard', '-out'] },
          clear: null,
          trimTrailingNewline: false,
        },
      };
    }
    const xsel = find('xsel');
    if (xsel) {
      return {
        tool: {
          name: 'xsel',
          write: { file: xsel, args: ['--clipboard', '--input'] },
          read: { file: xsel, args: ['--clipboard', '--output'] },
          clear: { file: xsel, args: ['--clipboard', '--clear'] },
          trimTrailingNewline: false,
        },
      };
    }
  }
  if (!wayland && !x11) {
    return {
      problem:
        'There is no desktop session here (neither WAYLAND_DISPLAY nor DISPLAY is set), so there is no clipboard to copy to.',
    };
  }
  return {
    problem: `No clipboard tool was found. Install ${wayland ? 'wl-clipboard' : 'xclip or xsel'} to copy from the assistant.`,
  };
}

export function detectClipboardTool(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  find: FindExecutable = pathFinder(env, platform),
): ToolDetection {
  if (platform === 'darwin') return macTool(find);
  if (platform === 'win32') return windowsTool(find);
  return linuxTool(find, env);
}
