import { expect, type Locator, type Page } from '@playwright/test';

/** One criterion across the office's communes. */
export class NtmCriterionPage {
  constructor(private readonly page: Page) {}

  async expectCriterion(title: RegExp | string): Promise<void> {
    await expect(this.page.getByTestId('criterion-title')).toHaveText(title);
  }

  row(unitCode: string): Locator {
    return this.page.getByTestId(`criterion-row-${unitCode}`);
  }

  async filter(label: RegExp): Promise<void> {
    await this.page.getByTestId('criterion-filter').getByText(label).click();
  }
}
