import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { bestAnswers, findSheet, findVersion, loadCatalog } from '../core/ocop';
import { PlansPage } from './page-models/PlansPage';
import { SetupPage } from './page-models/SetupPage';
import { Shell } from './page-models/Shell';
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

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // Let a dialog finish its opening or closing transition; a full page from the top (the header is sticky).
  await page.waitForTimeout(400);
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/plans-outcomes-${name}.png`, fullPage, style: '.mantine-Notifications-root { display: none !important; }' });
}

test('round outcomes: a commune proposed for revocation joins the NTM at-risk list, a remedy past due shows overdue; sectors and tasks for staff', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  host = await startWebHost();
  await page.goto(host.url);
  const shell = await setUpKySonDistrict(page);

  // Records the office already keeps: two communes recognised in 2019–2020, their own assessments, a round, a team finding.
  const communes = await api<{ unitCode: string }[]>(page, 'ntm.communes.list', {});
  await api(page, 'ntm.communes.setProfile', {
    unitCodes: communes.map((c) => c.unitCode),
    region: 'BTB',
    flags: { xa_tren_3_truong: false, xa_an_toan_khu: false, xa_dac_biet_kho_khan: false, thuoc_huyen_ngheo_hoac_vua_thoat_ngheo_2018_2020: false },
  });
  const namCan = await api<{ id: string }>(page, 'ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '3521/QĐ-UBND', decidedOn: '2019-12-15', issuer: 'UBND tỉnh Nghệ An' });
  await api(page, 'ntm.recognitions.add', { unitCode: TA_CA, level: 'xa_ntm', decisionNo: '812/QĐ-UBND', decidedOn: '2020-06-10', issuer: 'UBND tỉnh Nghệ An' });
  await seedQuarter(page, NAM_CAN, '2019-Q4', 'QD1980-2016-XA-NTM', []);
  await seedQuarter(page, TA_CA, '2025-Q2', 'QD318-2022-XA-NTM', [13, 17]);
  const round = await api<{ id: string }>(page, 'plans.rounds.save', {
    title: 'Rà soát, đánh giá lại xã đạt chuẩn NTM năm 2019, 2020',
    documentNo: '08/BCĐ-VPĐP',
    documentDate: '2026-03-01',
    issuer: 'Ban Chỉ đạo các Chương trình MTQG tỉnh',
    scope: { communes: { levels: ['xa_ntm'], recognizedFrom: '2019-01-01', recognizedTo: '2020-12-31' }, products: null },
  });
  await api(page, 'plans.findings.set', { roundId: round.id, unitCode: NAM_CAN, source: 'doan_tham_dinh', indicatorCode: '17.*', manualMet: false, evidence: 'Kiểm tra thực tế: bãi rác thôn chưa xử lý' });
  await api(page, 'staff.add', { name: 'Vi Văn Hùng' });

  const plans = new PlansPage(page);
  await plans.open(2026);
  await plans.tab('rounds').click();
  await page.getByTestId('round-select').click();
  await page.getByRole('option', { name: /08\/BCĐ-VPĐP/ }).click();
  const detail = page.getByTestId('round-detail');
  await expect(detail).toContainText('08/BCĐ-VPĐP ngày 01/03/2026');

  // "Đề nghị thu hồi" needs its reason: the service says so in Vietnamese, in the form.
  const form = await plans.recordOutcome(NAM_CAN, { outcome: 'Đề nghị thu hồi' });
  await expect(form.getByTestId('outcome-error')).toContainText('Kết quả "Đề nghị thu hồi" phải ghi rõ lý do. (mã lỗi ROUND_OUTCOME_REASON_REQUIRED)');
  await shot(page, 'form-error', false);
  await form.getByTestId('outcome-reason').fill('Tiêu chí 17 (môi trường) không đạt; xã tự đánh giá không khách quan.');
  await form.getByTestId('outcome-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId(`item-outcome-${NAM_CAN}`)).toContainText('Đề nghị thu hồi');
  await expect(page.getByTestId(`item-outcome-${NAM_CAN}`)).toContainText('QĐ công nhận 3521/QĐ-UBND: chưa có quyết định thu hồi');

  // "Phải khắc phục trước ngày 30/06/2026", decided in April: past due today, shown overdue.
  const remedy = await plans.recordOutcome(
    TA_CA,
    { outcome: 'Phải khắc phục', decidedOn: '2026-04-10', remedyDue: '2026-06-30', reason: 'Tiêu chí 13: chưa có hợp tác xã hoạt động hiệu quả' },
    () => shot(page, 'form-remedy', false),
  );
  await expect(remedy).toBeHidden();
  await expect(page.getByTestId(`item-outcome-${TA_CA}`)).toContainText('Phải khắc phục trước ngày 30/06/2026');
  await expect(page.getByTestId(`item-overdue-${TA_CA}`)).toHaveText(/Quá hạn \d+ ngày/);
  await expect(page.getByTestId('round-outcomes')).toContainText('Kết quả xử lý: 1 phải khắc phục, 1 đề nghị thu hồi · 1 xã quá hạn khắc phục');
  await shot(page, 'round');

  // The NTM at-risk list on the overview names the round as the source.
  await plans.waitForToasts();
  await shell.go('overview');
  const atRisk = page.getByTestId('ntm-ov-atrisk');
  await expect(page.getByTestId(`ntm-ov-atrisk-round-${NAM_CAN}`)).toBeVisible();
  await expect(atRisk).toContainText('Đề nghị thu hồi · đợt rà soát 08/BCĐ-VPĐP');
  await expect(atRisk).toContainText('đề nghị thu hồi quyết định công nhận 3521/QĐ-UBND (lý do: Tiêu chí 17 (môi trường) không đạt');
  await expect(atRisk).toContainText('Quá hạn khắc phục');
  await expect(atRisk).toContainText('kết luận phải khắc phục trước ngày 30/06/2026');
  await shot(page, 'overview-atrisk');

  // The office later records the revocation decision: the round's outcome shows it; the commune leaves the list.
  await api(page, 'ntm.recognitions.revoke', { id: namCan.id, decisionNo: '95/QĐ-UBND', revokedOn: '2026-11-20' });
  await page.reload();
  await expect(page.getByTestId(`ntm-ov-atrisk-round-${TA_CA}`)).toBeVisible();
  await expect(page.getByTestId(`ntm-ov-atrisk-round-${NAM_CAN}`)).toHaveCount(0);
  await plans.open(2026);
  await plans.tab('rounds').click();
  await page.getByTestId('round-select').click();
  await page.getByRole('option', { name: /08\/BCĐ-VPĐP/ }).click();
  await expect(page.getByTestId(`item-outcome-${NAM_CAN}`)).toContainText('QĐ công nhận 3521/QĐ-UBND đã thu hồi theo QĐ 95/QĐ-UBND ngày 20/11/2026');

  // Sectors: the office names its own sector for criterion 17; the per-sector views follow it.
  await plans.tab('sectors').click();
  await page.getByTestId('sector-view').getByText('Phân công ngành').click();
  await page.getByTestId('sector-catalog').click();
  await page.getByRole('option', { name: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025 (318/QĐ-TTg)' }).click();
  await expect(page.getByTestId('sector-row-17')).toContainText('Bộ Tài nguyên và Môi trường');
  await page.getByTestId('sector-input-17').fill('Phòng Tài nguyên và Môi trường huyện');
  await page.getByTestId('sector-input-17').press('Enter');
  await expect(page.getByTestId('sector-row-17').getByRole('button', { name: 'Về mặc định' })).toBeVisible();
  await shot(page, 'sector-assignment');
  await page.getByTestId('sector-view').getByText('Tiêu chí chưa đạt').click();
  const env = page.getByTestId('sector-failing-card').filter({ hasText: 'Phòng Tài nguyên và Môi trường huyện' });
  await expect(env).toContainText('17. Môi trường và an toàn thực phẩm');
  await expect(env).toContainText('Xã Tà Cạ');
  await shot(page, 'sector-failing');
  await page.getByTestId('sector-view').getByText('Khác biệt khi kiểm tra').click();
  await expect(page.getByTestId('sector-discrepancy-total')).toHaveText('1 tiêu chí có kết quả kiểm tra khác tự đánh giá; 1 tiêu chí xã tự đánh giá đạt nhưng kiểm tra không đạt.');
  await expect(page.getByTestId('sector-discrepancy-card')).toContainText('Xã Nậm Càn');
  await shot(page, 'sector-discrepancies');

  // A task for a staff member, about a commune of the round, with the document that assigned it.
  await plans.waitForToasts();
  await plans.tab('tasks').click();
  await page.getByTestId('task-new').click();
  const task = page.getByRole('dialog').getByTestId('task-form');
  await task.getByTestId('task-save').click();
  await expect(task.getByTestId('task-error')).toContainText('Nhiệm vụ mới cần thời hạn hoàn thành và ít nhất một nơi gắn nhiệm vụ');
  await task.getByTestId('task-commune').click();
  await task.getByTestId('task-commune').fill('Tà Cạ');
  await page.getByRole('option', { name: 'Xã Tà Cạ' }).click();
  await task.getByTestId('task-round').click();
  await page.getByRole('option', { name: /08\/BCĐ-VPĐP/ }).click();
  await task.getByTestId('task-title').fill('Đôn đốc xã Tà Cạ hoàn thành khắc phục tiêu chí 13');
  await task.getByTestId('task-staff').click();
  await page.getByRole('option', { name: 'Vi Văn Hùng' }).click();
  await task.getByTestId('task-due').fill('2026-12-15');
  await task.getByTestId('task-doc-no').fill('45/TB-UBND');
  await task.getByTestId('task-doc-date').fill('2026-11-20');
  await task.getByTestId('task-doc-issuer').fill('UBND huyện Kỳ Sơn');
  await shot(page, 'task-form', false);
  await task.getByTestId('task-save').click();
  await expect(task).toBeHidden();
  const tasks = page.getByTestId('tasks-table');
  await expect(tasks).toContainText('Cán bộ: Vi Văn Hùng');
  await expect(tasks).toContainText('Văn bản giao: 45/TB-UBND ngày 20/11/2026 của UBND huyện Kỳ Sơn');
  await expect(tasks).toContainText('Xã Tà Cạ · đợt rà soát "Rà soát, đánh giá lại xã đạt chuẩn NTM năm 2019, 2020" · nhập tay');
  await shot(page, 'tasks');
  expect(errors).toEqual([]);
});

/**
 * Rows as a district office's bundle would have merged them (the exchange tests cover the import itself): a plan, a
 * round with an outcome and a task, owned by H417, and the office's signing key registered under its name.
 */
function mergeDistrictRecords(dataDir: string): void {
  const db = new BetterSqlite3(join(dataDir, 'ntm-desk.sqlite'));
  const at = '2026-10-01T02:00:00.000Z';
  try {
    db.transaction(() => {
      db.prepare(`INSERT INTO exchange_peer (id, kind, status, office_code, name, public_key, key_id, fingerprint, added_at) VALUES ('p1', 'office_signing', 'active', 'H417', 'Phòng Nông nghiệp và PTNT huyện Kỳ Sơn', 'k', NULL, 'f', ?)`).run(at);
      db.prepare(`INSERT INTO plan (id, office_code, updated_at, title, document_no, document_date, issuer, year_from, year_to) VALUES ('01960000-0000-7000-8000-000000000001', 'H417', ?, 'Kế hoạch xây dựng NTM năm 2026 huyện Kỳ Sơn', '125/KH-UBND', '2026-01-15', 'UBND huyện Kỳ Sơn', 2026, 2026)`).run(at);
      db.prepare(`INSERT INTO plan_round (id, office_code, updated_at, title, document_no, document_date, issuer, scope_json) VALUES ('01960000-0000-7000-8000-0000000000a1', 'H417', ?, 'Rà soát xã đạt chuẩn NTM 2019–2020', '08/BCĐ-VPĐP', '2026-03-01', 'Ban Chỉ đạo huyện', '{"communes":null,"products":null}')`).run(at);
      db.prepare(`INSERT INTO plan_task (id, office_code, updated_at, sector, title, due_on, status, origin, round_id, doc_no, doc_date, doc_issuer) VALUES ('01960000-0000-7000-8000-0000000000b1', 'H417', ?, 'Phòng Kinh tế - Hạ tầng', 'Báo cáo kết quả khắc phục sau rà soát', '2026-09-30', 'open', 'manual', '01960000-0000-7000-8000-0000000000a1', '12/TB-UBND', '2026-08-01', 'UBND huyện Kỳ Sơn')`).run(at);
    })();
  } finally {
    db.close();
  }
}

test('province mode: plans, rounds and tasks merged from a district are listed beside its own, marked with their office, read-only', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  host = await startWebHost();
  await page.goto(host.url);
  const setup = new SetupPage(page);
  await setup.chooseKind(/Cấp tỉnh/);
  await setup.pick('province-select', 'nghe an', /Nghệ An/);
  await setup.fill('Văn phòng Điều phối NTM tỉnh Nghệ An', 'UBND TỈNH NGHỆ AN', 'Trần Văn Nam');
  await setup.submit();
  await new Shell(page).expectOffice('Văn phòng Điều phối NTM tỉnh Nghệ An');
  await api(page, 'plans.save', { title: 'Kế hoạch xây dựng NTM năm 2026 của tỉnh', documentNo: '30/KH-UBND', documentDate: '2026-02-01', issuer: 'UBND tỉnh Nghệ An', yearFrom: 2026, yearTo: 2026, targets: [] });
  mergeDistrictRecords(host.dataDir);
  await page.reload();

  const plans = new PlansPage(page);
  await plans.open(2026);
  await page.getByRole('combobox', { name: 'Chọn kế hoạch' }).click();
  await expect(page.getByRole('option', { name: 'Kế hoạch xây dựng NTM năm 2026 của tỉnh (Năm 2026)', exact: true })).toBeVisible();
  await page.getByRole('option', { name: /huyện Kỳ Sơn \(Năm 2026\) — Phòng Nông nghiệp và PTNT huyện Kỳ Sơn/ }).click();
  const card = page.getByTestId('plan-progress');
  await expect(card.getByTestId('plan-readonly')).toHaveText('Phòng Nông nghiệp và PTNT huyện Kỳ Sơn · chỉ xem');
  await expect(card.getByTestId('plan-edit')).toHaveCount(0);
  await shot(page, 'province-plan');

  await plans.tab('rounds').click();
  await page.getByTestId('round-select').click();
  await page.getByRole('option', { name: /08\/BCĐ-VPĐP — Rà soát xã đạt chuẩn NTM 2019–2020 \(Phòng Nông nghiệp và PTNT huyện Kỳ Sơn\)/ }).click();
  await expect(page.getByTestId('round-readonly')).toBeVisible();
  await expect(page.getByTestId('round-edit')).toHaveCount(0);
  await expect(page.getByTestId('team-new')).toHaveCount(0);
  await shot(page, 'province-round');

  await plans.tab('tasks').click();
  const tasks = page.getByTestId('tasks-table');
  await expect(tasks.getByTestId('task-office')).toHaveText('Phòng Nông nghiệp và PTNT huyện Kỳ Sơn');
  await expect(tasks).toContainText('Văn bản giao: 12/TB-UBND ngày 01/08/2026 của UBND huyện Kỳ Sơn');
  await expect(tasks.getByRole('combobox', { name: 'Trạng thái nhiệm vụ' })).toBeDisabled();
  await shot(page, 'province-tasks');
  expect(errors).toEqual([]);
});

test('OCOP product in a round: re-scored on the sheet in force; an outcome the stars do not bear out is refused in Vietnamese', async ({ page }) => {
  test.setTimeout(120_000);
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
  await new Shell(page).expectOffice('Phòng Kinh tế xã Bình Lư');

  const producer = await api<{ id: string }>(page, 'ocop.producers.save', {
    kind: 'hop_tac_xa', name: 'Hợp tác xã Chè Shan tuyết Bình Lư', legalRepName: 'Lò Văn Dũng', address: 'Bản Nà Ít', unitCode: '03390',
  });
  const product = await api<{ id: string }>(page, 'ocop.products.save', { producerId: producer.id, name: 'Chè Shan tuyết Bình Lư', unitCode: '03390', sheetNo: 11 });
  await api(page, 'ocop.products.setStatus', { id: product.id, status: 'commune_review' });
  await api(page, 'ocop.products.setStatus', { id: product.id, status: 'sent_to_province' });
  await api(page, 'ocop.certificates.issue', { productId: product.id, number: '125/GCN-UBND', decisionNo: '1234/QĐ-UBND', issuedOn: '2026-10-01', stars: 4 });
  await api(page, 'plans.rounds.save', {
    title: 'Rà soát, đánh giá lại sản phẩm OCOP năm 2026', documentNo: '15/KH-UBND', documentDate: '2026-10-15', issuer: 'UBND xã Bình Lư',
    scope: { communes: null, products: { certifiedBefore: '2026-10-02' } },
  });
  const catalog = loadCatalog(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'db', 'reference', 'ocop', 'ocop-score-catalog.json'), 'utf8')));
  await api(page, 'ocop.evaluations.save', { productId: product.id, level: 'province', evaluatedOn: '2026-10-20', members: [{ name: 'Hội đồng cấp tỉnh', answers: bestAnswers(findSheet(findVersion(catalog), 11)) }] });

  const plans = new PlansPage(page);
  await plans.open(2026);
  await plans.tab('rounds').click();
  await page.getByTestId('round-select').click();
  await page.getByRole('option', { name: /15\/KH-UBND/ }).click();
  const [code] = (await page.getByTestId('round-items').locator('[data-testid^="round-item-"]').first().getAttribute('data-testid'))!.split('round-item-').slice(1);
  const form = await plans.recordOutcome(code!, { outcome: 'Giữ hạng sao' }, async () => {
    await page.getByRole('dialog').getByTestId('outcome-evaluation').click();
    await page.getByRole('option', { name: /20\/10\/2026 · QD26-2026 · 5 sao/ }).click();
  });
  await expect(form.getByTestId('outcome-error')).toContainText(
    'Kết quả "Giữ hạng sao" cần số sao chấm lại bằng số sao trên giấy chứng nhận: chấm lại được 5 sao, giấy chứng nhận 4 sao; kết quả phù hợp là "Nâng hạng". (mã lỗi ROUND_OUTCOME_MISMATCH)',
  );
  await shot(page, 'ocop-mismatch', false);
  await form.getByTestId('outcome-select').click();
  await page.getByRole('option', { name: 'Nâng hạng', exact: true }).click();
  await form.getByTestId('outcome-reason').fill('Hội đồng cấp tỉnh chấm lại đạt 100 điểm, đủ điều kiện 5 sao');
  await form.getByTestId('outcome-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId(`item-outcome-${code}`)).toContainText('Nâng hạng (4 → 5 sao)');
  await expect(page.getByTestId(`item-outcome-${code}`)).toContainText('Chấm lại 20/10/2026 theo QD26-2026: 5 sao; giấy chứng nhận 4 sao');
  await shot(page, 'ocop-round');
  expect(errors).toEqual([]);
});
