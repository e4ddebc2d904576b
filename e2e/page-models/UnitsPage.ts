import { expect, type Locator, type Page } from '@playwright/test';

/** '#/units': the search of administrative units and a unit's page with its lineage. */
export class UnitsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-units').click();
    await expect(this.page.getByTestId('units-search')).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('units-search').fill(text);
  }

  result(code: string): Locator {
    return this.page.getByTestId(`unit-result-${code}`);
  }

  predecessor(code: string): Locator {
    return this.page.getByTestId('unit-predecessors').getByTestId(`lineage-${code}`);
  }
}
