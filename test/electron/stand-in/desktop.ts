/**
 * clipboard + ClipboardItem, dialog, Menu, shell, screen (electron.d.ts `interface Clipboard`,
 * `class ClipboardItem`, `interface Dialog`, `class Menu`). The clipboard keeps the last written items with
 * their MIME types, so a test can see the OS "sensitive content" formats next to the text.
 */
type ItemValue = string | Electron.ClipboardBookmark | Blob | Promise<Blob | string>;

export class ClipboardItem {
  readonly types: string[];
  constructor(private readonly items: Record<string, ItemValue>) {
    this.types = Object.keys(items);
  }

  async getType(type: string): Promise<Blob> {
    if (!(type in this.items)) throw new Error(`NotFoundError: ${type} is not in this ClipboardItem`);
    const value = await this.items[type];
    return value instanceof Blob
      ? value
      : new Blob([typeof value === 'string' ? value : JSON.stringify(value)]);
  }
}

let items: ClipboardItem[] = [];

export const clipboard = {
  async write(data: ClipboardItem[]): Promise<void> {
    items = data;
  },
  async writeText(text: string): Promise<void> {
    items = [new ClipboardItem({ 'text/plain': text })];
  },
  async readText(): Promise<string> {
    const item = items.find((candidate) => candidate.types.includes('text/plain'));
    return item ? (await item.getType('text/plain')).text() : '';
  },
  async read(): Promise<ClipboardItem[]> {
    return items;
  },
  async has(mimetype: string): Promise<boolean> {
    return items.some((item) => item.types.includes(mimetype));
  },
  clear(): void {
    items = [];
  },
  /** Stand-in only: every type written last time, e.g. the Windows history opt-out format. */
  writtenTypes: (): string[] => items.flatMap((item) => item.types),
  async bytesOf(type: string): Promise<Uint8Array | null> {
    const item = items.find((candidate) => candidate.types.includes(type));
    return item ? new Uint8Array(await (await item.getType(type)).arrayBuffer()) : null;
  },
};

export const dialog = {
  errorBoxes: [] as Array<{ title: string; content: string }>,
  messageBoxes: [] as Electron.MessageBoxOptions[],
  /** The button index the next message box answers with. */
  nextResponse: 0,
  /** When true, message boxes stay open until `answer()` — as a real one does until the admin clicks. */
  hold: false,
  held: [] as Array<(response: number) => void>,
  answer(response: number): void {
    this.held.shift()?.(response);
  },
  saveAnswer: { canceled: true, filePath: '' } as Electron.SaveDialogReturnValue,
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  },
  async showMessageBox(
    windowOrOptions: unknown,
    maybeOptions?: Electron.MessageBoxOptions,
  ): Promise<Electron.MessageBoxReturnValue> {
    const options = (maybeOptions ?? windowOrOptions) as Electron.MessageBoxOptions;
    this.messageBoxes.push(options);
    const response = this.hold
      ? await new Promise<number>((resolve) => this.held.push(resolve))
      : this.nextResponse;
    return { response, checkboxChecked: false };
  },
  async showSaveDialog(): Promise<Electron.SaveDialogReturnValue> {
    return this.saveAnswer;
  },
  reset(): void {
    this.errorBoxes = [];
    this.messageBoxes = [];
    this.nextResponse = 0;
  },
};

export class Menu {
  constructor(readonly items: Electron.MenuItemConstructorOptions[]) {}
  static applicationMenu: Menu | null = null;
  static buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): Menu {
    return new Menu(template);
  }
  static setApplicationMenu(menu: Menu | null): void {
    Menu.applicationMenu = menu;
  }
  static getApplicationMenu(): Menu | null {
    return Menu.applicationMenu;
  }
}

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
};

export const screen = {
  getDisplayMatching(): { workArea: Electron.Rectangle } {
    return { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  },
};
