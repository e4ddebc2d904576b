import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { NtmCommunePage } from './page-models/NtmCommunePage';
import { NtmCriterionPage } from './page-models/NtmCriterionPage';
import { NtmMatrix } from './page-models/NtmMatrix';
import { SetupPage } from './page-models/SetupPage';
import { Shell } from './page-models/Shell';
import { startWebHost, type WebHost } from './webHost';
import { setUpKySonDistrict } from './fixtures/pageApi';

let host: WebHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

const SHOTS = 'test-results/screenshots';
const NAM_CAN = '16873';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // Passing toasts ("Đã khóa kỳ đánh giá.") would cover the header controls in the picture.
  await page.screenshot({ path: `${SHOTS}/ntm-${name}.png`, fullPage, style: '.mantine-Notifications-root { display: none !important; }' });
}

/**
 * A district office before the reform that manages Nậm Càn (16873). services/ntm/ntm.test.ts sets up unit 417 and
 * calls it Tương Dương, but in the official list 417 is Huyện Kỳ Sơn (Tương Dương is 418), and Nậm Càn is a
 * commune of Kỳ Sơn; the UI picks by name, so it picks Kỳ Sơn.
 */
async function setUpKySon(page: Page): Promise<void> {
  host = await startWebHost();
  await page.goto(host.url);
  await setUpKySonDistrict(page);
}

