import { expect, type Locator, type Page } from '@playwright/test';
import type { StepId, StepStatus } from '../../../shared/wizard/steps';
import { callApi } from './api';

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

/** The Tools section: Mock Jostle and Diagnostics. */
export class ToolsPage {
  constructor(readonly page: Page) {}

  async openMock(): Promise<void> {
    await this.page.getByTestId('tool-link-mock').click();
    await expect(this.page.getByTestId('tool-mock')).toBeVisible();
  }

  async startMock(): Promise<{ baseUrl: string; token: string }> {
    await this.openMock();
    await this.page.getByTestId('mock-start').click();
    const baseUrl = (await this.page.getByTestId('mock-base-url').textContent())!;
    const status = await callApi<{ token: string }>(this.page, 'getMockStatus', {});
    return { baseUrl, token: status.token };
  }

  async setFault(kind: string, on: boolean): Promise<void> {
    const toggle = this.page.getByTestId(`fault-${kind}`).getByRole('switch');
    if ((await toggle.isChecked()) !== on) await toggle.click();
    await (on ? expect(toggle).toBeChecked() : expect(toggle).not.toBeChecked());
  }

  async runDiagnostics(): Promise<void> {
    await this.page.getByTestId('tool-link-diagnostics').click();
    await this.page.getByTestId('run-probes').click();
    await expect(this.page.getByTestId('probe-report')).toBeVisible({ timeout: 30_000 });
  }
}
