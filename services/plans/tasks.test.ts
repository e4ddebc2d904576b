import { afterEach, describe, expect, it } from 'vitest';
import type { PlanTask, RoundDetail } from '../../core/contract/plans';
import { fillQuarter, NAM_CAN, openPlansTestApp, setProfiles, type PlansTestApp } from './testing';

const TA_CA = '16852';
let t: PlansTestApp;
afterEach(() => t?.close());

describe('sector tasks', () => {
  it('gives the responsible sector a task per criterion still failing on a roadmap, with a deadline; overdue shows', async () => {
    t = await openPlansTestApp('2025-05-20');
    await setProfiles(t);
    await t.call('plans.roadmap.set', { unitCode: TA_CA, level: 'xa_ntm', targetYear: 2025 });
    await fillQuarter(t, TA_CA, '2025-Q2', [13, 17]);
    await expect(t.call('plans.tasks.generate', { dueOn: '2025-01-01' })).rejects.toMatchObject({ code: 'TASK_DUE_IN_PAST' });
    const first = await t.call<{ created: number; skipped: number; tasks: PlanTask[] }>('plans.tasks.generate', { dueOn: '2025-06-30' });
    expect(first.created).toBe(2);
    expect(first.tasks.map((x) => [x.criterionNo, x.sector, x.origin, x.status])).toEqual([
      [13, 'Bộ NN&PTNT', 'roadmap', 'open'],
      [17, 'Bộ Tài nguyên và Môi trường / Bộ NN&PTNT / Bộ Y tế / Bộ Công Thương', 'roadmap', 'open'],
    ]);
    expect(first.tasks[0]!.title).toBe('Hoàn thành tiêu chí 13. Tổ chức sản xuất và phát triển kinh tế nông thôn để Xã Tà Cạ đạt Xã đạt chuẩn NTM năm 2025');
    // Generating again never duplicates an open task.
    expect(await t.call('plans.tasks.generate', { dueOn: '2025-06-30' })).toMatchObject({ created: 0, skipped: 2 });

    t.setToday('2025-07-05');
    const overdue = await t.call<PlanTask[]>('plans.tasks.list', { overdueOnly: true });
    expect(overdue.map((x) => [x.criterionNo, x.daysLeft])).toEqual([[13, -5], [17, -5]]);
    const done = await t.call<PlanTask>('plans.tasks.save', { id: overdue[0]!.id, status: 'done', note: 'HTX Tà Cạ thành lập' });
    expect(done).toMatchObject({ status: 'done', doneOn: '2025-07-05', overdue: false });
    await t.call('plans.tasks.save', { id: overdue[1]!.id, dueOn: '2025-09-30', sector: 'Phòng Tài nguyên và Môi trường huyện' });
    expect(await t.call<PlanTask[]>('plans.tasks.list', { overdueOnly: true })).toEqual([]);
    expect((await t.call<PlanTask[]>('plans.tasks.list', { sector: 'Phòng Tài nguyên và Môi trường huyện' })).map((x) => x.criterionNo)).toEqual([17]);
    const manual = await t.call<PlanTask>('plans.tasks.save', { unitCode: NAM_CAN, catalogId: 'QD318-2022-XA-NTM', criterionNo: 19, dueOn: '2025-12-31' });
    expect(manual).toMatchObject({ origin: 'manual', sector: 'Bộ Quốc phòng / Bộ Công an', criterionName: 'Quốc phòng và An ninh', status: 'open' });
    await expect(t.call('plans.tasks.save', { unitCode: NAM_CAN, catalogId: 'QD318-2022-XA-NTM', criterionNo: 42, dueOn: '2025-12-31' })).rejects.toMatchObject({ code: 'CRITERION_NOT_FOUND' });
    const trail = await t.call<{ action: string }[]>('audit.list', { entity: 'plan_task' });
    expect(trail.map((a) => a.action)).toEqual(['create', 'update', 'update', 'generate', 'generate']);
  });

  it('turns the criteria a re-assessment team found not met into tasks for the round', async () => {
    t = await openPlansTestApp('2021-03-10');
    await setProfiles(t);
    await t.call('ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '1234/QĐ-UBND', decidedOn: '2019-12-15', issuer: 'UBND tỉnh Nghệ An' });
    const round = await t.call<RoundDetail>('plans.rounds.save', {
      title: 'Rà soát xã đạt chuẩn 2019–2020', documentNo: '08/BCĐ-VPĐP', documentDate: '2021-03-08', issuer: 'Ban Chỉ đạo tỉnh',
      scope: { communes: { levels: ['xa_ntm'], recognizedFrom: '2019-01-01', recognizedTo: '2020-12-31' }, products: null },
    });
    await fillQuarter(t, NAM_CAN, '2019-Q4', [], 'QD1980-2016-XA-NTM');
    await t.call('plans.findings.set', { roundId: round.id, unitCode: NAM_CAN, source: 'doan_tham_dinh', indicatorCode: '17.*', manualMet: false, evidence: 'Bãi rác chưa xử lý' });
    await t.call('plans.findings.set', { roundId: round.id, unitCode: NAM_CAN, source: 'doan_tham_dinh', indicatorCode: '6', manualMet: true, evidence: 'Nhà văn hóa đạt' });
    const r = await t.call<{ created: number; tasks: PlanTask[] }>('plans.tasks.generate', { roundId: round.id, dueOn: '2021-06-30' });
    expect(r.created).toBe(1);
    expect(r.tasks[0]).toMatchObject({ criterionNo: 17, origin: 'round', roundId: round.id, sector: 'Chưa xác định ngành phụ trách', catalogId: 'QD1980-2016-XA-NTM' });
    expect(r.tasks[0]!.title).toContain('theo kết quả rà soát của đoàn liên ngành');
  });
});
