import ExcelJS, { type Worksheet } from 'exceljs';
import { gapItemLabel, noPlanSentence, planReportCells } from '../../core/plans/reportSection';
import { LEVEL_LABELS, formatVnDate, type ReportModel } from '../../core/reports/index';
import { addRows, annexSheet, dateCell, DATE, DEC, HEADER_ROW, INT, type Column } from './annexXlsx';

/**
 * The annex tables (Biểu) as one workbook, one sheet per table, laid out as annexXlsx.ts describes: title rows, the
 * unit, one header row, plain data rows, then a total row with SUM formulas and their values.
 */
export const ANNEX_SHEETS = [
  { no: '01', title: 'SỐ XÃ THEO MỨC ĐỘ ĐẠT CHUẨN NÔNG THÔN MỚI', unit: 'xã' },
  { no: '02', title: 'SỐ XÃ THEO SỐ TIÊU CHÍ ĐẠT', unit: 'xã' },
  { no: '03', title: 'MỨC ĐỘ ĐẠT TIÊU CHÍ THEO XÃ', unit: '1 = đạt, 0 = chưa đạt, để trống = chưa xác định' },
  { no: '04', title: 'TIÊU CHÍ CHƯA ĐẠT THEO XÃ VÀ NGÀNH PHỤ TRÁCH', unit: 'tiêu chí' },
  { no: '05', title: 'XÃ CÓ NGUY CƠ BỊ THU HỒI QUYẾT ĐỊNH CÔNG NHẬN', unit: 'xã' },
  { no: '06', title: 'SẢN PHẨM OCOP THEO HẠNG SAO', unit: 'sản phẩm' },
  { no: '07', title: 'HỒ SƠ SẢN PHẨM OCOP ĐANG THỰC HIỆN', unit: 'hồ sơ' },
  { no: '08', title: 'DANH SÁCH SẢN PHẨM OCOP', unit: 'sản phẩm' },
] as const;

type SheetSpec = { readonly no: string; readonly title: string; readonly unit: string };

