import type { RoundDetail } from '../../core/contract/plans';
import { fillQuarter, NAM_CAN, openPlansTestApp, setProfiles, type PlansTestApp } from './testing';

/** Test support for the round's report and the reminder letter (not used by the app). */
export const TA_CA = '16852';
export const HUU_KIEM = '16861';
const QD318 = 'QD318-2022-XA-NTM';

/**
 * A hand-built round (Công văn 08/BCĐ-VPĐP style, judged under QĐ 318/2022): Nậm Càn, Tà Cạ and Hữu Kiệm recognised
 * in 2019–2020. Self-assessments of 2022-Q2: Nậm Càn meets all 19, Tà Cạ all but 13. The team finds Nậm Càn's 17
 * not met (overstated) and its 19 met (agrees); Tà Cạ's 2 not met (overstated) and 13 met (differs, understated).
 * A sector finds Tà Cạ's 13 met (differs) and Nậm Càn's 17 met (agrees). Hữu Kiệm is not judged.
 * So: 3 team discrepancies at 2 communes, 1 sector discrepancy, 2 criteria overstated.
 */
export async function judgedRound(): Promise<{ app: PlansTestApp; round: RoundDetail }> {
  const app = await openPlansTestApp('2022-06-20');
  await setProfiles(app);
  const add = (unitCode: string, decidedOn: string) => app.call('ntm.recognitions.add', { unitCode, level: 'xa_ntm', decisionNo: `${unitCode}/QĐ-UBND`, decidedOn, issuer: 'UBND tỉnh Nghệ An' });
  await add(NAM_CAN, '2019-12-15');
  await add(TA_CA, '2020-06-10');
  await add(HUU_KIEM, '2020-11-20');
  await fillQuarter(app, NAM_CAN, '2022-Q2', [], QD318);
  await fillQuarter(app, TA_CA, '2022-Q2', [13], QD318);
  app.setToday('2022-09-05');
  const round = await app.call<RoundDetail>('plans.rounds.save', {
    title: 'Rà soát, đánh giá lại xã đạt chuẩn nông thôn mới năm 2019, 2020',
    documentNo: '08/BCĐ-VPĐP',
    documentDate: '2022-09-01',
    issuer: 'Ban Chỉ đạo các Chương trình MTQG tỉnh',
    catalogId: QD318,
    scope: { communes: { levels: ['xa_ntm'], recognizedFrom: '2019-01-01', recognizedTo: '2020-12-31' }, products: null },
    reviewDue: '2022-10-15',
    reportDue: '2022-10-30',
  });
  await app.call('plans.rounds.saveTeam', {
    roundId: round.id,
    name: 'Đoàn công tác liên ngành số 1',
    leader: 'Nguyễn Văn An',
    members: [
      { name: 'Nguyễn Văn An', organisation: 'Ban Kinh tế - Ngân sách HĐND tỉnh', role: 'Trưởng đoàn' },
      { name: 'Lê Văn Cường', organisation: 'Sở Tài nguyên và Môi trường', sector: 'Môi trường' },
    ],
    unitCodes: [NAM_CAN, TA_CA, HUU_KIEM],
  });
  const team = (unitCode: string, indicatorCode: string, manualMet: boolean, evidence: string) =>
    app.call('plans.findings.set', { roundId: round.id, unitCode, source: 'doan_tham_dinh', indicatorCode, manualMet, evidence });
  await team(NAM_CAN, '17.*', false, 'Kiểm tra thực tế: bãi rác thôn Xốp Lau chưa xử lý');
  await team(NAM_CAN, '19', true, 'Biên bản Ban CHQS huyện');
  await team(TA_CA, '2', false, 'Đường trục thôn Tà Cạ 2 chưa cứng hóa');
  await team(TA_CA, '13', true, 'HTX Tà Cạ đã thành lập, hoạt động hiệu quả');
  const sector = (unitCode: string, indicatorCode: string, name: string, manualMet: boolean, evidence: string) =>
    app.call('plans.findings.set', { roundId: round.id, unitCode, source: 'nganh', sector: name, indicatorCode, manualMet, evidence });
  await sector(TA_CA, '13', 'Phòng Nông nghiệp và PTNT', true, 'Báo cáo của Phòng NN&PTNT');
  await sector(NAM_CAN, '17.*', 'Phòng Tài nguyên và Môi trường', true, 'Báo cáo của Phòng TN&MT');
  const detail = await app.call<RoundDetail>('plans.rounds.get', { id: round.id });
  const nc = detail.items.find((i) => i.code === NAM_CAN)!;
  await app.call('plans.rounds.setItemResult', { roundId: round.id, itemId: nc.id, result: 'not_confirmed', note: 'Tiêu chí 17 không đảm bảo' });
  await app.call('plans.rounds.setOutcome', { roundId: round.id, itemId: nc.id, outcome: 'remedy', reason: 'Tiêu chí 17 không đảm bảo', remedyDue: '2022-12-31' });
  const tc = detail.items.find((i) => i.code === TA_CA)!;
  await app.call('plans.rounds.setItemResult', { roundId: round.id, itemId: tc.id, result: 'confirmed' });
  await app.call('plans.rounds.report', { id: round.id, reportedOn: '2022-10-25', conclusion: 'Đề nghị xã Nậm Càn khắc phục tiêu chí 17 trước ngày 31/12/2022.\nĐề nghị xã Tà Cạ hoàn thiện tiêu chí 2.' });
  return { app, round: await app.call<RoundDetail>('plans.rounds.get', { id: round.id }) };
}

