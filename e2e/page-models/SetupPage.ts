import { expect, type Page } from '@playwright/test';

/** The first-run setup form. */
export class SetupPage {
  constructor(private readonly page: Page) {}

  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Thiết lập ban đầu' })).toBeVisible();
  }

  async chooseKind(label: RegExp | string): Promise<void> {
    await this.page.getByLabel(label).check();
  }

  /** Types into a searchable select and picks the option whose text matches. */
  async pick(testId: string, typed: string, option: RegExp | string): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.click();
    await input.fill(typed);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  async fill(officeName: string, parentBody: string, staff: string): Promise<void> {
    await this.page.getByTestId('office-name').fill(officeName);
    await this.page.getByTestId('parent-body').fill(parentBody);
    await this.page.getByTestId('staff-name').fill(staff);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('office-submit').click();
  }
}
