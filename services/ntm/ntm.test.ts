import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NtmAssessmentView, NtmCommune, NtmMatrix, NtmOverview } from '../../core/contract/ntm';
import type { Result } from '../../core/errors';
import { openApp, type AppHandle } from '../app';

const dirs: string[] = [];
const apps: AppHandle[] = [];
afterEach(() => {
  apps.splice(0).forEach((a) => a.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A district office of Kỳ Sơn (Nghệ An, code 417) before the reform: Nậm Càn is one of its communes. */
async function districtOffice(today = '2025-06-20T08:00:00Z'): Promise<AppHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-svc-'));
  dirs.push(dir);
  const app = await openApp({ dataDir: dir, now: () => new Date(today) });
  apps.push(app);
  const r = await app.dispatch('setup.complete', {
    kind: 'district', provinceCode: '40', unitCode: '417',
    officeName: 'Phòng Nông nghiệp và PTNT huyện Kỳ Sơn', parentBodyName: 'UBND HUYỆN KỲ SƠN', staffName: 'Lô Thị Mai',
  });
  expect(r.ok).toBe(true);
  return app;
}

function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const NAM_CAN = '16873';
const q2 = { unitCode: NAM_CAN, period: '2025-Q2' };

async function judge(app: AppHandle, code: string, met: boolean, period = '2025-Q2') {
  return ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.setValue', { unitCode: NAM_CAN, period, indicatorCode: code, manualMet: met, evidence: `Biên bản kiểm tra tiêu chí ${code}` }));
}

describe('NTM assessments', () => {
  it('lists the communes of the district as they were before the reform', async () => {
    const app = await districtOffice();
    const communes = ok<NtmCommune[]>(await app.dispatch('ntm.communes.list', {}));
    expect(communes.map((c) => c.name)).toContain('Nậm Càn');
    expect(communes.every((c) => c.era === 'before-2025-07')).toBe(true);
  });

  it('uses QĐ 318/2022 for 2025 and computes a rule indicator from its threshold', async () => {
    const app = await districtOffice();
    const empty = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.get', q2));
    expect(empty.catalog.id).toBe('QD318-2022-XA-NTM');
    expect(empty.assessment).toBeNull();
    const low = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.setValue', { ...q2, indicatorCode: '14.1.e', value: 97.5 }));
    expect(low.indicators.find((i) => i.code === '14.1.e')).toMatchObject({ status: 'not_met', thresholdText: expect.stringContaining('≥ 98') });
    const high = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.setValue', { ...q2, indicatorCode: '14.1.e', value: 98 }));
    expect(high.indicators.find((i) => i.code === '14.1.e')?.status).toBe('met');
    expect(high.assessment?.status).toBe('draft');
  });

  it('never computes a manual indicator: it waits for a judgement with evidence', async () => {
    const app = await districtOffice();
    const v = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.setValue', { ...q2, indicatorCode: '10', manualMet: true }));
    expect(v.indicators.find((i) => i.code === '10')).toMatchObject({ status: 'needs_manual', judgement: 'manual' });
    const withEvidence = await judge(app, '10', true);
    expect(withEvidence.criteria.find((c) => c.no === 10)?.status).toBe('met');
  });

  it('puts a commune at risk of revocation per QĐ 18/2022 and says why', async () => {
    const app = await districtOffice();
    for (const c of ['1', '2', '4', '6', '7', '8', '9', '11', '12', '13', '15', '16', '18']) await judge(app, c, true);
    // 6 of 19 failing (31.6%), including criterion 10 Thu nhập: the 30–<50% clause with a key criterion.
    for (const c of ['10', '19']) await judge(app, c, false);
    for (const c of ['3.1', '3.2', '3.*', '5.*', '17.1', '17.8', '17.*', '14.*']) await judge(app, c, false);
    const view = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.get', q2));
    expect(view.criteria.filter((c) => c.status === 'not_met').map((c) => c.no)).toEqual([3, 5, 10, 14, 17, 19]);
    expect(view.risk.atRisk).toBe(true);
    expect(view.risk.message).toContain('6/19');
    expect(view.risk.message).toContain('10. Thu nhập');
    expect(view.risk.message).toContain('Quyết định 18/2022/QĐ-TTg');
    const overview = ok<NtmOverview>(await app.dispatch('ntm.overview', { period: '2025-Q2' }));
    expect(overview.atRisk.map((r) => r.unitCode)).toEqual([NAM_CAN]);
    expect(overview.assessedCount).toBe(1);
    // The trend says which criteria set each quarter's average counts (QĐ 318/2022: 19 criteria), none if unassessed.
    expect(overview.trend.at(-1)).toMatchObject({ period: '2025-Q2', assessed: 1, criteriaCount: 19 });
    expect(overview.trend.at(-2)).toMatchObject({ period: '2025-Q1', assessed: 0, criteriaCount: null, averageMet: null });
    const matrix = ok<NtmMatrix>(await app.dispatch('ntm.matrix', { period: '2025-Q2' }));
    const row = matrix.rows.find((r) => r.unitCode === NAM_CAN)!;
    expect(row.statuses).toHaveLength(19);
    expect(row.statuses[9]).toBe('K');
    expect(row.statuses[0]).toBe('D');
    expect(row.metCount).toBe(13);
    expect(row.atRisk).toBe(true);
  });

  it('refuses writes to a locked quarter; reopening needs a reason and is audited', async () => {
    const app = await districtOffice();
    await judge(app, '1', true);
    ok(await app.dispatch('ntm.assessment.setStatus', { ...q2, status: 'submitted' }));
    ok(await app.dispatch('ntm.assessment.setStatus', { ...q2, status: 'locked' }));
    const refused = await app.dispatch('ntm.assessment.setValue', { ...q2, indicatorCode: '2', manualMet: true, evidence: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ASSESSMENT_LOCKED' } });
    const noReason = await app.dispatch('ntm.assessment.setStatus', { ...q2, status: 'draft' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'REOPEN_REASON_REQUIRED' } });
    const view = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.get', q2));
    expect(view.indicators.find((i) => i.code === '2')?.manualMet).toBeNull();
    ok(await app.dispatch('ntm.assessment.setStatus', { ...q2, status: 'draft', reason: 'Sửa số liệu theo kết quả rà soát của đoàn liên ngành' }));
    const trail = ok<{ action: string; after: { reason: string } }[]>(await app.dispatch('audit.list', { entity: 'ntm_assessment' }));
    expect(trail[0]).toMatchObject({ action: 'reopen', after: { reason: expect.stringContaining('rà soát') } });
    await judge(app, '2', true);
  });

  it('rejects a value of the wrong kind and changes nothing', async () => {
    const app = await districtOffice();
    const r = await app.dispatch('ntm.assessment.setValue', { ...q2, indicatorCode: '14.1.e', value: 120 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INDICATOR_VALUE_INVALID', message: expect.stringContaining('0 đến 100') } });
    const view = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.get', q2));
    expect(view.assessment).toBeNull();
  });

  it('starts a quarter from the previous one', async () => {
    const app = await districtOffice('2025-06-20T08:00:00Z');
    await judge(app, '1', true, '2025-Q1');
    await judge(app, '10', false, '2025-Q1');
    const copy = ok<{ created: number; copiedValues: number }>(await app.dispatch('ntm.assessment.copyPrevious', { period: '2025-Q2' }));
    expect(copy).toMatchObject({ created: 1, copiedValues: 2, fromPeriod: '2025-Q1', skippedOutOfEra: 0 });
    const next = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.get', q2));
    expect(next.criteria.find((c) => c.no === 10)?.status).toBe('not_met');
    const again = ok<{ created: number }>(await app.dispatch('ntm.assessment.copyPrevious', { period: '2025-Q2' }));
    expect(again.created).toBe(0);
    // Nậm Càn ended with the reform (merged into Xã Na Ngoi): it has no 2025-Q3 to start.
    const across = ok<{ created: number; skippedOutOfEra: number }>(await app.dispatch('ntm.assessment.copyPrevious', { period: '2025-Q3' }));
    expect(across).toMatchObject({ created: 0, skippedOutOfEra: 1 });
  });

  it('applies the income threshold of the commune\'s region under QĐ 1980/2016 (2020)', async () => {
    const app = await districtOffice();
    const p = { unitCode: NAM_CAN, period: '2020-Q4', catalogId: 'QD1980-2016-XA-NTM' };
    const unknownRegion = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.setValue', { ...p, indicatorCode: '10', value: 40 }));
    expect(unknownRegion.indicators.find((i) => i.code === '10')?.status).toBe('missing_value');
    ok(await app.dispatch('ntm.communes.setProfile', { unitCodes: [NAM_CAN], region: 'TDMNPB' }));
    const mountains = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.get', p));
    expect(mountains.indicators.find((i) => i.code === '10')).toMatchObject({ status: 'met', thresholdText: expect.stringContaining('≥ 36') });
    ok(await app.dispatch('ntm.communes.setProfile', { unitCodes: [NAM_CAN], region: 'DBSH' }));
    const delta = ok<NtmAssessmentView>(await app.dispatch('ntm.assessment.get', p));
    expect(delta.indicators.find((i) => i.code === '10')).toMatchObject({ status: 'not_met', thresholdText: expect.stringContaining('≥ 50') });
  });

  it('stores evidence files once and reads them back', async () => {
    const app = await districtOffice();
    const content = Buffer.from('%PDF-1.4 Biên bản tự đánh giá tiêu chí 10').toString('base64');
    const v = ok<NtmAssessmentView>(await app.dispatch('ntm.evidence.add', { ...q2, indicatorCode: '10', fileName: 'bien-ban-thu-nhap.pdf', contentBase64: content }));
    const file = v.indicators.find((i) => i.code === '10')!.files[0]!;
    expect(file.fileName).toBe('bien-ban-thu-nhap.pdf');
    const back = ok<{ contentBase64: string }>(await app.dispatch('ntm.evidence.get', { sha256: file.sha256 }));
    expect(Buffer.from(back.contentBase64, 'base64').toString()).toContain('Biên bản');
    const exe = await app.dispatch('ntm.evidence.add', { ...q2, indicatorCode: '10', fileName: 'setup.exe', contentBase64: content });
    expect(exe).toMatchObject({ ok: false, error: { code: 'ATTACHMENT_TYPE_NOT_ALLOWED' } });
  });

  it('records and revokes recognition decisions', async () => {
    const app = await districtOffice();
    const rec = ok<{ id: string }>(await app.dispatch('ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '1234/QĐ-UBND', decidedOn: '2020-12-15', issuer: 'UBND tỉnh Nghệ An' }));
    let communes = ok<NtmCommune[]>(await app.dispatch('ntm.communes.list', {}));
    expect(communes.find((c) => c.unitCode === NAM_CAN)?.level).toBe('xa_ntm');
    ok(await app.dispatch('ntm.recognitions.revoke', { id: rec.id, decisionNo: '99/QĐ-UBND', revokedOn: '2024-03-01' }));
    communes = ok<NtmCommune[]>(await app.dispatch('ntm.communes.list', {}));
    expect(communes.find((c) => c.unitCode === NAM_CAN)?.level).toBeNull();
  });
});
