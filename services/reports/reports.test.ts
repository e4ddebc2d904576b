import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportDeadlines, ReportFile, ReportPreview, ReportSummary, SavedReport } from '../../core/contract/reports';
import { unresolvedIds, type Figure, type ReportModel } from '../../core/reports/index';
import { readZip } from '../ocop/testing';
import { HEADER_ROW } from './reportXlsx';
import { NAM_CAN, buildScenario, openReportTestApp, type ReportTestApp, type Scenario } from './testing';

let t: ReportTestApp;
afterEach(() => t?.close());

const header = {
  documentNo: '45', symbol: 'BC-UBND', place: 'Tương Dương', date: '2025-06-20',
  subject: 'Kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới và Chương trình OCOP Quý II năm 2025',
  signerTitle: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', signerName: 'Vi Văn Sơn', recipients: ['UBND tỉnh Nghệ An (để b/c)', 'Văn phòng Điều phối NTM tỉnh', 'Lưu: VT, NN'],
};
const narrative = {
  results: 'Các xã đã tập trung duy trì và nâng cao chất lượng các tiêu chí.',
  limitations: 'Tiêu chí Thu nhập của xã Nậm Càn chưa đạt.',
  tasks: 'Rà soát, củng cố các tiêu chí tại các xã có nguy cơ bị thu hồi.',
};

async function scenario(): Promise<Scenario> {
  t = await openReportTestApp();
  return buildScenario(t);
}

const ids = (f: Figure) => [...f.ids].sort();

function documentXml(file: ReportFile): string {
  return readZip(Buffer.from(file.contentBase64, 'base64')).get('word/document.xml')!.toString('utf8');
}

