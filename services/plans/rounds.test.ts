import { afterEach, describe, expect, it } from 'vitest';
import type { PlanDetail, PlanProgress, RoundComparison, RoundDetail, RoundSummary, ScopePreview } from '../../core/contract/plans';
import { openOcopTestApp, PRODUCER_INPUT, TINY_PNG_BASE64, type OcopTestApp } from '../ocop/testing';
import { fillQuarter, NAM_CAN, openPlansTestApp, setProfiles, type PlansTestApp } from './testing';

const TA_CA = '16852';
const HUU_KIEM = '16861';
const QD1980 = 'QD1980-2016-XA-NTM';

let t: PlansTestApp | undefined;
let o: OcopTestApp | undefined;
afterEach(() => {
  t?.close();
  o?.close();
  t = o = undefined;
});

/** Công văn 08/BCĐ-VPĐP (Hà Tĩnh, 8/3/2021): re-assess communes recognised in 2019–2020 with inter-sector teams. */
const ROUND = {
  title: 'Rà soát, đánh giá lại xã đạt chuẩn NTM, NTM nâng cao năm 2019, 2020',
  documentNo: '08/BCĐ-VPĐP',
  documentDate: '2021-03-08',
  issuer: 'Ban Chỉ đạo các Chương trình MTQG tỉnh',
  scope: { communes: { levels: ['xa_ntm', 'xa_ntm_nang_cao'], recognizedFrom: '2019-01-01', recognizedTo: '2020-12-31' }, products: null },
  membersDue: '2021-03-12',
  teamsDue: '2021-03-18',
  reviewDue: '2021-04-13',
  reportDue: '2021-04-22',
};

async function recognisedDistrict(): Promise<PlansTestApp> {
  const app = await openPlansTestApp('2021-03-10');
  await setProfiles(app);
  const add = (unitCode: string, decidedOn: string, level = 'xa_ntm') =>
    app.call<{ id: string }>('ntm.recognitions.add', { unitCode, level, decisionNo: `${unitCode}/QĐ-UBND`, decidedOn, issuer: 'UBND tỉnh Nghệ An' });
  await add(NAM_CAN, '2019-12-15');
  await add(TA_CA, '2018-12-20');
  const revoked = await add(HUU_KIEM, '2020-06-01');
  await app.call('ntm.recognitions.revoke', { id: revoked.id, decisionNo: '12/QĐ-UBND', revokedOn: '2021-01-10' });
  // The commune's own assessment of 2019: every criterion met.
  await fillQuarter(app, NAM_CAN, '2019-Q4', [], QD1980);
  return app;
}

