import { expect, test } from '@playwright/test';
import { SetupPage } from './page-models/SetupPage';
import { Shell } from './page-models/Shell';
import { startWebHost, type WebHost } from './webHost';

let host: WebHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('a province drafts its own detailed criteria set: every problem listed by path, then imported', async ({ page }) => {
  host = await startWebHost();
  await page.goto(host.url);
  const setup = new SetupPage(page);
  await setup.chooseKind(/Cấp tỉnh/);
  await setup.pick('province-select', 'nghe an', /Nghệ An/);
  await setup.fill('Văn phòng Điều phối NTM tỉnh Nghệ An', 'UBND TỈNH NGHỆ AN', 'Trần Văn Nam');
  await setup.submit();
  await new Shell(page).go('settings');
  await expect(page.getByTestId('catalog-table')).toContainText('51/2025/QĐ-TTg');
  await page.getByRole('button', { name: 'Soạn bộ tiêu chí của tỉnh' }).click();
  const editor = page.getByTestId('catalog-editor');
  await expect(editor).toHaveValue(/"id": "TINH-QD51-2025-XA-NTM"/);
  const text = await editor.inputValue();
  await editor.fill(text.replace('"revision": 1', '"revision": 0'));
  await page.getByTestId('catalog-save').click();
  await expect(page.getByTestId('catalog-issues')).toContainText('revision');
  await editor.fill(text);
  await page.getByTestId('catalog-save').click();
  await expect(page.getByTestId('catalog-table')).toContainText('bộ chi tiết của Tỉnh Nghệ An');
  await expect(page.getByTestId('catalog-table')).toContainText('Đã nhập');
  await page.screenshot({ path: 'test-results/screenshots/settings-catalogs.png' });
});
