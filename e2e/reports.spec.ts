import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ReportsPage } from './page-models/ReportsPage';
import { SetupPage } from './page-models/SetupPage';
import { Shell } from './page-models/Shell';
import { startWebHost, type WebHost } from './webHost';
import { api } from './fixtures/pageApi';

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
  // The commune's plan for the year: the report measures it in "Kết quả so với kế hoạch".
  const year = new Date().getFullYear();
  await api(page, 'plans.save', {
    title: `Kế hoạch xây dựng nông thôn mới xã Na Ngoi năm ${year}`, documentNo: '12/KH-UBND', documentDate: `${year}-01-10`, issuer: 'UBND xã Na Ngoi', yearFrom: year, yearTo: year,
    targets: [{ metric: 'xa_ntm', mode: 'new', value: 1 }, { metric: 'ocop_total', mode: 'new', value: 2 }],
  });
  await shell.go('reports');

  const reports = new ReportsPage(page);
  await reports.expectFigures();
  await expect(page.getByTestId('report-deadline-card')).toContainText('Hạn nộp báo cáo');
  await reports.openFigure(/^Xã chưa đạt chuẩn — Quý/);
  await expect(page.getByTestId('figure-list')).toContainText('Xã Na Ngoi');
  await reports.closeDialog();
  const planCard = page.getByTestId('report-plan-results');
  await expect(planCard).toContainText(`Kế hoạch xây dựng nông thôn mới xã Na Ngoi năm ${year}`);
  await expect(planCard).toContainText(`12/KH-UBND ngày 10/01/${year} của UBND xã Na Ngoi`);
  const ntmRow = planCard.locator('tbody tr').first();
  await expect(ntmRow).toContainText('Xã đạt chuẩn NTM, tăng thêm trong kỳ');
  await expect(ntmRow).toContainText('1 xã');
  await expect(planCard.locator('tbody tr').nth(1)).toContainText('Sản phẩm OCOP (từ 3 sao), tăng thêm trong kỳ');
  mkdirSync('test-results/screenshots', { recursive: true });
  await planCard.scrollIntoViewIfNeeded();
  await planCard.screenshot({ path: 'test-results/screenshots/reports-plan-results.png' });

  await reports.tab('Nội dung văn bản');
  await reports.write(/Đánh giá chung/, 'Xã tập trung duy trì các tiêu chí đã đạt; hoàn thiện hồ sơ sản phẩm OCOP.');
  await reports.write(/Tồn tại, hạn chế/, 'Tiêu chí Thu nhập chưa đạt.');
  await reports.write(/Nhiệm vụ trọng tâm/, 'Hướng dẫn các hộ phát triển sản xuất, nâng cao thu nhập.');
  await reports.expectAutosaved();
  await page.screenshot({ path: 'test-results/screenshots/reports-editor.png', fullPage: true });

  await reports.saveVersion();
  const docx = await reports.download('docx');
  expect(docx.suggestedFilename()).toMatch(/^bao-cao-\d{4}-Q[1-4]-v1\.docx$/);
  const bytes = readFileSync((await docx.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  await reports.tab('Đã lưu');
  await expect(page.getByTestId('saved-reports')).toContainText('Đã lưu phiên bản');
  // The saved version reopens with the section as it was saved.
  await page.getByTestId('saved-reports').getByRole('button', { name: 'Mở' }).click();
  await reports.tab('Số liệu');
  await expect(page.getByTestId('report-plan-results')).toContainText(`Kế hoạch xây dựng nông thôn mới xã Na Ngoi năm ${year}`);
  await page.getByRole('button', { name: 'Về số liệu hiện tại' }).click();
  await reports.tab('Số liệu');
  await page.screenshot({ path: 'test-results/screenshots/reports-figures.png', fullPage: true });
  expect(errors).toEqual([]);
});
