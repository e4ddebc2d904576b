import { expect, type Locator, type Page } from '@playwright/test';

/** The NTM screen's matrix tab (communes × criteria) with its filters and the quarter picker. */
export class NtmMatrix {
  constructor(private readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByTestId('ntm-matrix');
  }

  async expectVisible(): Promise<void> {
    await expect(this.grid).toBeVisible();
  }

  /** Picks a quarter in the searchable picker, e.g. "II/2025" → Quý II/2025. */
  async choosePeriod(label: string): Promise<void> {
    const input = this.page.getByTestId('period-select');
    await input.click();
    await input.fill(label);
    await this.page.getByRole('option', { name: `Quý ${label}` }).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('matrix-search').fill(text);
  }

  async onlyAtRisk(on = true): Promise<void> {
    await this.page.getByTestId('matrix-atrisk').setChecked(on);
  }

  async sortBy(label: string): Promise<void> {
    await this.page.getByTestId('matrix-sort').click();
    await this.page.getByRole('option', { name: label }).click();
  }

  row(unitCode: string): Locator {
    return this.grid.locator(`[role=row][data-unit="${unitCode}"]`);
  }

  rows(): Locator {
    return this.grid.locator('[role=row][data-unit]');
  }

  /** The status glyph of a commune in a criterion column (1-based criterion position). */
  cell(unitCode: string, position: number): Locator {
    return this.row(unitCode).locator('[role=gridcell][data-cell]').nth(position - 1);
  }

  async openCriterion(no: number): Promise<void> {
    await this.page.getByTestId(`matrix-criterion-${no}`).click();
  }

  async count(): Promise<string> {
    return (await this.page.getByTestId('matrix-count').textContent()) ?? '';
  }
}
