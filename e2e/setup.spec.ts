import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SetupPage } from './page-models/SetupPage';
import { Shell } from './page-models/Shell';
import { startWebHost, type WebHost } from './webHost';

let host: WebHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('first-run setup completes with a real database and survives a restart of the host', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  host = await startWebHost();
  await page.goto(host.url);
  const setup = new SetupPage(page);
  await setup.expectVisible();
  await setup.chooseKind(/UBND xã/);
  // Diacritics-free search: "lai chau" finds Lai Châu, "binh lu" finds Xã Bình Lư.
  await setup.pick('province-select', 'lai chau', /Lai Châu/);
  await setup.pick('unit-select', 'binh lu', /Xã Bình Lư/);
  await setup.fill('Phòng Kinh tế xã Bình Lư', 'UBND XÃ BÌNH LƯ', 'Nguyễn Thị Hoa');
  await setup.submit();

  const shell = new Shell(page);
  await shell.expectOffice('Phòng Kinh tế xã Bình Lư');
  await expect(page.getByTestId('overview-unit')).toHaveText('Xã Bình Lư, Tỉnh Lai Châu');
  await expect(page.getByTestId('ntm-ov-bands')).toBeVisible();
  await expect(page.getByTestId('overview-ocop-due')).toBeVisible();
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/overview.png', fullPage: true });

  const dataDir = host.dataDir;
  await host.stop();
  host = await startWebHost({ dataDir });
  await page.goto(host.url);
  await shell.expectOffice('Phòng Kinh tế xã Bình Lư');
  await expect(page.getByTestId('overview-staff')).toHaveText('Nguyễn Thị Hoa');
  expect(errors).toEqual([]);
});

test('settings corrects the office name and shows the change in the history', async ({ page }) => {
  host = await startWebHost();
  await page.goto(host.url);
  const setup = new SetupPage(page);
  await setup.chooseKind(/Cấp tỉnh/);
  await setup.pick('province-select', 'ha tinh', /Hà Tĩnh/);
  await setup.fill('Văn phòng Điều phối NTM tỉnh', 'UBND TỈNH HÀ TĨNH', 'Trần Văn Nam');
  await setup.submit();
  const shell = new Shell(page);
  await shell.go('settings');
  await page.getByTestId('office-name').fill('Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh');
  await page.getByTestId('office-submit').click();
  await shell.expectOffice('Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh');
  await expect(page.getByTestId('audit-table')).toContainText('Văn phòng Điều phối NTM tỉnh → Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh');
  await expect(page.getByTestId('audit-table')).toContainText('Trần Văn Nam');
  await page.screenshot({ path: 'test-results/screenshots/settings.png', fullPage: true });
});

test('the API refuses a page without the per-run secret', async ({ page }) => {
  host = await startWebHost();
  await page.goto(`http://127.0.0.1:${host.port}/`);
  await expect(page.getByRole('alert')).toContainText('Phiên làm việc không hợp lệ');
});
