import { afterEach, describe, expect, it } from 'vitest';
import type { CommuneRoadmap, PlanDetail, PlanProgress } from '../../core/contract/plans';
import { fillQuarter, NAM_CAN, openPlansTestApp, setProfiles, type PlansTestApp } from './testing';
import { planResultsForReport } from './reportSection';

// A district office keeps records up to the reform of 1 July 2025, so the plans here are for 2025.
const TA_CA = '16852';
const HUU_KIEM = '16861';
const MUONG_XEN = '16813';

let t: PlansTestApp;
afterEach(() => t?.close());

const PLAN_2025 = {
  title: 'Kế hoạch xây dựng nông thôn mới năm 2025',
  documentNo: '125/KH-UBND',
  documentDate: '2025-01-15',
  issuer: 'UBND huyện Kỳ Sơn',
  yearFrom: 2025,
  yearTo: 2025,
};

async function recognise(unitCode: string, level: string, decidedOn: string, decisionNo = `${unitCode}/QĐ-UBND`) {
  return t.call<{ id: string }>('ntm.recognitions.add', { unitCode, level, decisionNo, decidedOn, issuer: 'UBND tỉnh Nghệ An' });
}

describe('plans and targets', () => {
  it('keeps a plan with its source document and targets; refuses a mode that does not fit the metric', async () => {
    t = await openPlansTestApp('2025-07-01');
    const plan = await t.call<PlanDetail>('plans.save', {
      ...PLAN_2025,
      targets: [
        { metric: 'xa_ntm', mode: 'new', value: 3 },
        { metric: 'min_criteria', mode: 'level', value: 15 },
        { metric: 'thon_ntm', mode: 'new', value: 10, achievedManual: 4, note: 'Báo cáo của UBND các xã, quý II/2025' },
      ],
    });
    expect(plan).toMatchObject({ periodLabel: 'Năm 2025', documentNo: '125/KH-UBND', targetCount: 3 });
    expect(plan.targets.map((x) => x.label)).toEqual([
      'Xã đạt chuẩn NTM — thêm trong kỳ: 3 xã',
      'Không còn xã dưới 15 tiêu chí',
      'Thôn, bản đạt chuẩn NTM — thêm trong kỳ: 10 thôn, bản',
    ]);
    await expect(t.call('plans.save', { ...PLAN_2025, targets: [{ metric: 'avg_criteria', mode: 'new', value: 8 }] })).rejects.toMatchObject({ code: 'PLAN_TARGET_INVALID' });
    await expect(t.call('plans.save', { ...PLAN_2025, yearFrom: 2026, targets: [] })).rejects.toMatchObject({ code: 'PLAN_PERIOD_INVALID' });
    // A level the app has no catalog for in the plan's period (xã NTM hiện đại is not shipped): refused, nothing saved.
    await expect(t.call('plans.save', { ...PLAN_2025, targets: [{ metric: 'xa_ntm', mode: 'new', value: 1 }, { metric: 'xa_ntm_hien_dai', mode: 'new', value: 1 }] })).rejects.toMatchObject({
      code: 'PLAN_TARGET_INVALID',
      message: 'Chỉ tiêu 2: ứng dụng chưa có bộ tiêu chí Xã NTM hiện đại áp dụng cho năm 2025; hãy nhập bộ tiêu chí đó trước khi đặt chỉ tiêu.',
    });
    // A mode problem and a missing level are reported together, in target order.
    await expect(
      t.call('plans.save', { ...PLAN_2025, targets: [{ metric: 'xa_ntm_hien_dai', mode: 'new', value: 1 }, { metric: 'avg_criteria', mode: 'new', value: 8 }] }),
    ).rejects.toMatchObject({ code: 'PLAN_TARGET_INVALID', details: { problems: [expect.stringMatching(/^Chỉ tiêu 1: ứng dụng chưa có/), expect.stringMatching(/^Chỉ tiêu 2: cách tính/)] } });
    expect(await t.call('plans.list', {})).toHaveLength(1);
    // Re-saving replaces the targets; the old rows stay as tombstones for the province.
    const again = await t.call<PlanDetail>('plans.save', { ...PLAN_2025, id: plan.id, targets: [{ metric: 'xa_ntm', mode: 'new', value: 4 }] });
    expect(again.targets).toHaveLength(1);
    const rows = t.app.context.conn.sqlite.prepare('SELECT deleted, office_code FROM plan_target ORDER BY deleted').all();
    expect(rows).toEqual([{ deleted: 0, office_code: 'H417' }, ...Array(3).fill({ deleted: 1, office_code: 'H417' })]);
    const trail = await t.call<{ action: string }[]>('audit.list', { entity: 'plan' });
    expect(trail.map((a) => a.action)).toEqual(['update', 'create']);
    await t.call('plans.delete', { id: plan.id });
    expect(await t.call('plans.list', {})).toEqual([]);
  });

  it('measures a year target against recognitions: behind at mid-year, and names the communes of the gap with their roadmap first', async () => {
    t = await openPlansTestApp('2025-07-01');
    await setProfiles(t);
    const plan = await t.call<PlanDetail>('plans.save', { ...PLAN_2025, targets: [{ metric: 'xa_ntm', mode: 'new', value: 3 }, { metric: 'xa_ntm', mode: 'cumulative', value: 5 }] });
    await recognise(NAM_CAN, 'xa_ntm', '2019-12-15');
    const muongXen = await recognise(MUONG_XEN, 'xa_ntm', '2025-03-20');
    await t.call('plans.roadmap.set', { unitCode: TA_CA, level: 'xa_ntm', targetYear: 2025, planId: plan.id });
    await t.call('plans.roadmap.set', { unitCode: HUU_KIEM, level: 'xa_ntm', targetYear: 2025 });
    await fillQuarter(t, TA_CA, '2025-Q2', [10, 17]);

    const [progress] = await t.call<PlanProgress[]>('plans.progress', { year: 2025 });
    const [added, total] = progress!.targets;
    expect(progress!.elapsed).toBeCloseTo(0.5, 1);
    expect(added).toMatchObject({ achieved: 1, achievedInPeriod: 1, cumulative: 2, status: 'behind', plannedInRoadmap: 2, expectedByNow: 1.5 });
    expect(added!.statusText).toContain('Chậm tiến độ: 1/3 xã');
    expect(added!.gap.slice(0, 2).map((g) => [g.code, g.roadmapYear])).toEqual([[TA_CA, 2025], [HUU_KIEM, 2025]]);
    expect(added!.gap[0]).toMatchObject({ metCount: 17, criteriaCount: 19, detail: 'Còn thiếu: 10. Thu nhập; 17. Môi trường và an toàn thực phẩm' });
    expect(added!.gap[1]!.detail).toContain('Chưa có đánh giá theo');
    expect(added!.gap.map((g) => g.code)).not.toContain(MUONG_XEN);
    // Lũy kế: 1 at the start of the year, 5 at its end: 3 expected by mid-year, 2 held; the roadmap covers 2 of 3 missing.
    expect(total).toMatchObject({ achieved: 2, status: 'behind', expectedByNow: 3 });
    expect(total!.statusText).toContain('chưa đủ, còn thiếu 1 xã');
    expect(added!.series).toEqual([{ year: 2025, value: 1 }]);

    await recognise(TA_CA, 'xa_ntm', '2025-06-30');
    let [after] = await t.call<PlanProgress[]>('plans.progress', { planId: plan.id });
    expect(after!.targets[0]).toMatchObject({ achieved: 2, status: 'on_track' });
    // A revoked recognition no longer counts.
    await t.call('ntm.recognitions.revoke', { id: muongXen.id, decisionNo: '77/QĐ-UBND', revokedOn: '2025-06-30' });
    [after] = await t.call<PlanProgress[]>('plans.progress', { planId: plan.id });
    expect(after!.targets[0]).toMatchObject({ achieved: 1, status: 'behind' });
  });

  it('counts a percentage of communes, the lowest commune and the average under the catalog in force', async () => {
    t = await openPlansTestApp('2025-07-01');
    await setProfiles(t);
    await t.call<PlanDetail>('plans.save', {
      ...PLAN_2025,
      targets: [
        { metric: 'xa_ntm', mode: 'percent', value: 100 },
        { metric: 'min_criteria', mode: 'level', value: 15 },
        { metric: 'avg_criteria', mode: 'level', value: 16 },
        { metric: 'thon_ntm', mode: 'new', value: 10, achievedManual: 6 },
      ],
    });
    await recognise(NAM_CAN, 'xa_ntm', '2020-12-15');
    await fillQuarter(t, NAM_CAN, '2025-Q1');
    await fillQuarter(t, TA_CA, '2025-Q2', [1, 2, 3, 4, 5, 6]);
    const [p] = await t.call<PlanProgress[]>('plans.progress', {});
    const [percent, min, avg, thon] = p!.targets;
    const communes = await t.call<unknown[]>('ntm.communes.list', {});
    expect(percent).toMatchObject({ unit: '%', achieved: Math.round(1000 / communes.length) / 10, cumulative: 1 });
    expect(min).toMatchObject({ achieved: 13, status: 'behind' });
    expect(min!.statusText).toBe(`Chậm tiến độ: xã thấp nhất đạt 13 tiêu chí; 1 xã dưới 15 tiêu chí; ${communes.length - 2} xã chưa có đánh giá`);
    expect(min!.gap[0]).toMatchObject({ code: TA_CA, metCount: 13 });
    expect(avg).toMatchObject({ achieved: 16, status: 'achieved' });
    expect(thon).toMatchObject({ source: 'manual', achieved: 6, status: 'on_track' });
  });

  it('gives each commune its roadmap with months left, and shows what a commune recognised under QĐ 1980 lacks under QĐ 318', async () => {
    t = await openPlansTestApp('2025-05-20');
    await setProfiles(t);
    await recognise(NAM_CAN, 'xa_ntm', '2019-12-15');
    // Before any assessment under QĐ 318: the set it was recognised under is named, not given by its id.
    const before = (await t.call<CommuneRoadmap[]>('plans.roadmap.list', {})).find((r) => r.unitCode === NAM_CAN)!;
    expect(before.maintenance[0]!.message).toMatch(/^Công nhận ngày 15\/12\/2019 theo Bộ tiêu chí .*; chưa đánh giá theo /);
    await fillQuarter(t, NAM_CAN, '2025-Q2', [13, 17]);
    await t.call('plans.roadmap.set', { unitCode: TA_CA, level: 'xa_ntm', targetYear: 2025, note: 'Nghị quyết Đảng bộ xã' });
    await t.call('plans.roadmap.set', { unitCode: TA_CA, level: 'xa_ntm_hien_dai', targetYear: 2030 });
    const roadmaps = await t.call<CommuneRoadmap[]>('plans.roadmap.list', {});
    const namCan = roadmaps.find((r) => r.unitCode === NAM_CAN)!;
    expect(namCan.level).toBe('xa_ntm');
    expect(namCan.maintenance).toEqual([
      expect.objectContaining({
        recognizedCatalogId: 'QD1980-2016-XA-NTM',
        currentCatalog: expect.objectContaining({ id: 'QD318-2022-XA-NTM' }),
        metCount: 17,
        failing: [expect.objectContaining({ no: 13, status: 'not_met', sector: 'Bộ NN&PTNT' }), expect.objectContaining({ no: 17, status: 'not_met' })],
        message: expect.stringContaining('Duy trì, nâng cao chất lượng tiêu chí'),
      }),
    ]);
    const taCa = roadmaps.find((r) => r.unitCode === TA_CA)!;
    expect(taCa.goals.map((g) => [g.level, g.targetYear, g.monthsLeft])).toEqual([['xa_ntm', 2025, 7], ['xa_ntm_hien_dai', 2030, 67]]);
    expect(taCa.goals[0]).toMatchObject({ achieved: false, catalog: { id: 'QD318-2022-XA-NTM' }, message: expect.stringContaining('Chưa có đánh giá') });
    expect(taCa.goals[1]).toMatchObject({ catalog: null, message: expect.stringContaining('chưa có bộ tiêu chí Xã NTM hiện đại') });
    const removed = await t.call<CommuneRoadmap>('plans.roadmap.set', { unitCode: TA_CA, level: 'xa_ntm_hien_dai', targetYear: null });
    expect(removed.goals).toHaveLength(1);
    await expect(t.call('plans.roadmap.set', { unitCode: '03390', level: 'xa_ntm', targetYear: 2027 })).rejects.toMatchObject({ code: 'COMMUNE_NOT_MANAGED' });
  });

  it('builds the report section "kết quả so với kế hoạch" for a quarter, own targets only', async () => {
    t = await openPlansTestApp('2025-07-01');
    await t.call<PlanDetail>('plans.save', { ...PLAN_2025, targets: [{ metric: 'xa_ntm', mode: 'new', value: 2 }, { metric: 'xa_ntm', mode: 'new', value: 1, officeCode: 'H999' }] });
    await recognise(MUONG_XEN, 'xa_ntm', '2025-02-20');
    const section = await planResultsForReport(t.app.context, { year: 2025, asOf: '2025-03-31' });
    expect(section.plans).toEqual([
      expect.objectContaining({
        title: PLAN_2025.title,
        document: '125/KH-UBND ngày 15/01/2025 của UBND huyện Kỳ Sơn',
        rows: [expect.objectContaining({ label: 'Xã đạt chuẩn NTM — thêm trong kỳ: 2 xã', target: 2, achieved: 1, status: 'on_track', statusLabel: 'Đúng tiến độ' })],
      }),
    ]);
  });
});