/**
 * The judged round, then sector tasks: from the round's conclusions (Tà Cạ 2 for Bộ Giao thông vận tải, Nậm Càn 17
 * for the environment sectors) due 30/11/2022 under Công văn 120/UBND-NN; a task by hand for Nậm Càn 2 due
 * 31/03/2023 (not yet due) and one for Tà Cạ 2 done; Hữu Kiệm's 2022-Q3 self-assessment fails 2 and 5 with no task;
 * a plan for 2022. At 10/12/2022 Bộ Giao thông vận tải has exactly one overdue task (Tà Cạ 2) and one failing
 * criterion without a task (Hữu Kiệm 2).
 */
export async function sectorTasks(): Promise<PlansTestApp> {
  const { app, round } = await judgedRound();
  await app.call('plans.save', {
    title: 'Kế hoạch xây dựng nông thôn mới năm 2022', documentNo: '125/KH-UBND', documentDate: '2022-01-15', issuer: 'UBND huyện Kỳ Sơn', yearFrom: 2022, yearTo: 2022,
    targets: [{ metric: 'xa_ntm', mode: 'new', value: 2 }],
  });
  app.setToday('2022-10-26');
  await app.call('plans.tasks.generate', { roundId: round.id, dueOn: '2022-11-30', documentNo: '120/UBND-NN', documentDate: '2022-10-26', documentIssuer: 'UBND huyện Kỳ Sơn' });
  await app.call('plans.tasks.save', { unitCode: NAM_CAN, catalogId: QD318, criterionNo: 2, dueOn: '2023-03-31', title: 'Nâng cấp đường liên thôn Xốp Lau' });
  const done = await app.call<{ id: string }>('plans.tasks.save', { unitCode: TA_CA, catalogId: QD318, criterionNo: 2, sector: 'Bộ Giao thông vận tải', dueOn: '2022-11-15', title: 'Lập hồ sơ cứng hóa đường trục thôn' });
  await app.call('plans.tasks.save', { id: done.id, status: 'done' });
  app.setToday('2022-10-28');
  await fillQuarter(app, HUU_KIEM, '2022-Q3', [2, 5], QD318);
  app.setToday('2022-12-10');
  return app;
}
