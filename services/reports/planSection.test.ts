import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportFile, ReportPreview, SavedReport } from '../../core/contract/reports';
import { gapItemLabel, noPlanSentence } from '../../core/plans/reportSection';
import { HEADER_ROW } from './reportXlsx';
import { NAM_CAN, PLAN_2025, addPlan, buildScenario, docxParagraphs, openReportTestApp, type ReportTestApp } from './testing';

let t: ReportTestApp;
afterEach(() => t?.close());

const header = {
  documentNo: '45', symbol: 'BC-UBND', place: 'Tương Dương', date: '2025-06-20',
  subject: 'Kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới và Chương trình OCOP Quý II năm 2025',
  signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', signerName: 'Vi Văn Sơn', recipients: ['UBND tỉnh Nghệ An (để b/c)', 'Lưu: VT, NN'],
};
const narrative = { results: 'Đánh giá chung.', limitations: 'Hạn chế.', tasks: 'Nhiệm vụ.' };

async function workbook(file: ReportFile): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** Data rows of a sheet (below the header row), formula cells read as their cached result. */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) out.push((ws.getRow(r).values as unknown[]).slice(1));
  return out;
}

/** The cells of the table that follows the paragraph `caption`, row by row (`columns` cells a row). */
function tableAfter(text: string[], caption: string, columns: number, rows: number): string[][] {
  const at = text.indexOf(caption);
  expect(at, `caption "${caption}"`).toBeGreaterThanOrEqual(0);
  const cells = text.slice(at + 1, at + 1 + columns * (rows + 1));
  return Array.from({ length: rows + 1 }, (_, i) => cells.slice(i * columns, (i + 1) * columns));
}

