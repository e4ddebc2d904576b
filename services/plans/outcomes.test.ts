import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NtmAssessmentView, NtmMatrix, NtmOverview, NtmRecognition } from '../../core/contract/ntm';
import type { ReportPreview } from '../../core/contract/reports';
import type { CriterionSectors, PlanDetail, PlanSummary, PlanTask, RoundDetail, RoundSummary, SectorDiscrepancies, SectorFailing } from '../../core/contract/plans';
import { AppError } from '../../core/errors';
import { bestAnswers } from '../../core/ocop';
import { openApp, type AppHandle } from '../app';
import { ocopSheet } from '../ocop/catalog';
import { openOcopTestApp, PRODUCER_INPUT, type OcopTestApp } from '../ocop/testing';
import { fileInput, pairedOffices } from '../exchange/exchangeTestKit';
import { exportsDir } from '../exchange/exportService';
import { fillQuarter, NAM_CAN, openPlansTestApp, setProfiles, type PlansTestApp } from './testing';

const TA_CA = '16852';
const QD318 = 'QD318-2022-XA-NTM';
const QD1980 = 'QD1980-2016-XA-NTM';
const ISSUER = 'UBND tỉnh Nghệ An';

let t: PlansTestApp | undefined;
let o: OcopTestApp | undefined;
const closers: (() => void)[] = [];
afterEach(() => {
  t?.close();
  o?.close();
  t = o = undefined;
  closers.splice(0).forEach((c) => c());
});

const ROUND = {
  title: 'Rà soát, đánh giá lại xã đạt chuẩn NTM năm 2019, 2020',
  documentNo: '08/BCĐ-VPĐP',
  documentDate: '2021-03-08',
  issuer: 'Ban Chỉ đạo các Chương trình MTQG tỉnh',
  scope: { communes: { levels: ['xa_ntm'], recognizedFrom: '2019-01-01', recognizedTo: '2020-12-31' }, products: null },
};

const row = (app: { app: AppHandle }, sqlText: string, ...args: unknown[]) => app.app.context.conn.sqlite.prepare(sqlText).get(...args) as Record<string, unknown> | undefined;