test('a quarter of Nậm Càn: entry, a criterion turning met, drafts, lock, risk of revocation, matrix and criterion', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await setUpKySon(page);
  await new Shell(page).go('ntm');

  const matrix = new NtmMatrix(page);
  await matrix.expectVisible();
  await matrix.choosePeriod('II/2025');
  await expect(page.getByTestId('matrix-count')).toContainText('QĐ');
  // Search without diacritics finds both Xã Nậm Càn and Xã Nậm Cắn; Enter on the focused row opens it.
  await matrix.search('nam can');
  await expect(matrix.rows()).toHaveCount(2);
  await expect(matrix.grid).toContainText('Nậm Cắn');
  await matrix.row(NAM_CAN).locator('[role=rowheader]').focus();
  await page.keyboard.press('Enter');

  const commune = new NtmCommunePage(page);
  await commune.expectCommune('Xã Nậm Càn');
  await expect(page).toHaveURL(/#\/ntm\/commune\/16873\/2025-Q2$/);
  await expect(page.getByTestId('commune-catalog')).toContainText('2021–2025');
  await expect(page.getByTestId('assessment-status')).toHaveText('Chưa đánh giá');

  // Criterion 14 from rule values: each change is one save, shown per field.
  await commune.expectCriterion(14, 'undetermined');
  await commune.yes('14.1.a');
  await commune.expectIndicatorStatus('14.1.a', 'met');
  await commune.choose('14.1.b', 'Mức độ 2');
  await commune.choose('14.1.c', 'Mức độ 2');
  await commune.choose('14.1.d', 'Mức độ 2');
  // A value out of range is refused by the host: code and Vietnamese message at the field.
  await commune.typeNumber('14.1.e', '120');
  await expect(page.getByTestId('ind-14.1.e-saved-value')).toContainText('INDICATOR_VALUE_INVALID');
  await expect(page.getByTestId('ind-14.1.e-saved-value')).toContainText('0 đến 100');
  await commune.typeNumber('14.1.e', '97,5');
  await commune.expectSaved('14.1.e', 'value');
  await commune.expectIndicatorStatus('14.1.e', 'not_met');
  await expect(commune.indicator('14.1.e')).toContainText('≥ 98');
  await expect(commune.value('14.1.e')).toHaveValue('97,5 %');
  await commune.typeNumber('14.1.e', '98');
  await commune.expectIndicatorStatus('14.1.e', 'met');
  await commune.expectCriterion(14, 'undetermined');
  await commune.judge('14.*', true, 'Biên bản kiểm tra phổ cập giáo dục số 12/BB-PGD ngày 10/6/2025');
  await commune.expectCriterion(14, 'met');
  await expect(page.getByTestId('crit-14')).toContainText('Đạt');
  await page.getByTestId('crit-14').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'commune-entry');

  // Six criteria not met, including 10 Thu nhập and 19 Quốc phòng và An ninh (QĐ 18/2022: 30–<50% with a key criterion).
  for (const code of ['1', '2', '10', '19', '3.*', '17.*']) await commune.judge(code, false, `Biên bản kiểm tra tiêu chí ${code}, quý II/2025`);
  for (const code of ['4', '6', '7']) await commune.judge(code, true, `Biên bản kiểm tra tiêu chí ${code}`);
  await commune.attach('10', 'bien-ban-thu-nhap.pdf', '%PDF-1.4 Biên bản tự đánh giá tiêu chí 10');
  await commune.expectCriterion(10, 'not_met');
  await expect(page.getByTestId('risk-banner')).toContainText('6/19');
  await expect(page.getByTestId('risk-banner')).toContainText('10. Thu nhập');
  await expect(page.getByTestId('risk-banner')).toContainText('18/2022');
  await expect(page.getByTestId('commune-met')).toContainText('Đạt 4/19');

  // Nothing lost if the window closes mid-entry: a typed value survives a reload and is saved with Enter.
  await commune.value('5.a').fill('85');
  await expect(page.getByTestId('ind-5.a-saved-value')).toHaveAttribute('data-state', 'draft');
  await page.reload();
  await commune.expectCommune('Xã Nậm Càn');
  await expect(page.getByTestId('drafts-banner')).toBeVisible();
  await expect(commune.value('5.a')).toHaveValue('85 %');
  await commune.value('5.a').press('Enter');
  await commune.expectSaved('5.a', 'value');
  await commune.expectIndicatorStatus('5.a', 'not_met');
  await page.reload();
  await expect(page.getByTestId('drafts-banner')).toHaveCount(0);
  await expect(commune.value('5.a')).toHaveValue('85 %');

  // Lock: read-only with a banner; reopening needs a reason.
  await commune.lock();
  await expect(page.getByTestId('readonly-banner')).toContainText('đã khóa');
  await expect(commune.value('14.1.e')).toBeDisabled();
  await expect(page.getByTestId('ind-1-met')).toBeDisabled();
  await page.getByTestId('risk-banner').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'commune-locked');
  await expect(page.getByTestId('history-2025-Q2')).toContainText('4/19');

  // Recognition decision (dates dd/mm/yyyy).
  await page.getByTestId('rec-add').click();
  await page.getByTestId('rec-decision').fill('1234/QĐ-UBND');
  await page.getByTestId('rec-date').fill('15/12/2020');
  await page.getByTestId('rec-issuer').fill('UBND tỉnh Nghệ An');
  await page.getByTestId('rec-save').click();
  await expect(page.getByTestId('recognitions')).toContainText('QĐ 1234/QĐ-UBND ngày 15/12/2020');
  await expect(page.getByTestId('commune-level')).toHaveText('Xã đạt chuẩn NTM');

  // The matrix finds the commune at risk.
  await commune.back();
  await matrix.expectVisible();
  await matrix.onlyAtRisk();
  await expect(matrix.rows()).toHaveCount(1);
  await expect(matrix.row(NAM_CAN)).toContainText('Nậm Càn');
  await expect(matrix.row(NAM_CAN)).toContainText('Đã khóa');
  await expect(matrix.cell(NAM_CAN, 10)).toHaveText('✗');
  await expect(matrix.cell(NAM_CAN, 14)).toHaveText('✓');
  await expect(matrix.cell(NAM_CAN, 5)).toHaveText('✗');
  await matrix.onlyAtRisk(false);
  await expect(matrix.rows()).not.toHaveCount(1);
  await matrix.sortBy('Đạt nhiều tiêu chí trước');
  await expect(matrix.rows().first()).toHaveAttribute('data-unit', NAM_CAN);
  await shot(page, 'matrix-district');
  await matrix.sortBy('Theo tên xã (A–Z)');

  // Keyboard: arrows move a focused cell, Enter opens the commune.
  await matrix.search('nam can');
  await matrix.row(NAM_CAN).locator('[role=rowheader]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(matrix.cell(NAM_CAN, 2)).toBeFocused();
  await page.keyboard.press('Enter');
  await commune.expectCommune('Xã Nậm Càn');
  await commune.back();

  // Overview: the commune is listed at risk with the reason.
  await page.getByTestId('ntm-tab-overview').click();
  await expect(page.getByTestId(`ntm-ov-atrisk-${NAM_CAN}`)).toBeVisible();
  await expect(page.getByTestId('ntm-ov-atrisk')).toContainText('10. Thu nhập');
  await expect(page.getByTestId('ntm-ov-average')).toHaveText('4');
  await expect(page.getByTestId('ntm-trend-chart')).toBeVisible();
  await shot(page, 'overview', true);

  // Criterion page from the matrix header: status and what is missing, with the responsible sector.
  await page.getByTestId('ntm-tab-matrix').click();
  await matrix.openCriterion(5);
  const criterion = new NtmCriterionPage(page);
  await criterion.expectCriterion('Tiêu chí 5. Trường học');
  await expect(page.getByTestId('criterion-sector')).toContainText('Bộ Giáo dục và Đào tạo');
  await expect(criterion.row(NAM_CAN)).toContainText('Không đạt');
  await expect(criterion.row(NAM_CAN)).toContainText('Chưa đạt: 5.a');
  await shot(page, 'criterion');

  // Reopen with a reason: editable again.
  await criterion.row(NAM_CAN).getByRole('button', { name: /Nậm Càn/ }).click();
  await commune.reopen('Sửa số liệu theo kết quả rà soát của đoàn liên ngành');
  await expect(page.getByTestId('readonly-banner')).toHaveCount(0);
  await expect(commune.value('14.1.e')).toBeEnabled();

  // Revoking keeps the decision with its revoking decision; the commune is no longer recognised.
  await page.getByTestId('recognitions').getByRole('button', { name: 'Thu hồi' }).click();
  await page.getByTestId('revoke-decision').fill('99/QĐ-UBND');
  await page.getByTestId('revoke-confirm').click();
  await expect(page.getByTestId('recognitions')).toContainText('Đã thu hồi theo QĐ 99/QĐ-UBND');
  await expect(page.getByTestId('commune-level')).toHaveText('Chưa được công nhận');
  expect(errors).toEqual([]);
});

