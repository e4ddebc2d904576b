import { expect, type Page } from '@playwright/test';

/** The application shell: header and navigation. */
export class Shell {
  constructor(private readonly page: Page) {}

  async go(name: 'overview' | 'ntm' | 'ocop' | 'reports' | 'exchange' | 'settings'): Promise<void> {
    await this.page.getByTestId(`nav-${name}`).click();
  }

  async expectOffice(name: string): Promise<void> {
    await expect(this.page.getByTestId('header-office')).toHaveText(name);
  }
}
