/** Where the desktop app saves exports: the system save dialog, provided by the Electron glue. */
export interface ExportSaver {
  /** Resolves with the chosen path, or null when the admin cancels the dialog. */
  save(file: {
    suggestedName: string;
    content: string;
    format: 'markdown' | 'json' | 'html' | 'pdf';
  }): Promise<string | null>;
}
