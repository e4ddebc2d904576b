import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PlansPage } from './page-models/PlansPage';
import { startWebHost, type WebHost } from './webHost';
import { api, seedQuarter, setUpKySonDistrict } from './fixtures/pageApi';

let host: WebHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

const SHOTS = 'test-results/screenshots';
const NAM_CAN = '16873';
const TA_CA = '16852';

test('plans documents: the round’s report and annex, and a reminder letter to a sector, downloaded from the UI', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  host = await startWebHost();
  await page.goto(host.url);
  await setUpKySonDistrict(page);

  const communes = await api<{ unitCode: string }[]>(page, 'ntm.communes.list', {});
  await api(page, 'ntm.communes.setProfile', {
    unitCodes: communes.map((c) => c.unitCode),
    region: 'BTB',
    flags: { xa_tren_3_truong: false, xa_an_toan_khu: false, xa_dac_biet_kho_khan: false, thuoc_huyen_ngheo_hoac_vua_thoat_ngheo_2018_2020: false },
  });
  await api(page, 'ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '3521/QĐ-UBND', decidedOn: '2019-12-15', issuer: 'UBND tỉnh Nghệ An' });
  await seedQuarter(page, NAM_CAN, '2019-Q4', 'QD1980-2016-XA-NTM', []);
  await seedQuarter(page, TA_CA, '2025-Q2', 'QD318-2022-XA-NTM', [13]);
  const round = await api<{ id: string }>(page, 'plans.rounds.save', {
    title: 'Rà soát, đánh giá lại xã đạt chuẩn NTM năm 2019, 2020',
    documentNo: '08/BCĐ-VPĐP',
    documentDate: '2026-03-01',
    issuer: 'Ban Chỉ đạo các Chương trình MTQG tỉnh',
    scope: { communes: { levels: ['xa_ntm'], recognizedFrom: '2019-01-01', recognizedTo: '2020-12-31' }, products: null },
  });
  await api(page, 'plans.findings.set', { roundId: round.id, unitCode: NAM_CAN, source: 'doan_tham_dinh', indicatorCode: '17.*', manualMet: false, evidence: 'Bãi rác thôn chưa xử lý' });
  // A task for Bộ NN&PTNT past its deadline.
  await api(page, 'plans.tasks.save', { unitCode: TA_CA, catalogId: 'QD318-2022-XA-NTM', criterionNo: 13, dueOn: '2026-06-30', title: 'Thành lập hợp tác xã tại Xã Tà Cạ' });

  const plans = new PlansPage(page);
  await plans.open(2026);
  await plans.tab('rounds').click();
  await page.getByTestId('round-select').click();
  await page.getByRole('option', { name: /08\/BCĐ-VPĐP/ }).click();
  await expect(page.getByTestId('round-detail')).toContainText('08/BCĐ-VPĐP ngày 01/03/2026');
  const documents = page.getByTestId('round-documents');
  await documents.scrollIntoViewIfNeeded();
  await documents.getByTestId('round-document-no').fill('112');
  const docx = page.waitForEvent('download');
  await documents.getByTestId('round-report-docx').click();
  const report = await docx;
  expect(report.suggestedFilename()).toBe('bao-cao-ket-qua-ra-soat-08-bcd-vpdp.docx');
  // A zip (DOCX), made by the service: its content is checked by services/plans/roundReport.test.ts.
  expect(readFileSync((await report.path())!).subarray(0, 2).toString()).toBe('PK');
  const xlsx = page.waitForEvent('download');
  await documents.getByTestId('round-report-xlsx').click();
  expect((await xlsx).suggestedFilename()).toBe('phu-luc-ket-qua-ra-soat-08-bcd-vpdp.xlsx');
  await expect(page.getByText(/Đã tải phu-luc-ket-qua-ra-soat/)).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.getByTestId('round-report').screenshot({ path: `${SHOTS}/plans-documents-round.png`, style: '.mantine-Notifications-root { display: none !important; }' });

  await plans.waitForToasts();
  await plans.tab('tasks').click();
  await expect(page.getByTestId('tasks-reminder')).toBeDisabled();
  await page.getByTestId('tasks-sector').click();
  await page.getByRole('option', { name: 'Bộ NN&PTNT', exact: true }).click();
  const letter = page.waitForEvent('download');
  await page.getByTestId('tasks-reminder').click();
  expect((await letter).suggestedFilename()).toMatch(/^cong-van-don-doc-bo-nn-ptnt-\d{4}-\d{2}-\d{2}\.docx$/);
  await expect(page.getByText(/Đã tải cong-van-don-doc-bo-nn-ptnt/)).toBeVisible();
  await expect(page.getByTestId('tasks-reminder')).not.toHaveAttribute('data-loading');
  // Let the button's loading transition finish before the picture.
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${SHOTS}/plans-documents-tasks.png`, fullPage: true, style: '.mantine-Notifications-root { display: none !important; }' });
  expect(errors).toEqual([]);
});
