import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PlansPage } from './page-models/PlansPage';
import { SetupPage } from './page-models/SetupPage';
import { Shell } from './page-models/Shell';
import { startWebHost, type WebHost } from './webHost';

let host: WebHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

const SHOTS = 'test-results/screenshots';
const NAM_CAN = '16873';
const TA_CA = '16852';

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/plans-${name}.png`, fullPage, style: '.mantine-Notifications-root { display: none !important; }' });
}

/** Calls the contract from inside the page (same origin, the page's own per-run secret); throws on an error. */
async function api<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const r = (await page.evaluate(
    async ([m, i]) => {
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-NTM-Secret': sessionStorage.getItem('ntm-desk-secret') ?? '' },
        body: JSON.stringify({ method: m, input: i }),
      });
      return res.json();
    },
    [method, input] as const,
  )) as { ok: boolean; value?: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value as T;
}

type View = { indicators: { code: string; criterionNo: number; judgement: string; valueKind: string; choices: { value: string }[] | null }[] };

/** A commune's own assessment of a quarter: every criterion met except those listed. */
async function seedQuarter(page: Page, unitCode: string, period: string, catalogId: string, notMet: number[]): Promise<void> {
  const view = await api<View>(page, 'ntm.assessment.get', { unitCode, period, catalogId });
  for (const i of view.indicators) {
    const met = !notMet.includes(i.criterionNo);
    const value = i.judgement === 'manual' ? undefined : i.valueKind === 'boolean' ? met : i.valueKind === 'choice' ? (met ? i.choices!.at(-1)!.value : i.choices![0]!.value) : met ? 100 : 0;
    await api(page, 'ntm.assessment.setValue', { unitCode, period, catalogId, indicatorCode: i.code, value, manualMet: met, evidence: `Biên bản tự đánh giá ${i.code}` });
  }
}

test('plans and verification: a year plan against recognitions, roadmaps, a re-assessment round with the team’s findings, sector tasks', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  host = await startWebHost();
  await page.goto(host.url);
  const setup = new SetupPage(page);
  await setup.chooseKind(/Phòng Nông nghiệp cấp huyện/);
  await setup.pick('province-select', 'nghe an', /Nghệ An/);
  await setup.pick('unit-select', 'ky son', /Kỳ Sơn/);
  await setup.fill('Phòng Nông nghiệp và PTNT huyện Kỳ Sơn', 'UBND HUYỆN KỲ SƠN', 'Lô Thị Mai');
  await setup.submit();
  await new Shell(page).expectOffice('Phòng Nông nghiệp và PTNT huyện Kỳ Sơn');

  // Records the office already keeps: recognitions, the communes' own assessments, a roadmap.
  const communes = await api<{ unitCode: string }[]>(page, 'ntm.communes.list', {});
  await api(page, 'ntm.communes.setProfile', {
    unitCodes: communes.map((c) => c.unitCode),
    region: 'BTB',
    flags: { xa_tren_3_truong: false, xa_an_toan_khu: false, xa_dac_biet_kho_khan: false, thuoc_huyen_ngheo_hoac_vua_thoat_ngheo_2018_2020: false },
  });
  await api(page, 'ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '3521/QĐ-UBND', decidedOn: '2019-12-15', issuer: 'UBND tỉnh Nghệ An' });
  await api(page, 'ntm.recognitions.add', { unitCode: '16813', level: 'xa_ntm', decisionNo: '812/QĐ-UBND', decidedOn: '2025-03-20', issuer: 'UBND tỉnh Nghệ An' });
  await seedQuarter(page, NAM_CAN, '2019-Q4', 'QD1980-2016-XA-NTM', []);
  await seedQuarter(page, TA_CA, '2025-Q2', 'QD318-2022-XA-NTM', [10, 17]);
  await api(page, 'plans.roadmap.set', { unitCode: TA_CA, level: 'xa_ntm', targetYear: 2025 });

  const plans = new PlansPage(page);
  await plans.open(2025);
  await plans.createPlan({ title: 'Kế hoạch xây dựng nông thôn mới năm 2025', documentNo: '125/KH-UBND', documentDate: '2025-01-15', issuer: 'UBND huyện Kỳ Sơn', year: 2025, targets: [3, 1] });
  const card = page.getByTestId('plan-progress');
  await expect(card).toContainText('125/KH-UBND ngày 15/01/2025 của UBND huyện Kỳ Sơn');
  await expect(card).toContainText('Xã đạt chuẩn NTM — thêm trong kỳ: 3 xã');
  await expect(page.getByTestId('plans-progress-chart')).toBeVisible();
  await card.getByTestId('gap-toggle').first().click();
  await expect(page.getByTestId('gap-list')).toContainText('Xã Tà Cạ');
  await expect(page.getByTestId('gap-list')).toContainText('10. Thu nhập');
  await shot(page, 'progress');

  await plans.tab('roadmap').click();
  await expect(page.getByTestId('roadmap-table')).toContainText('Xã Nậm Càn');
  await expect(page.getByTestId('roadmap-table')).toContainText('Duy trì theo');
  await shot(page, 'roadmap');

  await plans.tab('rounds').click();
  await plans.createRound({
    title: 'Rà soát, đánh giá lại xã đạt chuẩn NTM năm 2019, 2020',
    documentNo: '08/BCĐ-VPĐP',
    documentDate: '2021-03-08',
    issuer: 'Ban Chỉ đạo các Chương trình MTQG tỉnh',
    from: '2019-01-01',
    to: '2020-12-31',
    deadlines: ['2021-03-12', '2021-03-18', '2021-04-13', '2021-04-22'],
  });
  await expect(page.getByTestId('round-preview')).toContainText('Phạm vi: 1 xã, 0 sản phẩm');
  await expect(page.getByTestId('round-preview')).toContainText('Công nhận Xã đạt chuẩn NTM ngày 15/12/2019');
  await shot(page, 'round-form', false);
  await page.getByTestId('round-save').click();
  const detail = page.getByTestId('round-detail');
  await expect(detail).toContainText('08/BCĐ-VPĐP ngày 08/03/2021');
  await expect(page.getByTestId('round-deadlines')).toContainText('quá hạn');
  await page.getByTestId('team-members').fill('Nguyễn Văn An | Ban Kinh tế - Ngân sách HĐND tỉnh\nLê Văn Cường | Sở Tài nguyên và Môi trường | Môi trường');
  await page.getByTestId('team-save').click();
  await expect(detail).toContainText('Lê Văn Cường — Sở Tài nguyên và Môi trường (Môi trường)');
  await page.getByTestId(`compare-${NAM_CAN}`).click();
  const comparison = page.getByTestId('comparison');
  await expect(comparison).toContainText('Tự đánh giá: 2019-Q4, đạt 19/19');
  await page.getByTestId('team-evidence-17.*').fill('Kiểm tra thực tế: bãi rác thôn chưa xử lý');
  await page.getByTestId('team-met-17.*').click();
  await page.getByRole('option', { name: 'Không đạt' }).click();
  await expect(page.getByTestId('cmp-row-17.*')).toHaveAttribute('data-differs', 'true');
  await expect(page.getByTestId('comparison-differences')).toHaveText('1 chỉ tiêu khác biệt');
  await expect(comparison).toContainText('1 tiêu chí tự đánh giá đạt nhưng đoàn kết luận không đạt');
  await page.getByTestId('cmp-row-17.*').scrollIntoViewIfNeeded();
  await shot(page, 'round');
  await page.getByTestId('round-task-due').fill('2099-06-30');
  await page.getByTestId('round-tasks').click();

  await plans.tab('tasks').click();
  const tasks = page.getByTestId('tasks-table');
  await expect(tasks).toContainText('Khắc phục tiêu chí 17. Môi trường và an toàn thực phẩm tại Xã Nậm Càn theo kết quả rà soát của đoàn liên ngành');
  await expect(tasks).toContainText('30/06/2099');
  await shot(page, 'tasks');
  expect(errors).toEqual([]);
});