describe('"Kết quả so với kế hoạch" in the quarterly report', () => {
  it('measures a hand-built plan at the report date and prints it in the preview model, the DOCX table and Biểu 09', async () => {
    t = await openReportTestApp();
    const s = await buildScenario(t);
    const { roadmapCommune } = await addPlan(t, s);
    const { model } = await t.call<ReportPreview>('reports.preview', { period: '2025-Q2' });
    expect(model.formatVersion).toBe(2);
    const section = model.planResults!;
    expect(section).toMatchObject({ year: 2025, asOf: '2025-06-20' });
    expect(section.plans).toHaveLength(1);
    const [plan] = section.plans;
    expect(plan).toMatchObject({ title: PLAN_2025.title, document: '125/KH-UBND ngày 15/01/2025 của UBND huyện Tương Dương', periodLabel: 'Năm 2025' });
    const [ntm, ocop4, min, thon] = plan!.rows;
    // 20/06/2025 is 171/365 of the year: 1,4 xã expected by now, 1 recognised (c2, 10/05/2025); lũy kế Nậm Càn and c2.
    expect(ntm).toMatchObject({ target: 3, achievedInPeriod: 1, cumulative: 2, achieved: 1, status: 'behind', remaining: 2, remainingUnit: 'xã', gapKind: 'commune' });
    expect(ntm!.statusText).toBe('Chậm tiến độ: 1/3 xã; theo tiến độ đều cần khoảng 1,4 xã đến nay; các xã đăng ký lộ trình trong kỳ (1) chưa đủ, còn thiếu 1 xã');
    expect(ntm!.gap[0]).toEqual({ name: roadmapCommune.fullName, roadmapYear: 2025, planned: true, metCount: null, criteriaCount: null });
    expect(ntm!.gap.filter((g) => g.planned)).toHaveLength(1);
    expect(ntm!.gap.map((g) => g.name)).not.toContain(s.communes.find((c) => c.unitCode === s.c2)!.fullName);
    // Gừng Tam Hợp 4 sao (15/05/2025): 1 of 2, 0,9 expected.
    expect(ocop4).toMatchObject({ target: 2, achievedInPeriod: 1, cumulative: 1, status: 'on_track', remaining: 1, remainingUnit: 'sản phẩm', gapKind: 'product' });
    // Nậm Càn 13/19 in 2025-Q2: the lowest commune, the only one assessed below 15.
    expect(min).toMatchObject({ target: 15, achieved: 13, status: 'behind', remaining: 1, remainingUnit: 'xã' });
    expect(min!.gap[0]).toMatchObject({ name: s.communes.find((c) => c.unitCode === NAM_CAN)!.fullName, metCount: 13, criteriaCount: 19 });
    expect(thon).toMatchObject({ target: 10, achieved: 4, achievedInPeriod: 4, status: 'behind', remaining: 6, remainingUnit: 'thôn, bản' });

    await t.call('reports.saveDraft', { period: '2025-Q2', narrative, header });
    const text = docxParagraphs((await t.call<ReportFile>('reports.docx', { period: '2025-Q2' })).contentBase64);
    const h3 = text.indexOf('3. Kết quả thực hiện so với kế hoạch');
    expect(h3).toBeGreaterThan(text.indexOf('2. Chương trình Mỗi xã một sản phẩm (OCOP)'));
    expect(text.indexOf('4. Đánh giá chung')).toBeGreaterThan(h3);
    expect(text).not.toContain('3. Đánh giá chung');
    expect(text).toContain(`a) ${PLAN_2025.title} (125/KH-UBND ngày 15/01/2025 của UBND huyện Tương Dương)`);
    expect(tableAfter(text, 'Bảng 4. Kết quả thực hiện chỉ tiêu kế hoạch năm 2025', 7, 4)).toEqual([
      ['TT', 'Chỉ tiêu', 'Kế hoạch', 'Đạt trong kỳ', 'Lũy kế', 'Đánh giá', 'Còn thiếu'],
      ['1', 'Xã đạt chuẩn NTM, tăng thêm trong kỳ', '3 xã', '1 xã', '2 xã', 'Chậm tiến độ', '2 xã'],
      ['2', 'Sản phẩm OCOP 4 sao, tăng thêm trong kỳ', '2 sản phẩm', '1 sản phẩm', '1 sản phẩm', 'Đúng tiến độ', '1 sản phẩm'],
      ['3', 'Số tiêu chí đạt của xã thấp nhất', '15 tiêu chí', '—', '13 tiêu chí', 'Chậm tiến độ', '1 xã'],
      ['4', 'Thôn, bản đạt chuẩn NTM, tăng thêm trong kỳ', '10 thôn, bản', '4 thôn, bản', '—', 'Chậm tiến độ', '6 thôn, bản'],
    ]);
    // A long gap: the communes registered for the year are named, the others counted (Biểu 09 lists them).
    expect(text).toContain(
      `- Xã đạt chuẩn NTM — thêm trong kỳ: 3 xã. ${ntm!.statusText}. Xã đăng ký lộ trình đạt trong kỳ: ${roadmapCommune.fullName} (lộ trình 2025); ${ntm!.gap.length - 1} xã chưa đạt khác tại Biểu 09.`,
    );
    expect(text).toContain(`- Sản phẩm OCOP 4 sao — thêm trong kỳ: 2 sản phẩm. Đúng tiến độ: 1/2 sản phẩm. Sản phẩm chưa đạt: ${ocop4!.gap.map((g) => g.name).join(', ')}.`);
    expect(text.find((p) => p.startsWith('- Không còn xã dưới 15 tiêu chí.'))).toMatch(/Xã đạt dưới 15 tiêu chí: Xã Nậm Càn \(13\/19 tiêu chí\)\.$/);
    expect(text).toContain('- Thôn, bản đạt chuẩn NTM — thêm trong kỳ: 10 thôn, bản. Chậm tiến độ: 4/10 thôn, bản; theo tiến độ đều cần khoảng 4,7 thôn, bản đến nay (số liệu nhập tay).');
    expect(text.some((p) => p.includes('số liệu chi tiết tại các Biểu 01 đến 09 kèm theo./.'))).toBe(true);

    const wb = await workbook(await t.call<ReportFile>('reports.xlsx', { period: '2025-Q2' }));
    expect(wb.worksheets.map((w) => w.name).at(-1)).toBe('Biểu 09');
    const b9 = wb.getWorksheet('Biểu 09')!;
    expect(b9.getCell(2, 1).value).toBe('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU SO VỚI KẾ HOẠCH');
    const rows = rowsOf(b9);
    expect(rows).toHaveLength(4);
    const planName = `${PLAN_2025.title} (125/KH-UBND ngày 15/01/2025 của UBND huyện Tương Dương)`;
    expect(rows[0]!.slice(0, 11)).toEqual([1, planName, 'Xã đạt chuẩn NTM, tăng thêm trong kỳ', 'xã', 3, 1, 2, 1, 'Chậm tiến độ', 2, 'xã']);
    expect(rows[0]![11]).toBe(ntm!.gap.map(gapItemLabel).join('; '));
    expect(String(rows[0]![11])).toMatch(/^Xã .+ \(lộ trình 2025\); /);
    expect(rows[0]![12]).toBe(ntm!.statusText);
    expect(rows[1]!.slice(0, 11)).toEqual([2, planName, 'Sản phẩm OCOP 4 sao, tăng thêm trong kỳ', 'sản phẩm', 2, 1, 1, 1, 'Đúng tiến độ', 1, 'sản phẩm']);
    // Empty cells read back as undefined: the criteria target has no "đạt trong kỳ", the thôn target no lũy kế.
    expect(rows[2]!.slice(0, 11)).toEqual([3, planName, 'Số tiêu chí đạt của xã thấp nhất', 'tiêu chí', 15, undefined, 13, 13, 'Chậm tiến độ', 1, 'xã']);
    expect(rows[3]!.slice(0, 11)).toEqual([4, planName, 'Thôn, bản đạt chuẩn NTM, tăng thêm trong kỳ', 'thôn, bản', 10, 4, undefined, 4, 'Chậm tiến độ', 6, 'thôn, bản']);
    expect(typeof rows[0]![4]).toBe('number');
  });

  it('says in one sentence that no plan covers the year, in the DOCX and in Biểu 09', async () => {
    t = await openReportTestApp();
    await buildScenario(t);
    // A plan of another year is not this report's.
    await t.call('plans.save', { ...PLAN_2025, yearFrom: 2026, yearTo: 2026, targets: [{ metric: 'xa_ntm', mode: 'new', value: 2 }] });
    const { model } = await t.call<ReportPreview>('reports.preview', { period: '2025-Q2' });
    expect(model.planResults).toEqual({ year: 2025, asOf: '2025-06-20', plans: [] });
    const text = docxParagraphs((await t.call<ReportFile>('reports.docx', { period: '2025-Q2' })).contentBase64);
    const h3 = text.indexOf('3. Kết quả thực hiện so với kế hoạch');
    expect(text.slice(h3 + 1, h3 + 3)).toEqual([noPlanSentence(2025), '4. Đánh giá chung']);
    expect(noPlanSentence(2025)).toBe('Chưa có kế hoạch, chỉ tiêu nào của năm 2025 được nhập vào ứng dụng nên chưa đánh giá được kết quả thực hiện so với kế hoạch.');
    const wb = await workbook(await t.call<ReportFile>('reports.xlsx', { period: '2025-Q2' }));
    expect(rowsOf(wb.getWorksheet('Biểu 09')!)).toEqual([[undefined, noPlanSentence(2025)]]);
  });

  it('keeps the section of a saved report as it was when the plan is edited afterwards', async () => {
    t = await openReportTestApp();
    const s = await buildScenario(t);
    const { id } = await addPlan(t, s);
    const saved = await t.call<SavedReport>('reports.save', { period: '2025-Q2', narrative, header });
    const before = docxParagraphs((await t.call<ReportFile>('reports.docx', { id: saved.id })).contentBase64);
    expect(before).toContain('3 xã');

    t.setClock('2025-06-25T08:00:00Z');
    const plan = await t.call<{ targets: { metric: string; mode: string; value: number; achievedManual: number | null }[] }>('plans.get', { id });
    await t.call('plans.save', { ...PLAN_2025, id, targets: plan.targets.map((x) => ({ metric: x.metric, mode: x.mode, value: x.metric === 'xa_ntm' ? 5 : x.value, achievedManual: x.achievedManual })) });
    const live = await t.call<ReportPreview>('reports.preview', { period: '2025-Q2' });
    expect(live.model.planResults!.plans[0]!.rows[0]).toMatchObject({ target: 5, remaining: 4 });

    const reopened = await t.call<SavedReport>('reports.get', { id: saved.id });
    expect(reopened.model).toEqual(saved.model);
    expect(reopened.model!.planResults!.plans[0]!.rows[0]).toMatchObject({ target: 3, remaining: 2 });
    expect(docxParagraphs((await t.call<ReportFile>('reports.docx', { id: saved.id })).contentBase64)).toEqual(before);
  });
});
