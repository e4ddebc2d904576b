import { expect, type Download, type Page } from '@playwright/test';

/** The OCOP page: producers, products, a product's score sheet and dossier. */
export class OcopPage {
  constructor(private readonly page: Page) {}

  async view(name: 'Sản phẩm' | 'Chủ thể' | 'Sắp đến hạn'): Promise<void> {
    await this.page.getByTestId('ocop-views').getByText(name, { exact: true }).click();
  }

  async addProducer(p: { name: string; rep: string; title: string; address: string; phone: string; tax: string }): Promise<void> {
    await this.page.getByTestId('producer-new').click();
    await this.page.getByTestId('producer-name').fill(p.name);
    await this.page.getByTestId('producer-tax').fill(p.tax);
    await this.page.getByTestId('producer-rep').fill(p.rep);
    await this.page.getByTestId('producer-rep-title').fill(p.title);
    await this.page.getByTestId('producer-address').fill(p.address);
    await this.page.getByTestId('producer-phone').fill(p.phone);
    await this.page.getByTestId('producer-submit').click();
    await expect(this.page.getByTestId('producers-table')).toContainText(p.name);
  }

  async registerProduct(producer: string, name: string, sheetSearch: string, sheetOption: RegExp): Promise<void> {
    await this.page.getByTestId('product-new').click();
    await this.page.getByTestId('product-producer').click();
    await this.page.getByRole('option', { name: new RegExp(producer) }).click();
    await this.page.getByTestId('product-name').fill(name);
    const sheet = this.page.getByTestId('product-sheet');
    await sheet.click();
    await sheet.fill(sheetSearch);
    await this.page.getByRole('option', { name: sheetOption }).first().click();
    await this.page.getByTestId('product-submit').click();
    await expect(this.page.getByTestId('product-title')).toHaveText(name);
  }

  /** Answers one criterion: an option number, or true/false for an item printed without options. */
  async answer(code: string, value: number | boolean): Promise<void> {
    if (typeof value === 'number') {
      await this.page.getByTestId(`option-${code}-${value}`).check();
    } else {
      await this.page.getByTestId(`criterion-${code}`).getByText(value ? /^Đạt/ : /^Không đạt/).click();
    }
  }

  async tab(name: 'score' | 'dossier' | 'info'): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
  }

  async attach(itemId: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId(`attach-${itemId}`).click();
    await (await chooser).setFiles(file);
    await expect(this.page.getByTestId(`dossier-item-${itemId}`)).toContainText(file.name);
  }

  async markReceived(itemId: string): Promise<void> {
    await this.page.getByTestId(`state-${itemId}`).getByText('Đã nhận', { exact: true }).click();
    await expect(this.page.getByTestId(`dossier-state-${itemId}`)).toHaveText('Đã nhận bản giấy');
  }

  /** Assembles the dossier and returns the two downloads (PDF, ZIP). */
  async assemble(): Promise<Download[]> {
    const downloads: Download[] = [];
    const onDownload = (d: Download) => downloads.push(d);
    this.page.on('download', onDownload);
    await this.page.getByTestId('dossier-assemble').click();
    await expect(this.page.getByTestId('dossier-assembled')).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => downloads.length).toBe(2);
    this.page.off('download', onDownload);
    return downloads;
  }
}
