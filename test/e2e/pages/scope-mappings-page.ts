import { expect, type Locator, type Page } from '@playwright/test';

export const SOURCE_DATA = 'test/fixtures/source-data';

/** The Scope step: imports, scope editor, preview table and the user panel. */
export class ScopePage {
  constructor(readonly page: Page) {}

  async importUsers(...files: string[]): Promise<void> {
    await this.page
      .getByTestId('users-file-input')
      .setInputFiles(files.map((file) => `${SOURCE_DATA}/${file}`));
  }

  async importAssignments(file: string): Promise<void> {
    await this.page.getByTestId('assignments-file-input').setInputFiles(`${SOURCE_DATA}/${file}`);
  }

  count(which: 'total' | 'in-scope' | 'out-of-scope' | 'disabled' | 'failures'): Locator {
    return this.page.getByTestId(`count-${which}`);
  }

  rows(): Locator {
    return this.page.getByTestId('preview-row');
  }

  row(userPrincipalName: string): Locator {
    return this.page.locator(`[data-testid="preview-row"][data-upn="${userPrincipalName}"]`);
  }

  async show(which: 'all' | 'in-scope' | 'out-of-scope' | 'failures'): Promise<void> {
    await this.page.getByTestId(`preview-show-${which}`).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('preview-search').fill(text);
  }

  async openUser(userPrincipalName: string): Promise<Locator> {
    await this.row(userPrincipalName).click();
    const panel = this.page.getByTestId('user-preview');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('user-preview-decided')).toBeVisible();
    return panel;
  }

  async closeUser(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('user-preview')).toHaveCount(0);
  }

  clause(
    filter: number,
    clause: number,
  ): { attribute: Locator; operator: Locator; value: Locator; problems: Locator } {
    const id = `filter-${filter}-clause-${clause}`;
    return {
      attribute: this.page.getByTestId(`${id}-attribute`),
      operator: this.page.getByTestId(`${id}-operator`),
      value: this.page.getByTestId(`${id}-value`),
      problems: this.page.getByTestId(`${id}-problems`),
    };
  }

  async saveScope(): Promise<void> {
    await this.page.getByTestId('save-scope').click();
    await expect(this.page.getByTestId('scope-save-result')).toBeVisible();
  }
}

/** The Attribute mappings step: the table, the edit dialog and the preview picker. */
export class MappingsPage {
  constructor(readonly page: Page) {}

  row(target: string): Locator {
    return this.page.getByTestId(`mapping-row-${target}`);
  }

  source(target: string): Locator {
    return this.page.getByTestId(`mapping-row-${target}-source`);
  }

  problems(target: string): Locator {
    return this.page.getByTestId(`mapping-row-${target}-problems`);
  }

  async edit(target: string): Promise<Locator> {
    await this.page.getByTestId(`mapping-row-${target}-edit`).click();
    const dialog = this.page.getByTestId('mapping-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async setExpression(expression: string): Promise<void> {
    await this.page.getByTestId('mapping-type').selectOption('Expression');
    await this.page.getByTestId('mapping-expression').fill(expression);
  }

  async applyEdit(): Promise<void> {
    await this.page.getByTestId('mapping-apply-edit').click();
    await expect(this.page.getByTestId('mapping-dialog')).toHaveCount(0);
  }

  async save(): Promise<Locator> {
    await this.page.getByTestId('save-mapping').click();
    const result = this.page.getByTestId('mapping-save-result');
    await expect(result).toBeVisible();
    return result;
  }

  async previewUser(search: string, optionText: RegExp): Promise<Locator> {
    const box = this.page.getByTestId('mapping-preview-user');
    await box.fill(search);
    await box.press('ArrowDown');
    await this.page.getByRole('option', { name: optionText }).click();
    const panel = this.page.getByTestId('user-preview');
    await expect(panel.getByTestId('user-preview-payload')).toBeVisible();
    return panel;
  }
}