describe('round outcomes for communes', () => {
  it('records maintained / must remedy / proposed for revocation with the reason, feeds the NTM at-risk list, marks remedies overdue and shows the later revocation', async () => {
    t = await openPlansTestApp('2021-03-10');
    await setProfiles(t);
    const namCan = await t.call<NtmRecognition>('ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '3521/QĐ-UBND', decidedOn: '2019-12-15', issuer: ISSUER });
    await t.call('ntm.recognitions.add', { unitCode: TA_CA, level: 'xa_ntm', decisionNo: '812/QĐ-UBND', decidedOn: '2020-06-10', issuer: ISSUER });
    const round = await t.call<RoundDetail>('plans.rounds.save', ROUND);
    const item = (r: RoundDetail, code: string) => r.items.find((i) => i.code === code)!;
    const nc = item(round, NAM_CAN);
    const tc = item(round, TA_CA);
    t.setToday('2021-04-20');
    const ref = { roundId: round.id, itemId: nc.id };

    // Bad input: a clear Vietnamese error with a stable code, and nothing changes.
    await expect(t.call('plans.rounds.setOutcome', { ...ref, outcome: 'revoke_proposed' })).rejects.toMatchObject({ code: 'ROUND_OUTCOME_REASON_REQUIRED', message: 'Kết quả "Đề nghị thu hồi" phải ghi rõ lý do.' });
    await expect(t.call('plans.rounds.setOutcome', { ...ref, outcome: 'upgrade', reason: 'x' })).rejects.toMatchObject({ code: 'ROUND_OUTCOME_KIND' });
    await expect(t.call('plans.rounds.setOutcome', { ...ref, outcome: 'remedy', reason: 'Tiêu chí 17' })).rejects.toMatchObject({ code: 'ROUND_REMEDY_DUE_REQUIRED' });
    await expect(t.call('plans.rounds.setOutcome', { ...ref, outcome: 'maintained', decidedOn: '2021-01-05' })).rejects.toMatchObject({ code: 'ROUND_OUTCOME_DATE_INVALID' });
    expect(row(t, 'SELECT version, outcome, result FROM plan_round_item WHERE id = ?', nc.id)).toEqual({ version: 1, outcome: null, result: 'pending' });

    let detail = await t.call<RoundDetail>('plans.rounds.setOutcome', { ...ref, outcome: 'revoke_proposed', reason: '6/19 tiêu chí không đạt, trong đó tiêu chí 17 (môi trường).' });
    expect(item(detail, NAM_CAN)).toMatchObject({
      result: 'not_confirmed',
      checkedOn: '2021-04-20',
      outcome: { outcome: 'revoke_proposed', label: 'Đề nghị thu hồi', reason: '6/19 tiêu chí không đạt, trong đó tiêu chí 17 (môi trường).', recognition: { id: namCan.id, decisionNo: '3521/QĐ-UBND', revokedOn: null } },
    });
    detail = await t.call<RoundDetail>('plans.rounds.setOutcome', { roundId: round.id, itemId: tc.id, outcome: 'remedy', reason: 'Tiêu chí 13: chưa có hợp tác xã hoạt động hiệu quả', remedyDue: '2021-06-30' });
    expect(item(detail, TA_CA).outcome).toMatchObject({ label: 'Phải khắc phục trước ngày 30/06/2021', overdue: false, daysLeft: 71 });
    expect(detail).toMatchObject({ outcomeCounts: { remedy: 1, revoke_proposed: 1 }, remedyOverdueCount: 0, notConfirmedCount: 2 });
    // The conclusion follows the outcome: it cannot say "giữ chuẩn" beside a proposed revocation.
    await expect(t.call('plans.rounds.setItemResult', { ...ref, result: 'confirmed' })).rejects.toMatchObject({ code: 'ROUND_OUTCOME_CONFLICT' });

    // Both communes join the at-risk list of the quarter, the round named as the source.
    const atRisk = async (period: string) => (await t!.call<NtmOverview>('ntm.overview', { period })).atRisk.filter((r) => r.source === 'round');
    expect(await atRisk('2021-Q1')).toEqual([]);
    const q2 = await atRisk('2021-Q2');
    expect(q2.map((r) => [r.unitCode, r.round!.outcome, r.round!.overdue])).toEqual([[TA_CA, 'remedy', false], [NAM_CAN, 'revoke_proposed', false]]);
    expect(q2[1]).toMatchObject({
      name: 'Xã Nậm Càn',
      round: { id: round.id, title: ROUND.title, documentNo: '08/BCĐ-VPĐP' },
      message: 'Đợt "Rà soát, đánh giá lại xã đạt chuẩn NTM năm 2019, 2020" (08/BCĐ-VPĐP ngày 08/03/2021) đề nghị thu hồi quyết định công nhận 3521/QĐ-UBND (lý do: 6/19 tiêu chí không đạt, trong đó tiêu chí 17 (môi trường)).',
    });
    // The quarterly report counts them at risk too, with the round's message, whether or not assessed that quarter.
    const report = (await t.call<ReportPreview>('reports.preview', { period: '2021-Q2' })).model.ntm;
    expect([...report.atRisk.ids].sort()).toEqual([NAM_CAN, TA_CA].sort());
    expect(report.rows.find((r) => r.unitCode === NAM_CAN)).toMatchObject({ atRisk: true, riskMessage: expect.stringContaining('đề nghị thu hồi quyết định công nhận 3521/QĐ-UBND') });
    // And the NTM matrix flags them.
    const rows = (await t.call<NtmMatrix>('ntm.matrix', { period: '2021-Q2' })).rows;
    expect(rows.filter((r) => r.atRisk).map((r) => r.unitCode)).toEqual(expect.arrayContaining([NAM_CAN, TA_CA]));
    // The recognition shows the round that put it at stake.
    const [rec] = await t.call<NtmRecognition[]>('ntm.recognitions.list', { unitCode: NAM_CAN });
    expect(rec!.roundOutcome).toMatchObject({ roundId: round.id, outcome: 'revoke_proposed', documentNo: '08/BCĐ-VPĐP' });

    // Past the deadline without the remedy recorded: overdue, in the round and in the at-risk list.
    t.setToday('2021-07-05');
    detail = await t.call<RoundDetail>('plans.rounds.get', { id: round.id });
    expect(item(detail, TA_CA).outcome).toMatchObject({ overdue: true, daysLeft: -5 });
    expect(detail.remedyOverdueCount).toBe(1);
    const q3 = await atRisk('2021-Q3');
    expect(q3.find((r) => r.unitCode === TA_CA)).toMatchObject({ round: { overdue: true }, message: expect.stringContaining('Đã quá hạn 5 ngày, chưa ghi nhận hoàn thành khắc phục.') });
    const [summary] = await t.call<RoundSummary[]>('plans.rounds.list', {});
    expect(summary).toMatchObject({ remedyOverdueCount: 1, readOnly: false, officeCode: 'H417' });

    // The remedy done: no longer overdue, no longer at risk.
    detail = await t.call<RoundDetail>('plans.rounds.setOutcome', { roundId: round.id, itemId: tc.id, outcome: 'remedy', reason: 'Tiêu chí 13: chưa có hợp tác xã hoạt động hiệu quả', remedyDue: '2021-06-30', remediedOn: '2021-07-04', decidedOn: '2021-04-20' });
    expect(item(detail, TA_CA).outcome).toMatchObject({ overdue: false, remediedOn: '2021-07-04', daysLeft: null });
    expect((await atRisk('2021-Q3')).map((r) => r.unitCode)).toEqual([NAM_CAN]);

    // The office records the revocation decision: the outcome shows it, and the commune leaves the list from then on.
    t.setToday('2021-08-05');
    await t.call('ntm.recognitions.revoke', { id: namCan.id, decisionNo: '95/QĐ-UBND', revokedOn: '2021-08-01' });
    detail = await t.call<RoundDetail>('plans.rounds.get', { id: round.id });
    expect(item(detail, NAM_CAN).outcome!.recognition).toMatchObject({ revokedDecisionNo: '95/QĐ-UBND', revokedOn: '2021-08-01' });
    expect(await atRisk('2021-Q3')).toEqual([]);
    expect((await atRisk('2021-Q2')).map((r) => r.unitCode)).toEqual([TA_CA, NAM_CAN]);
    // A revoked decision cannot be proposed for revocation again.
    await expect(t.call('plans.rounds.setOutcome', { ...ref, outcome: 'revoke_proposed', reason: 'x', decidedOn: '2021-08-03', recognitionId: namCan.id })).rejects.toMatchObject({ code: 'ROUND_RECOGNITION_INVALID' });

    const trail = await t.call<{ action: string; entityId: string }[]>('audit.list', { entity: 'plan_round_item' });
    expect(trail.filter((a) => a.action === 'outcome')).toHaveLength(3);
  });
});

describe('round outcomes for OCOP products', () => {
  it('links the re-scoring on the sheet in force and checks the outcome against its stars', async () => {
    o = await openOcopTestApp('2026-11-23T08:00:00Z');
    const producer = await o.call<{ id: string }>('ocop.producers.save', PRODUCER_INPUT);
    const product = await o.call<{ id: string }>('ocop.products.save', { producerId: producer.id, name: 'Chè Shan tuyết Bình Lư', unitCode: '03390', sheetNo: 11 });
    await o.call('ocop.products.setStatus', { id: product.id, status: 'commune_review' });
    await o.call('ocop.products.setStatus', { id: product.id, status: 'sent_to_province' });
    await o.call('ocop.certificates.issue', { productId: product.id, number: '125/GCN-UBND', decisionNo: '1234/QĐ-UBND', issuedOn: '2026-11-20', stars: 4 });
    const round = await o.call<RoundDetail>('plans.rounds.save', {
      title: 'Rà soát, đánh giá lại sản phẩm OCOP', documentNo: '15/KH-UBND', documentDate: '2026-11-21', issuer: 'UBND xã Bình Lư',
      scope: { communes: null, products: { certifiedBefore: '2026-12-01' } },
    });
    const ref = { roundId: round.id, itemId: round.items[0]!.id };
    const evaluate = (evaluatedOn: string, extra: object = {}) =>
      o!.call<{ id: string; stars: number | null }>('ocop.evaluations.save', { productId: product.id, level: 'province', evaluatedOn, members: [{ answers: bestAnswers(ocopSheet('QD26-2026', 11).sheet) }], ...extra });
    const five = await evaluate('2026-11-22');
    expect(five.stars).toBe(5);

    await expect(o.call('plans.rounds.setOutcome', { ...ref, outcome: 'maintained' })).rejects.toMatchObject({ code: 'ROUND_RESCORE_REQUIRED' });
    await expect(o.call('plans.rounds.setOutcome', { ...ref, outcome: 'maintained', evaluationId: five.id })).rejects.toMatchObject({
      code: 'ROUND_OUTCOME_MISMATCH',
      message: 'Kết quả "Giữ hạng sao" cần số sao chấm lại bằng số sao trên giấy chứng nhận: chấm lại được 5 sao, giấy chứng nhận 4 sao; kết quả phù hợp là "Nâng hạng".',
    });
    await expect(o.call('plans.rounds.setOutcome', { ...ref, outcome: 'remedy', reason: 'x', remedyDue: '2027-01-01' })).rejects.toMatchObject({ code: 'ROUND_OUTCOME_KIND' });
    const old = await o.call<{ id: string }>('ocop.evaluations.save', { productId: product.id, level: 'province', version: 'QD148-2023', evaluatedOn: '2026-11-22', members: [{ answers: bestAnswers(ocopSheet('QD148-2023', 11).sheet) }] });
    await expect(o.call('plans.rounds.setOutcome', { ...ref, outcome: 'upgrade', reason: 'Đạt 5 sao', evaluationId: old.id })).rejects.toMatchObject({ code: 'ROUND_RESCORE_OUTDATED_SHEET', message: expect.stringContaining('bộ tiêu chí hiện hành (QD26-2026)') });
    const early = await evaluate('2026-11-19');
    await expect(o.call('plans.rounds.setOutcome', { ...ref, outcome: 'upgrade', reason: 'Đạt 5 sao', evaluationId: early.id })).rejects.toMatchObject({ code: 'ROUND_RESCORE_BEFORE_ROUND' });
    const draft = await o.call<{ id: string }>('ocop.evaluations.save', { productId: product.id, level: 'province', evaluatedOn: '2026-11-22', members: [{ answers: Object.fromEntries(Object.entries(bestAnswers(ocopSheet('QD26-2026', 11).sheet)).slice(0, 3)) }] });
    await expect(o.call('plans.rounds.setOutcome', { ...ref, outcome: 'upgrade', reason: 'Đạt 5 sao', evaluationId: draft.id })).rejects.toMatchObject({ code: 'ROUND_RESCORE_INCOMPLETE' });
    expect(row(o, 'SELECT version, outcome FROM plan_round_item WHERE id = ?', ref.itemId)).toEqual({ version: 1, outcome: null });

    let detail = await o.call<RoundDetail>('plans.rounds.setOutcome', { ...ref, outcome: 'upgrade', reason: 'Hội đồng chấm lại đạt 100 điểm', evaluationId: five.id });
    expect(detail.items[0]).toMatchObject({ result: 'confirmed', outcome: { outcome: 'upgrade', label: 'Nâng hạng (4 → 5 sao)', certificateStars: 4, rescore: { evaluationId: five.id, catalogVersion: 'QD26-2026', stars: 5 } } });

    // A disqualified re-scoring (0 stars) calls for revocation; a revocation for a violation needs no re-scoring.
    const out = await evaluate('2026-11-23', { disqualification: { reasons: ['food_safety_certificate'], criteria: [] } });
    await expect(o.call('plans.rounds.setOutcome', { ...ref, outcome: 'downgrade', reason: 'x', evaluationId: out.id })).rejects.toMatchObject({ code: 'ROUND_OUTCOME_MISMATCH', details: { expected: 'revoke' } });
    detail = await o.call<RoundDetail>('plans.rounds.setOutcome', { ...ref, outcome: 'revoke', reason: 'Giấy chứng nhận an toàn thực phẩm hết hiệu lực' });
    expect(detail.items[0]!.outcome).toMatchObject({ outcome: 'revoke', label: 'Thu hồi giấy chứng nhận', rescore: null });
    expect(detail.items[0]!.result).toBe('not_confirmed');

    // A task about the product in the round, for a sector, with the document that assigned it.
    const task = await o.call<PlanTask>('plans.tasks.save', {
      productId: product.id, roundId: round.id, sector: 'Phòng Kinh tế xã', dueOn: '2026-12-31', documentNo: '20/TB-UBND', documentDate: '2026-11-23', documentIssuer: 'UBND xã Bình Lư',
    });
    expect(task).toMatchObject({
      productName: 'Chè Shan tuyết Bình Lư', roundTitle: 'Rà soát, đánh giá lại sản phẩm OCOP', unitCode: null, criterionNo: null, assignee: 'Phòng Kinh tế xã',
      title: 'Sản phẩm Chè Shan tuyết Bình Lư (đợt rà soát "Rà soát, đánh giá lại sản phẩm OCOP")', document: { no: '20/TB-UBND', date: '2026-11-23', issuer: 'UBND xã Bình Lư' },
    });
    expect((await o.call<PlanTask[]>('plans.tasks.list', { productId: product.id })).map((x) => x.id)).toEqual([task.id]);
  });
});

describe('responsible sectors and the per-sector views', () => {
  it('lets the office name its own sector for a criterion (a syncable record), used by tasks, the assessment and the per-sector failing list', async () => {
    t = await openPlansTestApp('2025-05-20');
    await setProfiles(t);
    const defaults = await t.call<CriterionSectors>('plans.sectors.list', { catalogId: QD318 });
    expect(defaults.criteria.find((c) => c.no === 17)).toMatchObject({ defaultSector: 'Bộ Tài nguyên và Môi trường / Bộ NN&PTNT / Bộ Y tế / Bộ Công Thương', overridden: false });
    await expect(t.call('plans.sectors.set', { catalogId: QD318, criterionNo: 42, sector: 'X' })).rejects.toMatchObject({ code: 'CRITERION_NOT_FOUND' });
    await expect(t.call('plans.sectors.set', { catalogId: 'KHONG-CO', criterionNo: 1, sector: 'X' })).rejects.toMatchObject({ code: 'CATALOG_NOT_FOUND' });
    const set = await t.call<CriterionSectors>('plans.sectors.set', { catalogId: QD318, criterionNo: 17, sector: 'Phòng Tài nguyên và Môi trường huyện', note: 'Theo Quyết định phân công của UBND huyện' });
    expect(set.criteria.find((c) => c.no === 17)).toMatchObject({ sector: 'Phòng Tài nguyên và Môi trường huyện', overridden: true, note: 'Theo Quyết định phân công của UBND huyện' });
    expect(row(t, 'SELECT office_code, version, deleted FROM plan_criterion_sector')).toEqual({ office_code: 'H417', version: 1, deleted: 0 });

    await t.call('plans.roadmap.set', { unitCode: TA_CA, level: 'xa_ntm', targetYear: 2025 });
    await fillQuarter(t, TA_CA, '2025-Q2', [13, 17]);
    const view = await t.call<NtmAssessmentView>('ntm.assessment.get', { unitCode: TA_CA, period: '2025-Q2' });
    expect(view.criteria.find((c) => c.no === 17)!.sector).toBe('Phòng Tài nguyên và Môi trường huyện');
    const generated = await t.call<{ tasks: PlanTask[] }>('plans.tasks.generate', { dueOn: '2025-09-30', documentNo: '45/TB-UBND', documentDate: '2025-05-20', documentIssuer: 'UBND huyện Kỳ Sơn' });
    expect(generated.tasks.map((x) => [x.criterionNo, x.sector, x.document?.no])).toEqual([
      [13, 'Bộ NN&PTNT', '45/TB-UBND'],
      [17, 'Phòng Tài nguyên và Môi trường huyện', '45/TB-UBND'],
    ]);

    // Per sector, everything failing in its criteria across communes (latest assessments), with the open task.
    await fillQuarter(t, NAM_CAN, '2025-Q1', [17]);
    const failing = await t.call<SectorFailing>('plans.sectors.failing', {});
    expect(failing.assessedCount).toBe(2);
    const env = failing.sectors.find((s) => s.sector === 'Phòng Tài nguyên và Môi trường huyện')!;
    expect(env).toMatchObject({ criteriaCount: 1, communeCount: 2, withoutTask: 1 });
    expect(env.items.map((i) => [i.unitCode, i.criterionNo, i.period, i.openTask?.dueOn ?? null])).toEqual([
      [TA_CA, 17, '2025-Q2', '2025-09-30'],
      [NAM_CAN, 17, '2025-Q1', null],
    ]);
    expect((await t.call<SectorFailing>('plans.sectors.failing', { sector: 'Bộ NN&PTNT' })).sectors.map((s) => [s.sector, s.items.length])).toEqual([['Bộ NN&PTNT', 1]]);

    // Back to the catalog's default: the record becomes a tombstone (the province sees the change too).
    const reset = await t.call<CriterionSectors>('plans.sectors.set', { catalogId: QD318, criterionNo: 17, sector: null });
    expect(reset.criteria.find((c) => c.no === 17)).toMatchObject({ overridden: false, sector: defaults.criteria.find((c) => c.no === 17)!.defaultSector });
    expect(row(t, 'SELECT version, deleted FROM plan_criterion_sector')).toEqual({ version: 2, deleted: 1 });
    const trail = await t.call<{ action: string }[]>('audit.list', { entity: 'plan_criterion_sector' });
    expect(trail.map((a) => a.action)).toEqual(['reset', 'create']);
  });

  it('groups the discrepancies between self-assessment and the team’s or a sector’s finding by the responsible sector, with counts', async () => {
    t = await openPlansTestApp('2021-03-10');
    await setProfiles(t);
    await t.call('ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '3521/QĐ-UBND', decidedOn: '2019-12-15', issuer: ISSUER });
    await fillQuarter(t, NAM_CAN, '2019-Q4', [], QD1980);
    const round = await t.call<RoundDetail>('plans.rounds.save', ROUND);
    await t.call('plans.sectors.set', { catalogId: QD1980, criterionNo: 17, sector: 'Phòng Tài nguyên và Môi trường huyện' });
    const ref = { roundId: round.id, unitCode: NAM_CAN };
    await t.call('plans.findings.set', { ...ref, source: 'doan_tham_dinh', indicatorCode: '17.*', manualMet: false, evidence: 'Bãi rác thôn chưa xử lý' });
    await t.call('plans.findings.set', { ...ref, source: 'doan_tham_dinh', indicatorCode: '6', manualMet: true, evidence: 'Nhà văn hóa đạt' });
    await t.call('plans.findings.set', { ...ref, source: 'nganh', sector: 'Công an huyện', indicatorCode: '19', manualMet: false, evidence: 'Còn tụ điểm phức tạp' });
    const view = await t.call<SectorDiscrepancies>('plans.sectors.discrepancies', { roundId: round.id });
    expect(view).toMatchObject({ roundId: round.id, total: 2, overstated: 2 });
    const env = view.sectors.find((s) => s.sector === 'Phòng Tài nguyên và Môi trường huyện')!;
    expect(env).toMatchObject({ count: 1, overstated: 1, communeCount: 1 });
    expect(env.rows[0]).toMatchObject({ unitCode: NAM_CAN, criterionNo: 17, self: 'met', team: 'not_met', by: ['team'], roundTitle: ROUND.title });
    const unknown = view.sectors.find((s) => s.sector === 'Chưa xác định ngành phụ trách')!;
    expect(unknown.rows.map((r) => [r.criterionNo, r.by, r.sectorFinding])).toEqual([[19, ['sector'], 'not_met']]);
    // Every round of the office when none is named.
    expect((await t.call<SectorDiscrepancies>('plans.sectors.discrepancies', {})).total).toBe(2);
    await expect(t.call('plans.sectors.discrepancies', { roundId: '01890000-0000-7000-8000-000000000000' })).rejects.toMatchObject({ code: 'ROUND_NOT_FOUND' });
  });
});

describe('tasks for a sector or a staff member', () => {
  it('assigns to a staff member, links any of commune, criterion, product or round, carries the assigning document; bad input changes nothing', async () => {
    t = await openPlansTestApp('2025-05-20');
    const staff = await t.call<{ id: string }>('staff.add', { name: 'Vi Văn Hùng' });
    const count = () => row(t!, 'SELECT count(*) AS n FROM plan_task')!.n;
    await expect(t.call('plans.tasks.save', { dueOn: '2025-06-30', sector: 'Phòng Kinh tế' })).rejects.toMatchObject({
      code: 'TASK_FIELDS_REQUIRED',
      message: 'Nhiệm vụ mới cần ít nhất một nơi gắn nhiệm vụ: xã, tiêu chí, sản phẩm OCOP hoặc đợt rà soát.',
    });
    await expect(t.call('plans.tasks.save', {})).rejects.toMatchObject({ code: 'TASK_FIELDS_REQUIRED', message: expect.stringMatching(/^Nhiệm vụ mới cần thời hạn hoàn thành và ít nhất một nơi/) });
    await expect(t.call('plans.tasks.save', { unitCode: TA_CA, dueOn: '2025-06-30' })).rejects.toMatchObject({ code: 'TASK_ASSIGNEE_REQUIRED' });
    await expect(t.call('plans.tasks.save', { unitCode: TA_CA, criterionNo: 13, dueOn: '2025-06-30' })).rejects.toMatchObject({ code: 'TASK_CRITERION_INVALID' });
    await expect(t.call('plans.tasks.save', { unitCode: TA_CA, staffId: '01890000-0000-7000-8000-000000000000', dueOn: '2025-06-30' })).rejects.toMatchObject({ code: 'TASK_STAFF_NOT_FOUND' });
    await expect(t.call('plans.tasks.save', { unitCode: TA_CA, staffId: staff.id, dueOn: '2025-06-30', documentNo: '45/TB-UBND' })).rejects.toMatchObject({ code: 'TASK_DOCUMENT_INCOMPLETE' });
    await expect(t.call('plans.tasks.save', { unitCode: TA_CA, staffId: staff.id, dueOn: '2025-06-30', documentNo: '45/TB-UBND', documentDate: '2025-07-01' })).rejects.toMatchObject({
      code: 'TASK_DOCUMENT_AFTER_DUE',
      message: 'Thời hạn hoàn thành (30/06/2025) không được trước ngày văn bản giao nhiệm vụ (01/07/2025).',
    });
    expect(count()).toBe(0);

    const task = await t.call<PlanTask>('plans.tasks.save', {
      unitCode: TA_CA, catalogId: QD318, criterionNo: 13, staffId: staff.id, dueOn: '2025-06-30',
      documentNo: '45/TB-UBND', documentDate: '2025-05-15', documentIssuer: 'UBND huyện Kỳ Sơn',
    });
    // The criterion's sector stays responsible; the staff member follows it up.
    expect(task).toMatchObject({ sector: 'Bộ NN&PTNT', staffName: 'Vi Văn Hùng', assignee: 'Bộ NN&PTNT · Vi Văn Hùng', communeName: 'Xã Tà Cạ', origin: 'manual', title: 'Tiêu chí 13. Tổ chức sản xuất và phát triển kinh tế nông thôn tại Xã Tà Cạ' });
    const personal = await t.call<PlanTask>('plans.tasks.save', { unitCode: NAM_CAN, staffId: staff.id, title: 'Đôn đốc xã hoàn thiện hồ sơ', dueOn: '2025-06-15' });
    expect(personal).toMatchObject({ sector: null, assignee: 'Vi Văn Hùng', criterionNo: null, document: null });
    expect((await t.call<PlanTask[]>('plans.tasks.list', { staffId: staff.id })).map((x) => x.id)).toEqual([personal.id, task.id]);
    // Update: the staff member taken off leaves the sector; taking both off is refused.
    const updated = await t.call<PlanTask>('plans.tasks.save', { id: task.id, staffId: null, documentIssuer: 'Văn phòng Điều phối NTM huyện' });
    expect(updated).toMatchObject({ assignee: 'Bộ NN&PTNT', document: { no: '45/TB-UBND', issuer: 'Văn phòng Điều phối NTM huyện' } });
    await expect(t.call('plans.tasks.save', { id: personal.id, staffId: null })).rejects.toMatchObject({ code: 'TASK_ASSIGNEE_REQUIRED' });
    expect(row(t, 'SELECT staff_name FROM plan_task WHERE id = ?', personal.id)).toEqual({ staff_name: 'Vi Văn Hùng' });
  });
});

describe('province mode', () => {
  async function provinceApp() {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-plans-prov-'));
    const app = await openApp({ dataDir: dir, now: () => new Date('2025-05-20T03:00:00Z') });
    closers.push(() => {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const call = async <T,>(method: string, input: unknown): Promise<T> => {
      const r = await app.dispatch(method, input);
      if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
      return r.value as T;
    };
    await call('setup.complete', { kind: 'province', provinceCode: '40', unitCode: '40', officeName: 'Văn phòng Điều phối NTM tỉnh Nghệ An', parentBodyName: 'UBND TỈNH NGHỆ AN', staffName: 'Lô Thị Mai' });
    return { app, call };
  }
  const at = '2025-05-01T00:00:00.000Z';
  function merge(app: AppHandle, officeCode: string) {
    const db = app.context.conn.sqlite;
    db.prepare(`INSERT INTO plan (id, office_code, updated_at, title, document_no, document_date, issuer, year_from, year_to) VALUES (?, ?, ?, ?, '125/KH-UBND', '2025-01-15', 'UBND huyện Kỳ Sơn', 2025, 2025)`).run(`01960000-0000-7000-8000-00000000000${officeCode.length}`, officeCode, at, 'Kế hoạch NTM năm 2025 huyện Kỳ Sơn');
    db.prepare(`INSERT INTO plan_round (id, office_code, updated_at, title, document_no, document_date, issuer, scope_json) VALUES (?, ?, ?, 'Rà soát xã đạt chuẩn 2019–2020', '08/BCĐ-VPĐP', '2021-03-08', 'Ban Chỉ đạo tỉnh', '{"communes":null,"products":null}')`).run('01960000-0000-7000-8000-0000000000a1', officeCode, at);
    db.prepare(`INSERT INTO plan_task (id, office_code, updated_at, sector, title, due_on, status, origin, round_id) VALUES (?, ?, ?, 'Phòng Kinh tế - Hạ tầng', 'Báo cáo kết quả khắc phục', '2025-04-30', 'open', 'manual', '01960000-0000-7000-8000-0000000000a1')`).run('01960000-0000-7000-8000-0000000000b1', officeCode, at);
    db.prepare(`INSERT INTO exchange_peer (id, kind, status, office_code, name, public_key, key_id, fingerprint, added_at) VALUES ('p1', 'office_signing', 'active', ?, 'Phòng Nông nghiệp và PTNT huyện Kỳ Sơn', 'k', NULL, 'f', ?)`).run(officeCode, at);
  }

  it('lists the plans, rounds and tasks merged from offices’ bundles beside its own, marked with their office, read-only', async () => {
    const p = await provinceApp();
    const own = await p.call<PlanDetail>('plans.save', { title: 'Kế hoạch NTM năm 2025 của tỉnh', documentNo: '30/KH-UBND', documentDate: '2025-02-01', issuer: 'UBND tỉnh Nghệ An', yearFrom: 2025, yearTo: 2025, targets: [] });
    merge(p.app, 'H417');
    const plans = await p.call<PlanSummary[]>('plans.list', {});
    expect(plans.map((x) => [x.title, x.officeCode === own.officeCode, x.officeName, x.readOnly])).toEqual([
      ['Kế hoạch NTM năm 2025 của tỉnh', true, 'Văn phòng Điều phối NTM tỉnh Nghệ An', false],
      ['Kế hoạch NTM năm 2025 huyện Kỳ Sơn', false, 'Phòng Nông nghiệp và PTNT huyện Kỳ Sơn', true],
    ]);
    const merged = plans[1]!;
    expect(await p.call<PlanDetail>('plans.get', { id: merged.id })).toMatchObject({ officeCode: 'H417', readOnly: true });
    await expect(p.call('plans.save', { id: merged.id, title: 'Sửa', documentNo: '1', documentDate: '2025-01-15', issuer: 'x', yearFrom: 2025, yearTo: 2025, targets: [] })).rejects.toMatchObject({
      code: 'RECORD_READ_ONLY',
      message: expect.stringContaining('Kế hoạch của văn phòng mã H417, nhận qua gói dữ liệu: chỉ xem'),
    });
    await expect(p.call('plans.delete', { id: merged.id })).rejects.toMatchObject({ code: 'RECORD_READ_ONLY' });

    const rounds = await p.call<RoundSummary[]>('plans.rounds.list', {});
    expect(rounds.map((r) => [r.documentNo, r.officeCode, r.readOnly])).toEqual([['08/BCĐ-VPĐP', 'H417', true]]);
    expect(await p.call<RoundDetail>('plans.rounds.get', { id: rounds[0]!.id })).toMatchObject({ officeName: 'Phòng Nông nghiệp và PTNT huyện Kỳ Sơn', readOnly: true });
    await expect(p.call('plans.rounds.report', { id: rounds[0]!.id, reportedOn: '2021-04-20', conclusion: 'x' })).rejects.toMatchObject({ code: 'RECORD_READ_ONLY' });

    const tasks = await p.call<PlanTask[]>('plans.tasks.list', {});
    expect(tasks).toEqual([expect.objectContaining({ officeCode: 'H417', readOnly: true, roundTitle: 'Rà soát xã đạt chuẩn 2019–2020', overdue: true, assignee: 'Phòng Kinh tế - Hạ tầng' })]);
    await expect(p.call('plans.tasks.save', { id: tasks[0]!.id, status: 'done' })).rejects.toMatchObject({ code: 'RECORD_READ_ONLY' });
    expect(p.app.context.conn.sqlite.prepare('SELECT status, version FROM plan_task').get()).toEqual({ status: 'open', version: 1 });
  });

  it('a district office lists only its own records', async () => {
    t = await openPlansTestApp('2025-05-20');
    merge(t.app, 'H418');
    expect(await t.call<PlanSummary[]>('plans.list', {})).toEqual([]);
    expect(await t.call<RoundSummary[]>('plans.rounds.list', {})).toEqual([]);
    expect(await t.call<PlanTask[]>('plans.tasks.list', {})).toEqual([]);
  });
});

describe('exchange', () => {
  it('carries outcomes, the office’s sectors and tasks to the province, where they list read-only under their office', async () => {
    const pair = await pairedOffices();
    closers.push(pair.cleanup);
    const { province, offices } = pair;
    const office = offices[0]!;
    const call = office.call as <T>(m: string, i: unknown) => Promise<T>;
    const producer = await call<{ id: string }>('ocop.producers.save', PRODUCER_INPUT);
    const product = await call<{ id: string }>('ocop.products.save', { producerId: producer.id, name: 'Chè Shan tuyết Bình Lư', unitCode: '03390', sheetNo: 11 });
    await call('ocop.products.setStatus', { id: product.id, status: 'commune_review' });
    await call('ocop.products.setStatus', { id: product.id, status: 'sent_to_province' });
    await call('ocop.certificates.issue', { productId: product.id, number: '125/GCN-UBND', decisionNo: '1234/QĐ-UBND', issuedOn: '2026-10-01', stars: 4 });
    const round = await call<RoundDetail>('plans.rounds.save', {
      title: 'Rà soát sản phẩm OCOP năm 2026', documentNo: '15/KH-UBND', documentDate: '2026-10-15', issuer: 'UBND xã Bình Lư', scope: { communes: null, products: { certifiedBefore: '2026-10-02' } },
    });
    const five = await call<{ id: string }>('ocop.evaluations.save', { productId: product.id, level: 'province', evaluatedOn: '2026-10-20', members: [{ answers: bestAnswers(ocopSheet('QD26-2026', 11).sheet) }] });
    await call('plans.rounds.setOutcome', { roundId: round.id, itemId: round.items[0]!.id, outcome: 'upgrade', reason: 'Chấm lại đạt 100 điểm', evaluationId: five.id, decidedOn: '2026-10-25' });
    await call('plans.sectors.set', { catalogId: QD318, criterionNo: 13, sector: 'Phòng Kinh tế xã' });
    await call('plans.tasks.save', { productId: product.id, roundId: round.id, sector: 'Phòng Kinh tế xã', dueOn: '2026-12-31', documentNo: '20/TB-UBND', documentDate: '2026-10-26' });

    const exp = await office.call('exchange.bundle.export', { mode: 'full', periods: ['2026-Q4'] });
    expect(exp.counts).toMatchObject({ plan_round: 1, plan_round_item: 1, plan_criterion_sector: 1, plan_task: 1, ocop_evaluation: 1 });
    const [result] = await province.call('exchange.bundle.import', { files: [fileInput(join(exportsDir(office.dir), exp.fileName))] });
    expect(result).toMatchObject({ status: 'imported', error: null });

    const pcall = province.call as <T>(m: string, i: unknown) => Promise<T>;
    const [merged] = await pcall<RoundSummary[]>('plans.rounds.list', {});
    expect(merged).toMatchObject({ officeCode: office.officeCode, readOnly: true, outcomeCounts: { upgrade: 1 } });
    const detail = await pcall<RoundDetail>('plans.rounds.get', { id: round.id });
    expect(detail.items[0]!.outcome).toMatchObject({ outcome: 'upgrade', label: 'Nâng hạng (4 → 5 sao)', rescore: { evaluationId: five.id, stars: 5 } });
    const tasks = await pcall<PlanTask[]>('plans.tasks.list', {});
    expect(tasks).toEqual([expect.objectContaining({ readOnly: true, productName: 'Chè Shan tuyết Bình Lư', document: { no: '20/TB-UBND', date: '2026-10-26', issuer: null } })]);
    expect(province.app.context.conn.sqlite.prepare('SELECT office_code, criterion_no, sector FROM plan_criterion_sector').all()).toEqual([{ office_code: office.officeCode, criterion_no: 13, sector: 'Phòng Kinh tế xã' }]);
    // The province's own view of sectors is its own: another office's choice does not change it.
    expect((await pcall<CriterionSectors>('plans.sectors.list', { catalogId: QD318 })).criteria.find((c) => c.no === 13)!.overridden).toBe(false);
  });
});
