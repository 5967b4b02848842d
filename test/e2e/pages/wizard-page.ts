import { expect, type Locator, type Page } from '@playwright/test';
import type { StepId, StepStatus } from '../../../shared/wizard/steps';

/** Locators and actions for the wizard, shared by every spec and both drivers. */
export class WizardPage {
  constructor(readonly page: Page) {}

  railItem(stepId: StepId): Locator {
    return this.page.getByTestId(`step-${stepId}`);
  }

  async open(stepId: StepId): Promise<void> {
    await this.railItem(stepId).click();
    await expect(this.page.getByTestId(`panel-${stepId}`)).toBeVisible();
  }

  async expectStatus(stepId: StepId, status: StepStatus): Promise<void> {
    await expect(this.railItem(stepId)).toHaveAttribute('data-status', status);
  }

  async tickAll(stepId: StepId, itemIds: readonly string[]): Promise<void> {
    for (const itemId of itemIds) {
      const box = this.page.getByTestId(`check-${stepId}-${itemId}`);
      await box.click();
      await expect(box).toBeChecked();
    }
  }

  async fillConnection(baseUrl: string, apiKey?: string): Promise<void> {
    await this.page.getByTestId('base-url').fill(baseUrl);
    if (apiKey !== undefined) await this.page.getByTestId('api-key').fill(apiKey);
    await this.page.getByTestId('save-connection').click();
  }
}
