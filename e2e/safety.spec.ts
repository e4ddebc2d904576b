import { expect, test } from '@playwright/test';
import { SetupPage } from './page-models/SetupPage';
import { Shell } from './page-models/Shell';
import { startWebHost, type WebHost } from './webHost';

let host: WebHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('staff on a shared computer: a second person with a PIN is asked for at start; backup and restore from Settings', async ({ page, context }) => {
  host = await startWebHost();
  await page.goto(host.url);
  const setup = new SetupPage(page);
  await setup.chooseKind(/UBND xã/);
  await setup.pick('province-select', 'nghe an', /Nghệ An/);
  await setup.pick('unit-select', 'na ngoi', /Na Ngoi/);
  await setup.fill('UBND xã Na Ngoi', 'UBND XÃ NA NGOI', 'Vi Văn Tú');
  await setup.submit();
  const shell = new Shell(page);
  await shell.go('settings');
  await page.getByTestId('staff-add-name').fill('Lương Thị Hằng');
  await page.getByTestId('staff-add-pin').fill('2468');
  await page.getByTestId('staff-add-submit').click();
  await expect(page.getByRole('cell', { name: 'Lương Thị Hằng', exact: true })).toBeVisible();

  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-table')).toContainText('Thủ công');
  await expect(page.getByTestId('audit-log-table')).toContainText('Lương Thị Hằng');
  await page.screenshot({ path: 'test-results/screenshots/settings-safety.png', fullPage: true });

  // A new session (new tab, new sessionStorage) asks who is at the keyboard.
  const second = await context.newPage();
  await second.goto(host.url);
  await expect(second.getByText('Ai đang sử dụng máy?')).toBeVisible();
  await second.getByTestId('staff-choice-Lương Thị Hằng').check();
  await second.getByTestId('staff-pin').fill('1111');
  await second.getByTestId('staff-continue').click();
  await expect(second.getByRole('alert')).toContainText('Mã PIN không đúng');
  await second.getByTestId('staff-pin').fill('2468');
  await second.getByTestId('staff-continue').click();
  await expect(second.getByTestId('overview-staff')).toHaveText('Lương Thị Hằng');
});
