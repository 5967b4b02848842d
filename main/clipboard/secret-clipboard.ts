/**
 * The system clipboard as a port, so the API key can travel from the keychain to the clipboard without ever
 * passing through the window. Electron's `clipboard` module backs it in the desktop app; the OS's own tools
 * back it in the browser mode (the server runs on the admin's computer, so its clipboard is theirs).
 */
export interface SecretClipboard {
  /** False when there is no clipboard to write to (no tool installed, no desktop session). */
  available(): Promise<boolean>;
  /** Writes a secret: where the platform has them, with the markers that keep it out of history and sync. */
  write(text: string): Promise<void>;
  /** Writes ordinary text (the Copy buttons); absent = `write`. */
  writePlain?(text: string): Promise<void>;
  /** The clipboard's text, or null when it holds no text. */
  read(): Promise<string | null>;
  clear(): Promise<void>;
  /** Why `available()` is false, in words an admin can act on; null when it is available. Optional. */
  problem?(): Promise<string | null>;
}
