import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdminUnit, NtmCommune } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import { openApp, type AppHandle } from '../app';
import { readZip } from '../ocop/testing';

/**
 * Test support for reports: a real data folder set up as the district office of Tương Dương (Nghệ An) with a clock
 * the test moves, and a scenario of recognitions, two quarters of assessments under QĐ 318/2022 and four OCOP
 * products, all entered through dispatch as the hosts do. Not used by the app.
 */
export type ReportTestApp = {
  app: AppHandle;
  dir: string;
  call: <T = any>(method: string, input: unknown) => Promise<T>;
  setClock: (iso: string) => void;
  close: () => void;
};

export async function openReportTestApp(start = '2024-12-01T08:00:00Z'): Promise<ReportTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-reports-'));
  let clock = new Date(start);
  const app = await openApp({ dataDir: dir, now: () => clock });
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as T;
  };
  await call('setup.complete', {
    kind: 'district', provinceCode: '40', unitCode: '417',
    officeName: 'Phòng Nông nghiệp và PTNT huyện Tương Dương', parentBodyName: 'UBND HUYỆN TƯƠNG DƯƠNG', staffName: 'Lô Thị Mai',
  });
  return {
    app, dir, call,
    setClock: (iso) => { clock = new Date(iso); },
    close: () => { app.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

export const NAM_CAN = '16873';

/** QĐ 318/2022 indicator values that meet (or, for a failing criterion, miss) every indicator's threshold. */
const RULE_VALUES: Record<string, { met: unknown; notMet: unknown }> = {
  '5.a': { met: 100, notMet: 60 },
  '5.b': { met: 100, notMet: 60 },
  '14.1.a': { met: true, notMet: false },
  '14.1.b': { met: 'muc_2', notMet: 'muc_1' },
  '14.1.c': { met: 'muc_2', notMet: 'muc_1' },
  '14.1.d': { met: 'muc_2', notMet: 'muc_1' },
  '14.1.e': { met: 99, notMet: 90 },
};

const MANUAL = ['1', '2', '3.1', '3.2', '3.*', '4', '5.*', '6', '7', '8', '9', '10', '11', '12', '13', '14.*', '15', '16', '17.1', '17.8', '17.*', '18', '19'];

/** Enters a whole quarter for a commune: every criterion met except those listed. */
export async function assess(t: ReportTestApp, unitCode: string, period: string, failing: number[]): Promise<void> {
  const fails = (code: string) => failing.includes(Number(code.split('.')[0]));
  for (const code of MANUAL) {
    await t.call('ntm.assessment.setValue', { unitCode, period, indicatorCode: code, manualMet: !fails(code), evidence: `Biên bản kiểm tra tiêu chí ${code}` });
  }
  for (const [code, v] of Object.entries(RULE_VALUES)) {
    await t.call('ntm.assessment.setValue', { unitCode, period, indicatorCode: code, value: fails(code) ? v.notMet : v.met });
  }
}

export type Scenario = { communes: NtmCommune[]; c2: string; c3: string; products: Record<'A' | 'B' | 'C' | 'D', string> };

/**
 * Timeline (report 2025-Q2, made on 20/06/2025):
 * - Nậm Càn xã NTM since 15/12/2020; c2 recognised 10/05/2025 (in Q2); c3 recognised 2018, revoked 15/04/2025.
 * - 2025-Q1: Nậm Càn fails 10 (18/19), c2 meets 19. 2025-Q2: Nậm Càn fails 3, 5, 10, 14, 17, 19 (13/19, at risk per
 *   QĐ 18/2022: 6/19 including 10. Thu nhập); c2 19/19; c3 fails 2 (18/19).
 * - OCOP: A 3★ issued 01/10/2022 (expires 01/10/2025: within 6 months); B 4★ issued 15/05/2025 (new in Q2);
 *   C registered 02/06/2025, in commune review; D 3★ issued 10/01/2025, revoked 30/05/2025.
 */
export async function buildScenario(t: ReportTestApp): Promise<Scenario> {
  const communes = await t.call<NtmCommune[]>('ntm.communes.list', {});
  const others = communes.filter((c) => c.unitCode !== NAM_CAN);
  const c2 = others[0]!.unitCode;
  const c3 = others[1]!.unitCode;
  t.setClock('2025-06-01T08:00:00Z');
  // Nghệ An is in Bắc Trung Bộ (QĐ 318/2022 regions); indicator 5.b's threshold depends on the region and the flags.
  const flags = { xa_dac_biet_kho_khan: false, xa_an_toan_khu: false, thuoc_huyen_ngheo_hoac_vua_thoat_ngheo_2018_2020: false, xa_tren_3_truong: false };
  await t.call('ntm.communes.setProfile', { unitCodes: communes.map((c) => c.unitCode), region: 'BTB', flags });
  await t.call('ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '4567/QĐ-UBND', decidedOn: '2020-12-15', issuer: 'UBND tỉnh Nghệ An' });
  await t.call('ntm.recognitions.add', { unitCode: c2, level: 'xa_ntm', decisionNo: '1201/QĐ-UBND', decidedOn: '2025-05-10', issuer: 'UBND tỉnh Nghệ An' });
  const old = await t.call<{ id: string }>('ntm.recognitions.add', { unitCode: c3, level: 'xa_ntm', decisionNo: '88/QĐ-UBND', decidedOn: '2018-06-01', issuer: 'UBND tỉnh Nghệ An' });
  await t.call('ntm.recognitions.revoke', { id: old.id, decisionNo: '950/QĐ-UBND', revokedOn: '2025-04-15' });

  t.setClock('2025-03-20T08:00:00Z');
  await assess(t, NAM_CAN, '2025-Q1', [10]);
  await assess(t, c2, '2025-Q1', []);
  t.setClock('2025-06-10T08:00:00Z');
  await assess(t, NAM_CAN, '2025-Q2', [3, 5, 10, 14, 17, 19]);
  await assess(t, c2, '2025-Q2', []);
  await assess(t, c3, '2025-Q2', [2]);

  const [unit] = await t.call<AdminUnit[]>('units.search', { query: 'Tương Dương', level: 'commune', era: 'current', provinceCode: '40', limit: 1 });
  const producerInput = {
    kind: 'hop_tac_xa', name: 'Hợp tác xã Nông sản Tương Dương', legalRepName: 'Lương Văn Hùng', address: 'Bản Cửa Rào', unitCode: unit!.code,
  };
  const product = async (name: string, registeredOn: string) => {
    t.setClock(`${registeredOn}T08:00:00Z`);
    const producer = await t.call<{ id: string }>('ocop.producers.save', { ...producerInput, name: `${producerInput.name} ${name}` });
    return (await t.call<{ id: string }>('ocop.products.save', { producerId: producer.id, name, unitCode: unit!.code, sheetNo: 11 })).id;
  };
  const toProvince = async (id: string, on: string) => {
    t.setClock(`${on}T08:00:00Z`);
    await t.call('ocop.products.setStatus', { id, status: 'commune_review', on });
    await t.call('ocop.products.setStatus', { id, status: 'sent_to_province', on });
    await t.call('ocop.products.setStatus', { id, status: 'evaluating', on });
  };
  const issue = async (id: string, issuedOn: string, stars: number, number: string) => {
    t.setClock(`${issuedOn}T08:00:00Z`);
    return t.call<{ id: string }>('ocop.certificates.issue', { productId: id, number, decisionNo: `${number}/QĐ-UBND`, issuedOn, stars });
  };
  const A = await product('Chè Tuyết Shan Pù Mát', '2022-08-01');
  await toProvince(A, '2022-09-01');
  await issue(A, '2022-10-01', 3, '101');
  const D = await product('Mật ong rừng Tam Quang', '2024-11-01');
  await toProvince(D, '2024-12-01');
  const certD = await issue(D, '2025-01-10', 3, '102');
  const B = await product('Gừng Tam Hợp', '2025-03-01');
  await toProvince(B, '2025-04-01');
  await issue(B, '2025-05-15', 4, '103');
  t.setClock('2025-05-30T08:00:00Z');
  await t.call('ocop.certificates.revoke', { id: certD.id, decisionNo: '777/QĐ-UBND', revokedOn: '2025-05-30', reason: 'Không duy trì chất lượng sản phẩm' });
  const C = await product('Cá mát sông Giăng', '2025-06-02');
  t.setClock('2025-06-03T08:00:00Z');
  await t.call('ocop.products.setStatus', { id: C, status: 'commune_review', on: '2025-06-03' });

  t.setClock('2025-06-20T08:00:00Z');
  return { communes, c2, c3, products: { A, B, C, D } };
}

export const PLAN_2025 = {
  title: 'Kế hoạch xây dựng nông thôn mới và Chương trình OCOP năm 2025',
  documentNo: '125/KH-UBND',
  documentDate: '2025-01-15',
  issuer: 'UBND huyện Tương Dương',
  yearFrom: 2025,
  yearTo: 2025,
};

/**
 * A hand-built plan for the scenario's year (the report of 2025-Q2 is counted at 20/06/2025, 47% of the year):
 * 3 more xã NTM (1 recognised: behind), 2 more 4-star products (1 certified: on track), no commune below 15
 * criteria (Nậm Càn has 13), 10 more thôn NTM (4 reported by hand); the 3rd other commune registered for 2025.
 */
export async function addPlan(t: ReportTestApp, s: Scenario): Promise<{ id: string; roadmapCommune: NtmCommune }> {
  const roadmapCommune = s.communes.filter((c) => c.unitCode !== NAM_CAN)[2]!;
  const plan = await t.call<{ id: string }>('plans.save', {
    ...PLAN_2025,
    targets: [
      { metric: 'xa_ntm', mode: 'new', value: 3 },
      { metric: 'ocop_4', mode: 'new', value: 2 },
      { metric: 'min_criteria', mode: 'level', value: 15 },
      { metric: 'thon_ntm', mode: 'new', value: 10, achievedManual: 4, note: 'Báo cáo của UBND các xã' },
    ],
  });
  await t.call('plans.roadmap.set', { unitCode: roadmapCommune.unitCode, level: 'xa_ntm', targetYear: 2025, planId: plan.id });
  return { id: plan.id, roadmapCommune };
}

/** The visible text of a DOCX's document.xml, paragraph by paragraph (table cells are paragraphs too). */
export function docxParagraphs(contentBase64: string): string[] {
  const xml = readZip(Buffer.from(contentBase64, 'base64')).get('word/document.xml')!.toString('utf8');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((r) => r[1]).join('')).filter((s) => s.trim() !== '');
}

/** Every table of a DOCX as rows of cell texts (a cell's paragraphs joined). */
export function docxTables(contentBase64: string): string[][][] {
  const xml = readZip(Buffer.from(contentBase64, 'base64')).get('word/document.xml')!.toString('utf8');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const text = (s: string) => unescape([...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((tbl) =>
    [...tbl[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => text(tc[0]))),
  );
}