/** The visible text of document.xml, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((r) => r[1]).join('')).filter((s) => s.trim() !== '');
}

describe('report figures', () => {
  it('counts communes by level, bands, criteria not met, risk and OCOP as of the period, each with what it counts', async () => {
    const s = await scenario();
    const { model } = await t.call<ReportPreview>('reports.preview', { period: '2025-Q2' });
    const { ntm, ocop } = model;
    expect(model).toMatchObject({ period: '2025-Q2', periodLabel: 'Quý II năm 2025', asOf: '2025-06-20', previousPeriod: '2025-Q1', previousAsOf: '2025-03-31' });
    expect(ntm.communes.value).toBe(s.communes.length);
    const level = (key: string) => ntm.levels.find((l) => l.level === key)!;
    expect(ids(level('xa_ntm').current)).toEqual([NAM_CAN, s.c2].sort());
    expect(ids(level('xa_ntm').previous)).toEqual([NAM_CAN, s.c3].sort());
    expect(level('none').current.value).toBe(s.communes.length - 2);
    expect(ids(ntm.recognizedInPeriod)).toEqual([s.c2]);
    expect(ids(ntm.revokedInPeriod)).toEqual([s.c3]);
    expect(ids(ntm.assessed)).toEqual([NAM_CAN, s.c2, s.c3].sort());
    expect(ntm.averageMet).toBe(16.7);
    expect(ntm.previousAverageMet).toBe(18.5);
    expect(ntm.bands.map((b) => [b.label, ids(b.current), b.previous && ids(b.previous)])).toEqual([
      ['Đạt đủ 19/19 tiêu chí', [s.c2], [s.c2]],
      ['Đạt 15–18 tiêu chí', [s.c3], [NAM_CAN]],
      ['Đạt 10–14 tiêu chí', [NAM_CAN], []],
      ['Đạt 5–9 tiêu chí', [], []],
      ['Dưới 5 tiêu chí', [], []],
    ]);
    const notMet = Object.fromEntries(ntm.criteriaNotMet.filter((c) => c.notMet.value > 0).map((c) => [c.no, ids(c.notMet)]));
    expect(notMet).toEqual({ 2: [s.c3], 3: [NAM_CAN], 5: [NAM_CAN], 10: [NAM_CAN], 14: [NAM_CAN], 17: [NAM_CAN], 19: [NAM_CAN] });
    expect(ntm.criteriaNotMet.find((c) => c.no === 10)?.sector).toBeTruthy();
    expect(ids(ntm.atRisk)).toEqual([NAM_CAN]);
    expect(ntm.rows.find((r) => r.unitCode === NAM_CAN)?.riskMessage).toContain('10. Thu nhập');
    const q2 = ntm.trend.at(-1)!;
    expect([q2.quarter, ids(q2.fullyMet), q2.recognized.value, q2.assessed]).toEqual(['2025-Q2', [s.c2], 2, 3]);
    expect(ntm.trend.at(-2)!.recognized.value).toBe(2);

    const stars = Object.fromEntries(ocop.byStars.map((b) => [b.stars, { now: ids(b.current), before: ids(b.previous), new: ids(b.newInPeriod) }]));
    expect(stars).toEqual({
      3: { now: [s.products.A], before: [s.products.A, s.products.D].sort(), new: [] },
      4: { now: [s.products.B], before: [], new: [s.products.B] },
      5: { now: [], before: [], new: [] },
    });
    expect(ids(ocop.expiringSoon)).toEqual([s.products.A]);
    expect(ocop.horizonEnd).toBe('2025-12-20');
    expect(ids(ocop.inProgress)).toEqual([s.products.C]);
    expect(ocop.inProgressByStatus.find((x) => x.status === 'commune_review')?.figure.value).toBe(1);

    // Every figure opens to rows of the model itself (the preview lists them without another call).
    const figures: Figure[] = [ntm.communes, ntm.assessed, ntm.atRisk, ...ntm.levels.flatMap((l) => [l.current, l.previous]), ...ntm.criteriaNotMet.map((c) => c.notMet), ocop.total, ocop.newInPeriod, ocop.expiringSoon, ocop.inProgress];
    for (const f of figures) expect(unresolvedIds(model, f)).toEqual([]);
  });

  it('reads the last quarter for six months and a year, against the previous period of the same kind', async () => {
    await scenario();
    const half = (await t.call<ReportPreview>('reports.preview', { period: '2025-H1' })).model;
    expect(half).toMatchObject({ periodLabel: '6 tháng đầu năm 2025', assessmentQuarter: '2025-Q2', previousPeriod: '2024-H2', previousAsOf: '2024-12-31' });
    expect(half.ntm.assessed.value).toBe(3);
    expect(half.ocop.newInPeriod.value).toBe(2);
    const year = (await t.call<ReportPreview>('reports.preview', { period: '2025' })).model;
    expect(year).toMatchObject({ periodLabel: 'năm 2025', assessmentQuarter: '2025-Q4', asOf: '2025-06-20' });
    expect(year.ntm.assessed.value).toBe(0);
    await expect(t.call('reports.preview', { period: '2025-Q5' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('saved reports', () => {
  it('autosaves a draft, freezes figures on save, and reopens the saved report exactly as sent', async () => {
    await scenario();
    const draft = await t.call<SavedReport>('reports.saveDraft', { period: '2025-Q2', narrative: { ...narrative, tasks: '' }, header });
    expect(draft).toMatchObject({ revision: 1, status: 'draft', model: null });
    const again = await t.call<SavedReport>('reports.saveDraft', { period: '2025-Q2', narrative, header });
    expect(again.id).toBe(draft.id);
    const saved = await t.call<SavedReport>('reports.save', { period: '2025-Q2', narrative, header });
    expect(saved).toMatchObject({ id: draft.id, revision: 1, status: 'final', finalizedBy: 'Lô Thị Mai', narrative });
    const docxBefore = await t.call<ReportFile>('reports.docx', { id: saved.id });
    const xlsxBefore = await t.call<ReportFile>('reports.xlsx', { id: saved.id });
    expect(docxBefore.fileName).toBe('bao-cao-2025-Q2-v1.docx');

    // The data changes after the report was sent: a commune recognised, a quarter edited.
    t.setClock('2025-06-25T08:00:00Z');
    const third = (await t.call<{ unitCode: string }[]>('ntm.communes.list', {}))[5]!.unitCode;
    await t.call('ntm.recognitions.add', { unitCode: third, level: 'xa_ntm', decisionNo: '1300/QĐ-UBND', decidedOn: '2025-06-24', issuer: 'UBND tỉnh Nghệ An' });
    const live = await t.call<ReportPreview>('reports.preview', { period: '2025-Q2' });
    expect(live.model.ntm.recognized.current.value).toBe(3);

    const reopened = await t.call<SavedReport>('reports.get', { id: saved.id });
    expect(reopened.model!.ntm.recognized.current.value).toBe(2);
    expect(reopened.model).toEqual(saved.model);
    const docxAfter = await t.call<ReportFile>('reports.docx', { id: saved.id });
    const xlsxAfter = await t.call<ReportFile>('reports.xlsx', { id: saved.id });
    expect(paragraphs(documentXml(docxAfter))).toEqual(paragraphs(documentXml(docxBefore)));
    const sheetsOf = (f: ReportFile) => readZip(Buffer.from(f.contentBase64, 'base64')).get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheetsOf(xlsxAfter)).toEqual(sheetsOf(xlsxBefore));

    // Editing after a final report starts revision 2; the final one stays as it was.
    const next = await t.call<SavedReport>('reports.saveDraft', { period: '2025-Q2', narrative: { ...narrative, results: 'Bổ sung.' }, header });
    expect(next).toMatchObject({ revision: 2, status: 'draft' });
    expect((await t.call<SavedReport>('reports.get', { id: saved.id })).narrative.results).toBe(narrative.results);
    const list = await t.call<ReportSummary[]>('reports.list', {});
    expect(list.map((r) => [r.period, r.revision, r.status])).toEqual([['2025-Q2', 2, 'draft'], ['2025-Q2', 1, 'final']]);
    const trail = await t.call<{ action: string }[]>('audit.list', { entity: 'report' });
    expect(trail.map((a) => a.action)).toEqual(['create', 'finalize', 'draft', 'create']);
  });
});

describe('DOCX', () => {
  it('follows NĐ 30/2020: A4, margins, Times New Roman, two-column header, number, place and date, title, recipients, signer', async () => {
    await scenario();
    await t.call('reports.saveDraft', { period: '2025-Q2', narrative, header });
    const file = await t.call<ReportFile>('reports.docx', { period: '2025-Q2' });
    expect(file.fileName).toBe('bao-cao-2025-Q2-du-thao.docx');
    const xml = documentXml(file);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margins)![1]) / 56.7;
    expect([attr('top'), attr('bottom'), attr('left'), attr('right')].map(Math.round)).toEqual([20, 20, 30, 15]);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    const text = paragraphs(xml);
    const at = (s: string) => text.findIndex((p) => p === s);
    expect(at('UBND HUYỆN TƯƠNG DƯƠNG')).toBeGreaterThanOrEqual(0);
    expect(at('PHÒNG NÔNG NGHIỆP VÀ PTNT HUYỆN TƯƠNG DƯƠNG')).toBeGreaterThan(at('UBND HUYỆN TƯƠNG DƯƠNG'));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,400}Độc lập - Tự do - Hạnh phúc/);
    expect(text).toContain('Số: 45/BC-UBND');
    expect(text).toContain('Tương Dương, ngày 20 tháng 6 năm 2025');
    expect(xml).toMatch(/<w:i\/>[\s\S]{0,300}Tương Dương, ngày 20 tháng 6 năm 2025/);
    expect(at('BÁO CÁO')).toBeGreaterThan(at('Tương Dương, ngày 20 tháng 6 năm 2025'));
    expect(text[at('BÁO CÁO') + 1]).toBe(header.subject);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- UBND tỉnh Nghệ An (để b/c);');
    expect(text).toContain('- Lưu: VT, NN.');
    expect(text.slice(-4)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Vi Văn Sơn']);
    expect(text.indexOf('Nơi nhận:')).toBeGreaterThan(at('III. NHIỆM VỤ TRỌNG TÂM QUÝ III NĂM 2025'));
    expect(text).toContain(narrative.limitations);
    expect(text).toContain(narrative.tasks);
  });

  it('writes the figures of the database, Vietnamese style, and two charts as images', async () => {
    const s = await scenario();
    const file = await t.call<ReportFile>('reports.docx', { period: '2025-Q2' });
    const zip = readZip(Buffer.from(file.contentBase64, 'base64'));
    const text = paragraphs(zip.get('word/document.xml')!.toString()).join('\n');
    const n = s.communes.length;
    expect(text).toContain(`Đến ngày 20/06/2025, trên địa bàn có 2/${n} xã đạt chuẩn nông thôn mới (không thay đổi so với Quý I năm 2025)`);
    expect(text).toContain('Trong kỳ có 1 xã được công nhận và 1 xã bị thu hồi quyết định công nhận.');
    expect(text).toContain(`đã đánh giá 3/${n} xã; bình quân đạt 16,7 tiêu chí/xã (Quý I năm 2025: 18,5 tiêu chí/xã)`);
    expect(text).toContain('có 2 sản phẩm OCOP còn hiệu lực công nhận (3 sao: 1; 4 sao: 1; 5 sao: 0), không thay đổi so với Quý I năm 2025');
    expect(text).toContain('Có 1 sản phẩm có giấy chứng nhận hết hạn trong 6 tháng tới (đến ngày 20/12/2025)');
    expect(text).toContain('Xã Nậm Càn: ');
    expect(text).toMatch(/10\. Thu nhập\n1\n/);
    const media = [...zip.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media.filter((k) => k.endsWith('.png'))).toHaveLength(2);
    expect(media.filter((k) => k.endsWith('.svg'))).toHaveLength(2);
    const png = zip.get(media.find((k) => k.endsWith('.png'))!)!;
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });
});

describe('XLSX annexes', () => {
  it('has one sheet per table with a header row, plain data rows and totals that match the model', async () => {
    const s = await scenario();
    const { model } = await t.call<ReportPreview>('reports.preview', { period: '2025-Q2' });
    const file = await t.call<ReportFile>('reports.xlsx', { period: '2025-Q2' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04', 'Biểu 05', 'Biểu 06', 'Biểu 07', 'Biểu 08', 'Biểu 09']);
    for (const ws of wb.worksheets) {
      const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => Number(/\d+$/.exec(m.split(':')[1]!)![0]));
      expect(Math.max(0, ...merges)).toBeLessThan(HEADER_ROW);
    }
    const rowsOf = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const out: unknown[][] = [];
      for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
        // A formula cell reads as its cached result; exceljs's reader drops a cached 0 (the file holds <v>0</v>).
        const values = (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'formula' in v ? ((v as { result?: unknown }).result ?? 0) : v));
        out.push(values);
      }
      return out;
    };
    const b1 = rowsOf('Biểu 01');
    expect(wb.getWorksheet('Biểu 01')!.getRow(HEADER_ROW).values).toEqual([undefined, 'STT', 'Mức độ đạt chuẩn', 'Quý I năm 2025', 'Quý II năm 2025', 'Tăng (+), giảm (-)']);
    expect(b1.find((r) => r[1] === 'Xã đạt chuẩn NTM')).toEqual([4, 'Xã đạt chuẩn NTM', 2, 2, 0]);
    expect(b1.at(-1)).toEqual([undefined, 'Tổng số xã', s.communes.length, s.communes.length, 0]);
    expect((wb.getWorksheet('Biểu 01')!.getRow(HEADER_ROW + 6).getCell(3).value as { formula: string }).formula).toBe('SUM(C7:C11)');
    const b3 = rowsOf('Biểu 03');
    const namCan = b3.find((r) => r[1] === NAM_CAN)!;
    expect(namCan.slice(3, 6)).toEqual(['Xã đạt chuẩn NTM', 'Đang nhập', 13]);
    expect(namCan.slice(6, 25).map((v, i) => (v === 0 ? i + 1 : null)).filter(Boolean)).toEqual([3, 5, 10, 14, 17, 19]);
    expect(namCan.at(-1)).toBe(1);
    const b4 = rowsOf('Biểu 04');
    expect(b4).toHaveLength(model.ntm.criteriaNotMet.reduce((a, c) => a + c.notMet.value, 0));
    expect(b4.filter((r) => r[1] === NAM_CAN).map((r) => r[3])).toEqual([3, 5, 10, 14, 17, 19]);
    const b6 = rowsOf('Biểu 06');
    expect(b6.map((r) => r.slice(1))).toEqual([['3 sao', 2, 1, 0, 1], ['4 sao', 0, 1, 1, 0], ['5 sao', 0, 0, 0, 0], ['Tổng cộng', 2, 2, 1, 1]]);
    const b8 = rowsOf('Biểu 08');
    const a = b8.find((r) => r[2] === 'Chè Tuyết Shan Pù Mát')!;
    expect(a[6]).toBe(3);
    expect(a[9]).toEqual(new Date(Date.UTC(2025, 9, 1)));
    expect(wb.getWorksheet('Biểu 08')!.getRow(HEADER_ROW + 1).getCell(9).numFmt).toBe('dd/mm/yyyy');
  });
});

describe('deadlines', () => {
  it('shows the quarterly report due by the 20th of the quarter\'s last month, overdue until a final report is saved', async () => {
    await scenario();
    const before = await t.call<ReportDeadlines>('reports.deadlines', { today: '2025-06-25' });
    expect(before.rules).toEqual({ quarter: { monthOffset: 0, day: 20 }, half: null, year: null });
    expect(before.sources.quarter).toContain('tháng cuối quý');
    expect(before.overdue.map((d) => [d.period, d.dueOn])).toEqual([['2024-Q4', '2024-12-20'], ['2025-Q1', '2025-03-20'], ['2025-Q2', '2025-06-20']]);
    expect(before.next).toMatchObject({ period: '2025-Q3', dueOn: '2025-09-20' });
    const saved = await t.call<SavedReport>('reports.save', { period: '2025-Q2', narrative, header });
    const after = await t.call<ReportDeadlines>('reports.deadlines', { today: '2025-06-25' });
    expect(after.items.find((d) => d.period === '2025-Q2')).toMatchObject({ state: 'done', reportId: saved.id });
    const settings = await t.call<{ deadlines: object }>('reports.settings.get', {});
    await t.call('reports.settings.set', { ...settings, deadlines: { quarter: { monthOffset: 0, day: 20 }, half: { monthOffset: 1, day: 10 }, year: null } });
    const withHalf = await t.call<ReportDeadlines>('reports.deadlines', { today: '2025-06-25' });
    expect(withHalf.next).toMatchObject({ period: '2025-H1', dueOn: '2025-07-10' });
    const trail = await t.call<{ action: string }[]>('audit.list', { entity: 'report_settings' });
    expect(trail).toHaveLength(1);
  });
});

export type { ReportModel };
