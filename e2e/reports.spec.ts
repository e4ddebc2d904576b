import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ReportsPage } from './page-models/ReportsPage';
import { SetupPage } from './page-models/SetupPage';
import { Shell } from './page-models/Shell';
import { startWebHost, type WebHost } from './webHost';

let host: WebHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('a commune office previews the quarter, writes its sections, saves a version and downloads the DOCX', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  host = await startWebHost();
  await page.goto(host.url);
  const setup = new SetupPage(page);
  await setup.chooseKind(/UBND xã/);
  await setup.pick('province-select', 'nghe an', /Nghệ An/);
  await setup.pick('unit-select', 'na ngoi', /Xã Na Ngoi/);
  await setup.fill('Phòng Kinh tế xã Na Ngoi', 'UBND XÃ NA NGOI', 'Vi Thị Lan');
  await setup.submit();
  const shell = new Shell(page);
  await shell.expectOffice('Phòng Kinh tế xã Na Ngoi');
  await shell.go('reports');

  const reports = new ReportsPage(page);
  await reports.expectFigures();
  await expect(page.getByTestId('report-deadline-card')).toContainText('Hạn nộp báo cáo');
  await reports.openFigure(/^Xã chưa đạt chuẩn — Quý/);
  await expect(page.getByTestId('figure-list')).toContainText('Xã Na Ngoi');
  await reports.closeDialog();

  await reports.tab('Nội dung văn bản');
  await reports.write(/Đánh giá chung/, 'Xã tập trung duy trì các tiêu chí đã đạt; hoàn thiện hồ sơ sản phẩm OCOP.');
  await reports.write(/Tồn tại, hạn chế/, 'Tiêu chí Thu nhập chưa đạt.');
  await reports.write(/Nhiệm vụ trọng tâm/, 'Hướng dẫn các hộ phát triển sản xuất, nâng cao thu nhập.');
  await reports.expectAutosaved();
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/reports-editor.png', fullPage: true });

  await reports.saveVersion();
  const docx = await reports.download('docx');
  expect(docx.suggestedFilename()).toMatch(/^bao-cao-\d{4}-Q[1-4]-v1\.docx$/);
  const bytes = readFileSync((await docx.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  await reports.tab('Đã lưu');
  await expect(page.getByTestId('saved-reports')).toContainText('Đã lưu phiên bản');
  await reports.tab('Số liệu');
  await page.screenshot({ path: 'test-results/screenshots/reports-figures.png', fullPage: true });
  expect(errors).toEqual([]);
});
