import { expect, type Page } from '@playwright/test';

/** The data exchange page, in office mode and in province mode. */
export class ExchangePage {
  constructor(private readonly page: Page) {}

  async generateKeys(passphrase: string): Promise<void> {
    await this.page.getByTestId('new-passphrase').fill(passphrase);
    await this.page.getByTestId('new-passphrase-confirm').fill(passphrase);
    await this.page.getByTestId('generate-keys').click();
  }

  async fingerprint(kind: 'signing' | 'encryption'): Promise<string> {
    const cell = this.page.getByTestId(`fingerprint-${kind}`);
    await expect(cell).toHaveText(/^\d{4}( \d{4}){4}$/, { timeout: 30_000 });
    return (await cell.textContent()) ?? '';
  }

  /** Clicks a button that makes the browser save a file, and saves it to `path`. */
  async download(testId: string, path: string): Promise<void> {
    const download = this.page.waitForEvent('download', { timeout: 30_000 });
    await this.page.getByTestId(testId).click();
    await (await download).saveAs(path);
  }

  async upload(inputTestId: string, paths: string[]): Promise<void> {
    await this.page.getByTestId(inputTestId).setInputFiles(paths);
  }

  async enterPassphrase(passphrase: string): Promise<void> {
    await this.page.getByTestId('key-passphrase').fill(passphrase);
  }
}