describe('re-assessment rounds', () => {
  it('takes in by rule the communes recognised in 2019–2020, under the catalog they were recognised with', async () => {
    t = await recognisedDistrict();
    const preview = await t.call<ScopePreview>('plans.rounds.preview', { scope: ROUND.scope });
    expect(preview).toEqual({ communeCount: 1, productCount: 0, items: [{ kind: 'commune', code: NAM_CAN, name: 'Xã Nậm Càn', reason: 'Công nhận Xã đạt chuẩn NTM ngày 15/12/2019 (16873/QĐ-UBND)' }] });
    const round = await t.call<RoundDetail>('plans.rounds.save', ROUND);
    expect(round.items).toEqual([expect.objectContaining({ code: NAM_CAN, catalogId: QD1980, result: 'pending', findingCount: 0 })]);
    expect(round.deadlines.map((d) => [d.key, d.state])).toEqual([['members', 'pending'], ['teams', 'pending'], ['review', 'pending'], ['report', 'pending']]);
    await expect(t.call('plans.rounds.save', { ...ROUND, reviewDue: '2021-01-01' })).rejects.toMatchObject({ code: 'ROUND_DEADLINE_INVALID' });
    // Deadlines out of order: the report due before the review is done.
    await expect(t.call('plans.rounds.save', { ...ROUND, reportDue: '2021-04-10' })).rejects.toMatchObject({
      code: 'ROUND_DEADLINE_INVALID',
      message: 'Thời hạn báo cáo kết quả không được trước thời hạn hoàn thành rà soát.',
    });
    expect(await t.call('plans.rounds.list', {})).toHaveLength(1);
  });

  it('keeps the team’s finding beside the self-assessment, never over it, and highlights where they differ', async () => {
    t = await recognisedDistrict();
    const round = await t.call<RoundDetail>('plans.rounds.save', ROUND);
    t.setToday('2021-03-16');
    const staffed = await t.call<RoundDetail>('plans.rounds.saveTeam', {
      roundId: round.id,
      name: 'Đoàn công tác liên ngành số 1',
      leader: 'Phó Trưởng ban Kinh tế - Ngân sách HĐND tỉnh',
      members: [
        { name: 'Nguyễn Văn An', organisation: 'Ban Kinh tế - Ngân sách HĐND tỉnh', role: 'Trưởng đoàn' },
        { name: 'Trần Thị Bình', organisation: 'Ủy ban Kiểm tra Tỉnh ủy' },
        { name: 'Lê Văn Cường', organisation: 'Sở Tài nguyên và Môi trường', sector: 'Môi trường' },
      ],
      unitCodes: [NAM_CAN],
    });
    expect(staffed.teams[0]).toMatchObject({ itemCount: 1, members: expect.arrayContaining([expect.objectContaining({ sector: 'Môi trường' })]) });
    expect(staffed.items[0]!.teamName).toBe('Đoàn công tác liên ngành số 1');
    expect(staffed.deadlines.find((d) => d.key === 'teams')).toMatchObject({ state: 'done', doneOn: '2021-03-16' });

    const ref = { roundId: round.id, unitCode: NAM_CAN };
    const selfBefore = t.app.context.conn.sqlite.prepare('SELECT indicator_code, manual_met, evidence, version FROM ntm_value ORDER BY indicator_code').all();
    await t.call('plans.findings.set', { ...ref, source: 'doan_tham_dinh', indicatorCode: '17.*', manualMet: false, evidence: 'Kiểm tra thực tế: bãi rác thôn chưa xử lý' });
    await t.call('plans.findings.set', { ...ref, source: 'doan_tham_dinh', indicatorCode: '17.1', manualMet: true, evidence: 'Số liệu hộ dùng nước hợp vệ sinh khớp' });
    await t.call('plans.findings.set', { ...ref, source: 'doan_tham_dinh', indicatorCode: '19', manualMet: true, evidence: 'Biên bản Ban CHQS huyện' });
    await expect(t.call('plans.findings.set', { ...ref, source: 'nganh', indicatorCode: '17.*', manualMet: true, evidence: 'x' })).rejects.toMatchObject({ code: 'FINDING_SECTOR_REQUIRED' });
    await t.call('plans.findings.set', { ...ref, source: 'nganh', sector: 'Sở Tài nguyên và Môi trường', indicatorCode: '17.*', manualMet: true, evidence: 'Báo cáo của ngành' });
    const view = await t.call<RoundComparison>('plans.findings.addEvidence', { ...ref, source: 'doan_tham_dinh', indicatorCode: '17.*', fileName: 'anh-bai-rac.png', contentBase64: TINY_PNG_BASE64 });

    expect(view.catalog.id).toBe(QD1980);
    expect(view.selfAssessment).toEqual({ period: '2019-Q4', status: 'draft' });
    // The sector judged only 17.*: its criterion 17 stays undetermined (17.1 not judged by it).
    expect(view).toMatchObject({ selfMetCount: 19, teamMetCount: 1, sectorMetCount: 0, differences: 1, overstated: 1 });
    const env = view.indicators.find((i) => i.code === '17.*')!;
    expect(env).toMatchObject({ differs: true, self: { status: 'met', manualMet: true }, sector: { status: 'met', sector: 'Sở Tài nguyên và Môi trường' }, team: { status: 'not_met', evidence: expect.stringContaining('bãi rác') } });
    expect(env.team!.files.map((f) => f.fileName)).toEqual(['anh-bai-rac.png']);
    expect(view.indicators.find((i) => i.code === '19')).toMatchObject({ differs: false });
    expect(view.criteria.find((c) => c.no === 17)).toMatchObject({ self: 'met', sector: 'undetermined', team: 'not_met', differs: true, overstated: true });
    // Criteria the team did not look at are not counted as differences.
    expect(view.criteria.find((c) => c.no === 1)).toMatchObject({ team: null, differs: false });
    // The self-assessment is untouched.
    expect(t.app.context.conn.sqlite.prepare('SELECT indicator_code, manual_met, evidence, version FROM ntm_value ORDER BY indicator_code').all()).toEqual(selfBefore);
    expect(t.app.context.conn.sqlite.prepare("SELECT count(*) AS n FROM plan_finding WHERE source = 'doan_tham_dinh'").get()).toEqual({ n: 3 });

    await expect(t.call('plans.findings.set', { roundId: round.id, unitCode: TA_CA, source: 'doan_tham_dinh', indicatorCode: '1', manualMet: true })).rejects.toMatchObject({
      code: 'ROUND_ITEM_NOT_IN_SCOPE',
    });

    // Review overdue on 14/4; the conclusion closes it; a reported round accepts no more findings.
    t.setToday('2021-04-15');
    let detail = await t.call<RoundDetail>('plans.rounds.get', { id: round.id });
    expect(detail.items[0]!.findingCount).toBe(3);
    // Counts per round: the commune's one discrepancy (17.*), a criterion self-assessed met that the team did not find met.
    expect(detail.items[0]).toMatchObject({ differences: 1, overstated: 1 });
    const [summary] = await t.call<RoundSummary[]>('plans.rounds.list', {});
    expect(summary).toMatchObject({ differenceCount: 1, overstatedCount: 1, communesWithDifferences: 1 });
    expect(detail.deadlines.find((d) => d.key === 'review')!.state).toBe('overdue');
    detail = await t.call<RoundDetail>('plans.rounds.setItemResult', { roundId: round.id, itemId: detail.items[0]!.id, result: 'not_confirmed', note: 'Tiêu chí 17 không đảm bảo' });
    expect(detail).toMatchObject({ reviewedCount: 1, notConfirmedCount: 1 });
    expect(detail.deadlines.find((d) => d.key === 'review')).toMatchObject({ state: 'done', doneOn: '2021-04-15' });
    detail = await t.call<RoundDetail>('plans.rounds.report', { id: round.id, reportedOn: '2021-04-20', conclusion: 'Đề nghị xã Nậm Càn khắc phục tiêu chí 17 trong năm 2021.' });
    expect(detail.deadlines.find((d) => d.key === 'report')).toMatchObject({ state: 'done', doneOn: '2021-04-20' });
    await expect(t.call('plans.findings.set', { ...ref, source: 'doan_tham_dinh', indicatorCode: '1', manualMet: true, evidence: 'x' })).rejects.toMatchObject({ code: 'ROUND_REPORTED' });
    const trail = await t.call<{ entity: string }[]>('audit.list', { entity: 'plan_finding' });
    expect(trail).toHaveLength(4);
  });

  it('re-saving keeps a commune that has findings even when the rule no longer takes it', async () => {
    t = await recognisedDistrict();
    const round = await t.call<RoundDetail>('plans.rounds.save', ROUND);
    await t.call('plans.findings.set', { roundId: round.id, unitCode: NAM_CAN, source: 'doan_tham_dinh', indicatorCode: '1', manualMet: true, evidence: 'Biên bản' });
    const narrowed = await t.call<RoundDetail>('plans.rounds.save', { ...ROUND, id: round.id, scope: { ...ROUND.scope, communes: { ...ROUND.scope.communes, recognizedFrom: '2020-01-01' } } });
    expect(narrowed.items.map((i) => i.code)).toEqual([NAM_CAN]);
    // A new round whose rule takes nothing in is bad input (issue 9): refused, nothing saved.
    await expect(t.call('plans.rounds.save', { ...ROUND, title: 'Đợt 2', scope: { ...ROUND.scope, communes: { ...ROUND.scope.communes, recognizedFrom: '2020-01-01' } } })).rejects.toMatchObject({
      code: 'ROUND_SCOPE_EMPTY',
      message: expect.stringContaining('không chọn được xã hay sản phẩm nào'),
    });
    await expect(t.call('plans.rounds.save', { ...ROUND, title: 'Đợt 3', scope: { communes: null, products: null } })).rejects.toMatchObject({ code: 'ROUND_SCOPE_EMPTY' });
    expect((await t.call<unknown[]>('plans.rounds.list', {})).length).toBe(1);
  });

  it('edits a team: members, and exactly the communes it reviews; records a finding value for a rule-judged indicator', async () => {
    t = await recognisedDistrict();
    await t.call('ntm.recognitions.add', { unitCode: TA_CA, level: 'xa_ntm_nang_cao', decisionNo: '520/QĐ-UBND', decidedOn: '2020-06-10', issuer: 'UBND tỉnh Nghệ An' });
    const round = await t.call<RoundDetail>('plans.rounds.save', ROUND);
    expect(round.items.map((i) => [i.code, i.productId])).toEqual([[TA_CA, null], [NAM_CAN, null]].sort());
    const first = await t.call<RoundDetail>('plans.rounds.saveTeam', { roundId: round.id, name: 'Đoàn số 1', members: [], unitCodes: [NAM_CAN, TA_CA] });
    const team = first.teams[0]!;
    expect(team.itemCount).toBe(2);
    // Editing members only (no lists): assignments stay.
    const renamed = await t.call<RoundDetail>('plans.rounds.saveTeam', { roundId: round.id, id: team.id, name: 'Đoàn công tác liên ngành số 1', leader: 'Nguyễn Văn An', members: [{ name: 'Nguyễn Văn An', organisation: 'Sở NN&PTNT', sector: 'Nông nghiệp' }] });
    expect(renamed.teams[0]).toMatchObject({ name: 'Đoàn công tác liên ngành số 1', leader: 'Nguyễn Văn An', itemCount: 2 });
    // A list given is the whole assignment: Tà Cạ leaves the team.
    const narrowed = await t.call<RoundDetail>('plans.rounds.saveTeam', { roundId: round.id, id: team.id, name: 'Đoàn công tác liên ngành số 1', members: renamed.teams[0]!.members, unitCodes: [NAM_CAN] });
    expect(narrowed.items.map((i) => [i.code, i.teamName])).toEqual([[NAM_CAN, 'Đoàn công tác liên ngành số 1'], [TA_CA, null]].sort((a, b) => a[0]!.localeCompare(b[0]!)));
    await expect(t.call('plans.rounds.saveTeam', { roundId: round.id, name: 'Đoàn 2', members: [], unitCodes: [HUU_KIEM] })).rejects.toMatchObject({ code: 'ROUND_ITEM_NOT_IN_SCOPE' });

    // QĐ 1980 criterion 10 (thu nhập) is judged by a rule on the figure: the team enters the figure it found.
    const view = await t.call<RoundComparison>('plans.findings.compare', { roundId: round.id, unitCode: NAM_CAN });
    const rule = view.indicators.find((i) => i.judgement === 'rule' && i.valueKind === 'number')!;
    expect(rule).toMatchObject({ choices: null });
    expect(view.indicators.some((i) => i.valueKind === 'choice' && (i.choices?.length ?? 0) >= 2)).toBe(view.indicators.some((i) => i.valueKind === 'choice'));
    const after = await t.call<RoundComparison>('plans.findings.set', { roundId: round.id, unitCode: NAM_CAN, source: 'doan_tham_dinh', indicatorCode: rule.code, value: 1, evidence: 'Số liệu của đoàn' });
    const found = after.indicators.find((i) => i.code === rule.code)!;
    expect(found.team).toMatchObject({ value: 1, evidence: 'Số liệu của đoàn' });
    expect(found.team!.status).not.toBe('missing_value');
    await expect(t.call('plans.findings.set', { roundId: round.id, unitCode: NAM_CAN, source: 'doan_tham_dinh', indicatorCode: rule.code, value: 'nhiều' })).rejects.toMatchObject({ code: expect.any(String) });
  });
});