/** Biểu 09, from format 2 of the model on: the targets of the plans covering the year against what was achieved. */
export const PLAN_ANNEX_NO = '09';
const PLAN_ANNEX: SheetSpec = { no: PLAN_ANNEX_NO, title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU SO VỚI KẾ HOẠCH', unit: 'theo từng chỉ tiêu' };

/** The annex sheets of a model: Biểu 01–08, and Biểu 09 unless the model is a snapshot saved before it existed. */
export function annexSheetsOf(model: ReportModel): readonly SheetSpec[] {
  return model.planResults ? [...ANNEX_SHEETS, PLAN_ANNEX] : ANNEX_SHEETS;
}

export { HEADER_ROW };

function sheet(wb: ExcelJS.Workbook, model: ReportModel, index: number | SheetSpec, columns: Column[]): Worksheet {
  const spec = typeof index === 'number' ? ANNEX_SHEETS[index]! : index;
  return annexSheet(
    wb,
    {
      name: `Biểu ${spec.no}`,
      title: spec.title,
      subtitle: `${model.periodLabel.replace(/^năm/, 'Năm')} (số liệu đến ngày ${formatVnDate(model.asOf)}) — ${model.office.dataOfficeName}`,
      attachedTo: `(Kèm theo báo cáo ${model.periodLabel} của ${model.office.officeName})`,
      unit: spec.unit,
    },
    columns,
  );
}

/** The annex workbook of a report model (Biểu 01–08). */
export async function reportXlsx(model: ReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = model.office.officeName;
  wb.created = new Date(model.generatedAt);
  const { ntm, ocop } = model;

  const s1 = sheet(wb, model, 0, [
    { header: 'STT', width: 6 },
    { header: 'Mức độ đạt chuẩn', width: 32 },
    { header: model.previousPeriodLabel, width: 16, format: INT },
    { header: model.periodLabel, width: 16, format: INT },
    { header: 'Tăng (+), giảm (-)', width: 14, format: '+#,##0;-#,##0;0' },
  ]);
  addRows(
    s1,
    ntm.levels.map((l, i) => [i + 1, l.label, l.previous.value, l.current.value, l.current.value - l.previous.value]),
    { label: 'Tổng số xã', labelColumn: 2, sumColumns: [3, 4, 5] },
  );

  const s2 = sheet(wb, model, 1, [
    { header: 'STT', width: 6 },
    { header: 'Nhóm', width: 30 },
    { header: 'Số tiêu chí đạt từ', width: 12, format: INT },
    { header: 'Số tiêu chí đạt đến', width: 12, format: INT },
    { header: model.previousPeriodLabel, width: 16, format: INT },
    { header: model.periodLabel, width: 16, format: INT },
  ]);
  addRows(
    s2,
    ntm.bands.map((b, i) => [i + 1, b.label, b.minMet, b.maxMet, b.previous?.value ?? null, b.current.value]),
    { label: 'Số xã đã đánh giá', labelColumn: 2, sumColumns: [5, 6] },
  );
  s2.addRow([]);
  const avg = s2.addRow([null, 'Bình quân số tiêu chí đạt/xã', null, null, ntm.previousAverageMet, ntm.averageMet]);
  avg.getCell(5).numFmt = DEC;
  avg.getCell(6).numFmt = DEC;
  avg.font = { name: 'Times New Roman', size: 11, bold: true };

  const criteriaCols: Column[] = ntm.criteria.map((c) => ({ header: `TC${c.no}`, width: 6, format: INT }));
  const s3 = sheet(wb, model, 2, [
    { header: 'STT', width: 6 },
    { header: 'Mã xã', width: 9 },
    { header: 'Tên xã', width: 24 },
    { header: 'Mức đạt chuẩn', width: 20 },
    { header: 'Trạng thái đánh giá', width: 14 },
    { header: 'Số tiêu chí đạt', width: 10, format: INT },
    ...criteriaCols,
    { header: 'Nguy cơ thu hồi (1 = có)', width: 11, format: INT },
  ]);
  const STATUS = { draft: 'Đang nhập', submitted: 'Đã gửi', locked: 'Đã khóa' } as const;
  const digit = (letter: string | undefined) => (letter === 'D' ? 1 : letter === 'K' ? 0 : null);
  addRows(
    s3,
    ntm.rows.map((r, i) => [
      i + 1, r.unitCode, r.name, LEVEL_LABELS[r.level], r.assessmentStatus ? STATUS[r.assessmentStatus] : 'Chưa đánh giá', r.metCount,
      ...ntm.criteria.map((_, ci) => (r.statuses ? digit(r.statuses[ci]) : null)), r.atRisk ? 1 : 0,
    ]),
    { label: 'Số xã đạt', labelColumn: 3, sumColumns: [...ntm.criteria.map((_, ci) => 7 + ci), 7 + ntm.criteria.length] },
  );

  const s4 = sheet(wb, model, 3, [
    { header: 'STT', width: 6 },
    { header: 'Mã xã', width: 9 },
    { header: 'Tên xã', width: 24 },
    { header: 'Số TT tiêu chí', width: 9, format: INT },
    { header: 'Tên tiêu chí', width: 34 },
    { header: 'Ngành phụ trách', width: 36 },
  ]);
  const notMetRows: (string | number)[][] = [];
  for (const r of ntm.rows) {
    ntm.criteria.forEach((c, ci) => {
      if (r.statuses[ci] === 'K') notMetRows.push([notMetRows.length + 1, r.unitCode, r.name, c.no, c.name, c.sector ?? '']);
    });
  }
  addRows(s4, notMetRows);

  const s5 = sheet(wb, model, 4, [
    { header: 'STT', width: 6 },
    { header: 'Mã xã', width: 9 },
    { header: 'Tên xã', width: 24 },
    { header: 'Số tiêu chí đạt', width: 10, format: INT },
    { header: 'Số tiêu chí chưa đạt', width: 10, format: INT },
    { header: 'Căn cứ', width: 70 },
  ]);
  addRows(
    s5,
    ntm.rows.filter((r) => r.atRisk).map((r, i) => [i + 1, r.unitCode, r.name, r.metCount, [...r.statuses].filter((s) => s === 'K').length, r.riskMessage ?? '']),
  );

  const s6 = sheet(wb, model, 5, [
    { header: 'STT', width: 6 },
    { header: 'Hạng sao', width: 12 },
    { header: model.previousPeriodLabel, width: 16, format: INT },
    { header: model.periodLabel, width: 16, format: INT },
    { header: 'Công nhận trong kỳ', width: 14, format: INT },
    { header: `Hết hạn đến ${formatVnDate(ocop.horizonEnd)}`, width: 16, format: INT },
  ]);
  addRows(
    s6,
    ocop.byStars.map((s, i) => [i + 1, `${s.stars} sao`, s.previous.value, s.current.value, s.newInPeriod.value, s.expiringSoon.value]),
    { label: 'Tổng cộng', labelColumn: 2, sumColumns: [3, 4, 5, 6] },
  );

  const s7 = sheet(wb, model, 6, [
    { header: 'STT', width: 6 },
    { header: 'Bước của hồ sơ', width: 30 },
    { header: 'Số hồ sơ', width: 12, format: INT },
  ]);
  addRows(s7, ocop.inProgressByStatus.map((s, i) => [i + 1, s.label, s.figure.value]), { label: 'Tổng cộng', labelColumn: 2, sumColumns: [3] });

  const s8 = sheet(wb, model, 7, [
    { header: 'STT', width: 6 },
    { header: 'Mã sản phẩm', width: 18 },
    { header: 'Tên sản phẩm', width: 30 },
    { header: 'Chủ thể', width: 30 },
    { header: 'Mã xã', width: 9 },
    { header: 'Xã', width: 20 },
    { header: 'Hạng sao', width: 8, format: INT },
    { header: 'Số giấy chứng nhận', width: 16 },
    { header: 'Ngày cấp', width: 12, format: DATE },
    { header: 'Ngày hết hạn', width: 12, format: DATE },
    { header: 'Tình trạng', width: 16 },
    { header: 'Công nhận trong kỳ (1 = có)', width: 11, format: INT },
    { header: 'Hết hạn trong 6 tháng (1 = có)', width: 11, format: INT },
    { header: 'Hồ sơ đang thực hiện (1 = có)', width: 11, format: INT },
  ]);
  addRows(
    s8,
    ocop.rows.map((p, i) => [
      i + 1, p.code, p.name, p.producerName, p.unitCode, p.unitName, p.stars, p.certificateNo ?? '', dateCell(p.issuedOn), dateCell(p.expiresOn),
      p.statusLabel ?? '', p.newInPeriod ? 1 : 0, p.expiringSoon ? 1 : 0, p.inProgress ? 1 : 0,
    ]),
    { label: 'Tổng cộng', labelColumn: 3, sumColumns: [12, 13, 14] },
  );

  if (model.planResults) planSheet(wb, model);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Biểu 09: one plain row per target (numbers as numbers), with the communes or products of the gap in full. */
function planSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const section = model.planResults!;
  const ws = sheet(wb, model, PLAN_ANNEX, [
    { header: 'STT', width: 6 },
    { header: 'Kế hoạch (văn bản giao chỉ tiêu)', width: 30 },
    { header: 'Chỉ tiêu', width: 30 },
    { header: 'Đơn vị tính', width: 10 },
    { header: 'Kế hoạch', width: 10 },
    { header: 'Đạt trong kỳ', width: 10 },
    { header: 'Lũy kế', width: 10 },
    { header: 'Kết quả so với chỉ tiêu', width: 11 },
    { header: 'Đánh giá', width: 14 },
    { header: 'Còn thiếu', width: 10 },
    { header: 'Đơn vị tính (còn thiếu)', width: 10 },
    { header: 'Xã, sản phẩm chưa đạt', width: 48 },
    { header: 'Tình hình thực hiện', width: 48 },
  ]);
  if (section.plans.length === 0) {
    addRows(ws, [[null, noPlanSentence(section.year)]]);
    return;
  }
  const rows: (string | number | null)[][] = [];
  for (const plan of section.plans) {
    for (const row of plan.rows) {
      rows.push([
        rows.length + 1, `${plan.title} (${plan.document})`, planReportCells(row).indicator, row.unit, row.target, row.achievedInPeriod, row.cumulative, row.achieved,
        row.statusLabel, row.status === 'achieved' ? 0 : row.remaining, row.remainingUnit, row.gap.map(gapItemLabel).join('; '), row.statusText,
      ]);
    }
  }
  addRows(ws, rows);
}
