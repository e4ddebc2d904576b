import { expect, type Locator, type Page } from '@playwright/test';

/** One commune's quarter: lifecycle, criteria, data entry. Indicators are addressed by their catalog code. */
export class NtmCommunePage {
  constructor(private readonly page: Page) {}

  async expectCommune(name: string): Promise<void> {
    await expect(this.page.getByTestId('commune-title')).toHaveText(name);
  }

  indicator(code: string): Locator {
    return this.page.getByTestId(`ind-${code}`);
  }

  value(code: string): Locator {
    return this.page.getByTestId(`ind-${code}-value`);
  }

  /** Types a number as a person does (decimal comma) and presses Enter: saves and moves on. */
  async typeNumber(code: string, text: string): Promise<void> {
    const input = this.value(code);
    await input.fill(text);
    await input.press('Enter');
  }

  async choose(code: string, label: string): Promise<void> {
    await this.value(code).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
    await this.expectSaved(code, 'value');
  }

  async yes(code: string): Promise<void> {
    await this.page.getByTestId(`ind-${code}-yes`).click();
    await this.expectSaved(code, 'value');
  }

  /** Hand judgement with its evidence note, entered the fast way: click, type, Enter. */
  async judge(code: string, met: boolean, note: string): Promise<void> {
    await this.page.getByTestId(`ind-${code}-${met ? 'met' : 'notmet'}`).click();
    const evidence = this.page.getByTestId(`ind-${code}-evidence`);
    await evidence.fill(note);
    await evidence.press('Enter');
    await this.expectSaved(code, 'evidence');
  }

  async attach(code: string, name: string, content: string): Promise<void> {
    await this.indicator(code).locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(content) });
    await expect(this.indicator(code).getByText(name)).toBeVisible();
  }

  async expectSaved(code: string, field: 'value' | 'evidence' | 'judgement'): Promise<void> {
    await expect(this.page.getByTestId(`ind-${code}-saved-${field}`)).toHaveAttribute('data-state', 'saved');
  }

  async expectIndicatorStatus(code: string, status: 'met' | 'not_met' | 'needs_manual' | 'missing_value'): Promise<void> {
    await expect(this.indicator(code)).toHaveAttribute('data-status', status);
  }

  async expectCriterion(no: number, status: 'met' | 'not_met' | 'undetermined'): Promise<void> {
    await expect(this.page.getByTestId(`crit-row-${no}`)).toHaveAttribute('data-status', status);
  }

  async lock(): Promise<void> {
    await this.page.getByTestId('assessment-lock').click();
    await expect(this.page.getByTestId('assessment-status')).toContainText('Đã khóa');
  }

  async reopen(reason: string): Promise<void> {
    await this.page.getByTestId('assessment-reopen').click();
    await this.page.getByTestId('reopen-reason').fill(reason);
    await this.page.getByTestId('reopen-confirm').click();
    await expect(this.page.getByTestId('assessment-status')).toContainText('Đang nhập');
  }

  async back(): Promise<void> {
    await this.page.getByTestId('commune-back').click();
  }
}