test('a province matrix (Nghệ An, all communes) scrolls with sticky header and column', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startWebHost();
  await page.goto(host.url);
  const setup = new SetupPage(page);
  await setup.chooseKind(/Cấp tỉnh/);
  await setup.pick('province-select', 'nghe an', /Nghệ An/);
  await setup.fill('Văn phòng Điều phối NTM tỉnh Nghệ An', 'UBND TỈNH NGHỆ AN', 'Trần Văn Nam');
  await setup.submit();
  await new Shell(page).go('ntm');
  const matrix = new NtmMatrix(page);
  await matrix.expectVisible();
  const total = Number(/\/([\d.]+) xã/.exec(await matrix.count())![1]!.replace(/\./g, ''));
  expect(total).toBeGreaterThan(100);
  // Virtualised: far fewer rows in the DOM than communes.
  expect(await matrix.rows().count()).toBeLessThan(60);

  // Judge a few communes so the matrix shows colours and glyphs.
  const commune = new NtmCommunePage(page);
  const firstThree = await matrix.rows().evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('data-unit')!));
  for (const [k, unitCode] of firstThree.entries()) {
    await matrix.row(unitCode).locator('[role=rowheader]').click();
    await expect(page.getByTestId('commune-title')).toBeVisible();
    for (let no = 1; no <= 10; no++) await commune.judge(String(no), (no + k) % 4 !== 0, `Biên bản tự đánh giá tiêu chí ${no}`);
    await commune.back();
    await matrix.expectVisible();
  }
  await expect(matrix.row(firstThree[0]!)).toContainText('/10');
  await shot(page, 'matrix-province');

  // Keyboard paging deep into the province: the header stays, the focused row is rendered.
  await matrix.row(firstThree[0]!).locator('[role=rowheader]').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-cell]:focus')).toHaveCount(1);
  await expect(page.getByTestId('matrix-criterion-1')).toBeVisible();
  await shot(page, 'matrix-province-scrolled');
  await page.keyboard.press('Control+End');
  await expect(page.locator('[data-cell]:focus')).toHaveAttribute('data-cell', `${total - 1}-10`);
});