describe('OCOP in plans and rounds', () => {
  async function certified(): Promise<{ productId: string }> {
    o = await openOcopTestApp('2026-11-23T08:00:00Z');
    const producer = await o.call<{ id: string }>('ocop.producers.save', PRODUCER_INPUT);
    const product = await o.call<{ id: string }>('ocop.products.save', { producerId: producer.id, name: 'Chè Shan tuyết Bình Lư', unitCode: '03390', sheetNo: 11 });
    await o.call('ocop.products.save', { producerId: producer.id, name: 'Chè xanh Bình Lư', unitCode: '03390', sheetNo: 11 });
    await o.call('ocop.products.setStatus', { id: product.id, status: 'commune_review' });
    await o.call('ocop.products.setStatus', { id: product.id, status: 'sent_to_province' });
    await o.call('ocop.certificates.issue', { productId: product.id, number: '125/GCN-UBND', decisionNo: '1234/QĐ-UBND', issuedOn: '2026-11-20', stars: 4 });
    return { productId: product.id };
  }

  it('counts certified products by stars against a target and lists the products still to come', async () => {
    await certified();
    const plan = await o!.call<PlanDetail>('plans.save', {
      title: 'Kế hoạch OCOP năm 2026', documentNo: '30/KH-UBND', documentDate: '2026-02-01', issuer: 'UBND xã Bình Lư', yearFrom: 2026, yearTo: 2026,
      targets: [{ metric: 'ocop_4', mode: 'new', value: 2 }, { metric: 'ocop_total', mode: 'cumulative', value: 1 }],
    });
    const [p] = await o!.call<PlanProgress[]>('plans.progress', { planId: plan.id });
    expect(p!.targets[0]).toMatchObject({ achieved: 1, unit: 'sản phẩm', status: 'behind', gap: [expect.objectContaining({ kind: 'product', name: 'Chè xanh Bình Lư', detail: 'Đăng ký' })] });
    expect(p!.targets[1]).toMatchObject({ achieved: 1, status: 'achieved' });
  });

  it('takes in OCOP products certified before a date or under an older score-sheet version', async () => {
    await certified();
    const scope = (products: object) => ({ scope: { communes: null, products } });
    expect((await o!.call<ScopePreview>('plans.rounds.preview', scope({ catalogVersions: ['QD148-2023'] }))).productCount).toBe(0);
    const before = await o!.call<ScopePreview>('plans.rounds.preview', scope({ certifiedBefore: '2027-01-01' }));
    expect(before.items).toEqual([expect.objectContaining({ kind: 'ocop_product', name: 'Chè Shan tuyết Bình Lư', reason: 'GCN 125/GCN-UBND ngày 20/11/2026, 4 sao, chấm theo QD26-2026' })]);
    expect((await o!.call<ScopePreview>('plans.rounds.preview', scope({ certifiedBefore: '2027-01-01', stars: [5] }))).productCount).toBe(0);
  });
});
