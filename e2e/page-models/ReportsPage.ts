import { expect, type Download, type Page } from '@playwright/test';

/** The periodic reports page: figures, the document's text, saved versions and downloads. */
export class ReportsPage {
  constructor(private readonly page: Page) {}

  async expectFigures(): Promise<void> {
    await expect(this.page.getByTestId('report-levels')).toBeVisible();
    await expect(this.page.getByTestId('report-trend-chart')).toBeVisible();
  }

  /** Opens the list behind the first figure whose accessible name starts with `title`. */
  async openFigure(title: RegExp): Promise<void> {
    await this.page.getByRole('button', { name: title }).first().click();
    await expect(this.page.getByRole('dialog')).toBeVisible();
  }

  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByRole('dialog')).toBeHidden();
  }

  async tab(name: 'Số liệu' | 'Nội dung văn bản' | 'Đã lưu' | 'Cài đặt'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async write(label: RegExp, text: string): Promise<void> {
    await this.page.getByLabel(label).fill(text);
  }

  async expectAutosaved(): Promise<void> {
    await expect(this.page.getByTestId('report-autosave')).toContainText('Đã lưu nháp', { timeout: 15_000 });
  }

  async saveVersion(): Promise<void> {
    await this.page.getByTestId('report-save').click();
    await expect(this.page.getByText('Đã lưu phiên bản').first()).toBeVisible();
  }

  async download(kind: 'docx' | 'xlsx'): Promise<Download> {
    const waiting = this.page.waitForEvent('download');
    await this.page.getByTestId(`report-${kind}`).click();
    return waiting;
  }
}
