import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { bestAnswers, findSheet, findVersion, loadCatalog, type OcopAnswers, type OcopSheet } from '../core/ocop';
import { OcopPage } from './page-models/OcopPage';
import { SetupPage } from './page-models/SetupPage';
import { Shell } from './page-models/Shell';
import { startWebHost, type WebHost } from './webHost';

test.use({ actionTimeout: 20_000 });

let host: WebHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

const SHOTS = 'test-results/screenshots';
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/ocop-${name}.png`, fullPage });
}

const catalog = loadCatalog(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'db', 'reference', 'ocop', 'ocop-score-catalog.json'), 'utf8')));
const sheet11 = findSheet(findVersion(catalog), 11);

/** Best answers except one criterion just below its 5-star minimum: 90+ points held at 4 stars. */
function heldAtFour(sheet: OcopSheet): { answers: OcopAnswers; code: string } {
  for (const c of sheet.criteria) {
    const marked = c.options.find((o) => o.minStars === 5);
    if (!marked || marked.number < 2) continue;
    const lost = c.max - (c.options[marked.number - 2].points ?? 0);
    if (100 - lost >= 90) return { answers: { ...bestAnswers(sheet), [c.code]: marked.number - 1 }, code: c.code };
  }
  throw new Error('no such criterion');
}

async function onePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return Buffer.from(await doc.save());
}

test('register a product, score it, see the stars and the reason, assemble its dossier', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  host = await startWebHost();
  await page.goto(host.url);
  const setup = new SetupPage(page);
  await setup.chooseKind(/UBND xã/);
  await setup.pick('province-select', 'lai chau', /Lai Châu/);
  await setup.pick('unit-select', 'binh lu', /Xã Bình Lư/);
  await setup.fill('Phòng Kinh tế xã Bình Lư', 'UBND XÃ BÌNH LƯ', 'Nguyễn Thị Hoa');
  await setup.submit();
  const shell = new Shell(page);
  await shell.expectOffice('Phòng Kinh tế xã Bình Lư');
  await shell.go('ocop');

  const ocop = new OcopPage(page);
  await ocop.view('Chủ thể');
  await ocop.addProducer({ name: 'Hợp tác xã Chè Shan tuyết Bình Lư', rep: 'Lò Văn Dũng', title: 'Giám đốc', address: 'Bản Nà Ít', phone: '0912 345 678', tax: '6200123456' });
  await shot(page, 'producers');

  await ocop.view('Sản phẩm');
  await ocop.registerProduct('Hợp tác xã Chè Shan', 'Chè Shan tuyết Bình Lư', 'che tuoi', /Chè tươi, chế biến/);
  await expect(page.getByTestId('product-code')).toHaveText(/^12-03390-1-\d{4}$/);

  // Score sheet of bộ 11: every criterion, one option each; held at 4 stars by a 5-star minimum.
  const { answers, code } = heldAtFour(sheet11);
  for (const [c, v] of Object.entries(answers)) await ocop.answer(c, v);
  await expect(page.getByTestId('score-stars')).toHaveAttribute('aria-label', '4 sao');
  await expect(page.getByTestId('score-held-back')).toContainText(`${code} `);
  await expect(page.getByTestId('score-held-back')).toContainText('yêu cầu tối thiểu 5 sao');
  await expect(page.getByTestId('subtotal-A')).toContainText('/ 40');
  await page.getByTestId('member-name').fill('Trần Văn Nam');
  await shot(page, 'score-sheet');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'score-sheet-top');
  await page.getByTestId('evaluation-save').click();
  await expect(page.getByTestId('evaluation-select')).toHaveValue(/4 sao/);

  // Exclusion overrides the stars, live.
  await page.getByTestId('disq-food_safety_certificate').check();
  await expect(page.getByTestId('score-disqualified')).toContainText('Hồ sơ bị loại');
  await page.getByTestId('disq-food_safety_certificate').uncheck();

  // Dossier: blocked with the list of what is missing, then completed and assembled.
  await ocop.tab('dossier');
  await expect(page.getByTestId('dossier-missing')).toContainText('Văn bản của UBND cấp xã đề nghị');
  await expect(page.getByTestId('dossier-missing')).toContainText('05 sản phẩm mẫu');
  await page.getByTestId('dossier-assemble').click();
  await expect(page.getByText('Hồ sơ còn thiếu 2 thành phần bắt buộc', { exact: false })).toBeVisible();
  await ocop.attach('van_ban_xa', { name: 'Tờ trình đề nghị của UBND xã.pdf', mimeType: 'application/pdf', buffer: await onePagePdf() });
  await ocop.attach('cau_chuyen', {
    name: 'ảnh đồi chè.png',
    mimeType: 'image/png',
    buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
  });
  await ocop.markReceived('san_pham_mau');
  await expect(page.getByTestId('dossier-count')).toContainText('5/5');
  const [pdfDownload, zipDownload] = await ocop.assemble();
  await shot(page, 'dossier', true);
  expect(pdfDownload.suggestedFilename()).toMatch(/^Ho-so-OCOP-12-03390-1-\d{4}\.pdf$/);
  expect(zipDownload.suggestedFilename()).toMatch(/\.zip$/);
  const pdfPath = join(host.dataDir, pdfDownload.suggestedFilename());
  await pdfDownload.saveAs(pdfPath);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
  // Cover, contents, Mẫu 01 (1+), Mẫu 02 (2+), the letter (1), Mẫu 03 (1+), the photo (1).
  expect(pages).toBeGreaterThanOrEqual(8);
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
  for (const phrase of ['Chè Shan tuyết Bình Lư', 'PHIẾU ĐĂNG KÝ', 'Lò Văn Dũng', 'MỤC LỤC', 'Tờ trình đề nghị của UBND xã.pdf']) expect(text).toContain(phrase);

  // Through the procedure to recognition: the certificate of 4 stars, valid 36 months.
  await ocop.tab('info');
  for (const move of ['commune_review', 'sent_to_province']) {
    await page.getByTestId(`move-${move}`).click();
    await page.getByTestId('move-confirm').click();
    await expect(page.getByTestId('move-confirm')).toBeHidden();
  }
  await page.getByTestId('cert-decision').fill('1234/QĐ-UBND');
  await page.getByTestId('cert-number').fill('125/GCN-OCOP');
  await page.getByTestId('cert-issue').click();
  await expect(page.getByTestId('product-status')).toHaveText('Đã công nhận');
  await expect(page.getByTestId('certificate')).toContainText('Hiệu lực 36 tháng');
  await shot(page, 'info', true);

  // The list shows the result and the complete dossier.
  await page.getByTestId('back-to-products').click();
  await expect(page.getByTestId('product-row')).toContainText('★★★★☆');
  await expect(page.getByTestId('product-row')).toContainText('5/5');
  await shot(page, 'products');
  expect(errors).toEqual([]);
});
