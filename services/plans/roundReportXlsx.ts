import ExcelJS from 'exceljs';
import { addRows, annexSheet, dateCell, DATE, INT, type AnnexSheetSpec, type Column } from '../reports/annexXlsx';
import type { DocumentLines } from '../reports/documentLines';
import { vnDate } from './officeCommunes';
import type { RoundReportData } from './roundReportData';
import { itemOutcomeView } from './roundReportOutcome';

/** The annex sheets of a round's report, in order. */
export const ROUND_ANNEX_SHEETS = [
  { no: '01', title: 'DANH SÁCH CHỈ TIÊU CÓ KHÁC BIỆT GIỮA KẾT QUẢ TỰ ĐÁNH GIÁ CỦA XÃ VÀ KẾT QUẢ THẨM ĐỊNH', unit: 'chỉ tiêu' },
  { no: '02', title: 'TỔNG HỢP KẾT QUẢ ĐỐI CHIẾU CỦA ĐỢT RÀ SOÁT', unit: 'theo từng nội dung' },
  { no: '03', title: 'KẾT QUẢ ĐỐI CHIẾU THEO XÃ', unit: 'chỉ tiêu, tiêu chí' },
  { no: '04', title: 'KẾT QUẢ ĐỐI CHIẾU THEO TIÊU CHÍ', unit: 'chỉ tiêu, xã' },
  { no: '05', title: 'KẾT QUẢ ĐỐI CHIẾU THEO NGÀNH PHỤ TRÁCH', unit: 'chỉ tiêu, tiêu chí, xã' },
  { no: '06', title: 'KẾT LUẬN ĐỐI VỚI TỪNG XÃ, SẢN PHẨM', unit: 'xã, sản phẩm' },
] as const;

/**
 * The round report's annex workbook: every discrepancy, one plain row each with both sides' value, result and
 * evidence (Phụ lục 01); the counts for the round, per commune, per criterion and per sector; the conclusion and
 * outcome per commune and product. Numbers are numbers, dates are dates.
 */
export async function roundReportXlsx(data: RoundReportData, lines: DocumentLines): Promise<Buffer> {
  const { round, totals } = data;
  const wb = new ExcelJS.Workbook();
  wb.creator = lines.heading.officeName;
  const h = lines.heading;
  const spec = (i: number): AnnexSheetSpec => {
    const s = ROUND_ANNEX_SHEETS[i]!;
    return {
      name: `Phụ lục ${s.no}`,
      title: s.title,
      subtitle: `${round.title} (${round.documentNo} ngày ${vnDate(round.documentDate)} của ${round.issuer}) — số liệu đến ngày ${vnDate(h.date)}`,
      attachedTo: `(Kèm theo Báo cáo số ${h.documentNo || '      '}/${h.symbol} ngày ${vnDate(h.date)} của ${h.officeName})`,
      unit: s.unit,
    };
  };
  const sheet = (i: number, columns: Column[]) => annexSheet(wb, spec(i), columns);

  const list = sheet(0, [
    { header: 'STT', width: 6 },
    { header: 'Mã xã', width: 8 },
    { header: 'Tên xã', width: 18 },
    { header: 'Bộ tiêu chí', width: 22 },
    { header: 'Tiêu chí số', width: 8, format: INT },
    { header: 'Tên tiêu chí', width: 24 },
    { header: 'Chỉ tiêu', width: 8 },
    { header: 'Nội dung chỉ tiêu', width: 40 },
    { header: 'Ngành phụ trách', width: 26 },
    { header: 'Bên đối chiếu', width: 22 },
    { header: 'Tự đánh giá: giá trị', width: 14 },
    { header: 'Tự đánh giá: kết quả', width: 13 },
    { header: 'Tự đánh giá: minh chứng', width: 32 },
    { header: 'Đoàn / ngành: giá trị', width: 14 },
    { header: 'Đoàn / ngành: kết quả', width: 13 },
    { header: 'Đoàn / ngành: minh chứng', width: 32 },
    { header: 'Tiêu chí xã tự đánh giá đạt, đoàn kết luận không đạt (1 = có)', width: 14, format: INT },
  ]);
  addRows(
    list,
    data.discrepancies.map((d, i) => [
      i + 1, d.unitCode, d.communeName, d.catalogName, d.criterionNo, d.criterionName, d.indicatorCode, d.indicatorText, d.sector, d.other.label,
      d.self.value, d.self.statusLabel, d.self.evidence, d.other.value, d.other.statusLabel, d.other.evidence, d.overstated && d.source === 'team' ? 1 : 0,
    ]),
  );

  const summary = sheet(1, [
    { header: 'STT', width: 6 },
    { header: 'Nội dung', width: 70 },
    { header: 'Số lượng', width: 12, format: INT },
  ]);
  addRows(summary, [
    [1, 'Xã thuộc phạm vi rà soát', round.communeCount],
    [2, 'Sản phẩm OCOP thuộc phạm vi rà soát', round.productCount],
    [3, 'Xã, sản phẩm đã có kết luận rà soát', round.reviewedCount],
    [4, 'Xã, sản phẩm không đảm bảo', round.notConfirmedCount],
    [5, 'Xã đoàn đã thẩm định', totals.communesJudged],
    [6, 'Chỉ tiêu kết quả thẩm định của đoàn khác kết quả tự đánh giá', totals.team],
    [7, 'Chỉ tiêu đánh giá của ngành khác kết quả tự đánh giá', totals.sector],
    [8, 'Xã có chỉ tiêu khác biệt', totals.communes],
    [9, 'Tiêu chí xã tự đánh giá đạt nhưng đoàn kết luận không đạt', totals.overstated],
  ]);

  const byCommune = sheet(2, [
    { header: 'STT', width: 6 },
    { header: 'Mã xã', width: 8 },
    { header: 'Tên xã', width: 22 },
    { header: 'Bộ tiêu chí', width: 26 },
    { header: 'Kỳ tự đánh giá', width: 11 },
    { header: 'Số tiêu chí', width: 9, format: INT },
    { header: 'Tiêu chí đạt: xã tự đánh giá', width: 12, format: INT },
    { header: 'Tiêu chí đạt: đoàn thẩm định', width: 12, format: INT },
    { header: 'Chỉ tiêu đoàn đã thẩm định', width: 12, format: INT },
    { header: 'Chỉ tiêu khác biệt: đoàn', width: 11, format: INT },
    { header: 'Chỉ tiêu khác biệt: ngành', width: 11, format: INT },
    { header: 'Tiêu chí xã tự đánh giá đạt, đoàn kết luận không đạt', width: 14, format: INT },
  ]);
  addRows(
    byCommune,
    data.communes.map((c, i) => [i + 1, c.unitCode, c.name, c.catalogName ?? '', c.selfPeriod ?? '', c.criteriaCount, c.selfMet, c.teamMet, c.teamJudged, c.team, c.sector, c.overstated]),
    { label: 'Tổng cộng', labelColumn: 3, sumColumns: [9, 10, 11, 12] },
  );

  const byCriterion = sheet(3, [
    { header: 'STT', width: 6 },
    { header: 'Tiêu chí số', width: 8, format: INT },
    { header: 'Tên tiêu chí', width: 34 },
    { header: 'Ngành phụ trách', width: 34 },
    { header: 'Chỉ tiêu khác biệt: đoàn', width: 11, format: INT },
    { header: 'Chỉ tiêu khác biệt: ngành', width: 11, format: INT },
    { header: 'Số xã có khác biệt', width: 11, format: INT },
    { header: 'Số xã tự đánh giá đạt, đoàn kết luận không đạt', width: 14, format: INT },
  ]);
  addRows(
    byCriterion,
    data.criteria.map((c, i) => [i + 1, c.no, c.name, c.sector, c.team, c.sectorFindings, c.communes, c.overstated]),
    { label: 'Tổng cộng', labelColumn: 3, sumColumns: [5, 6] },
  );

  const bySector = sheet(4, [
    { header: 'STT', width: 6 },
    { header: 'Ngành phụ trách', width: 44 },
    { header: 'Chỉ tiêu khác biệt: đoàn', width: 11, format: INT },
    { header: 'Chỉ tiêu khác biệt: ngành', width: 11, format: INT },
    { header: 'Số tiêu chí có khác biệt', width: 11, format: INT },
    { header: 'Số xã có khác biệt', width: 11, format: INT },
    { header: 'Tiêu chí đánh giá cao hơn thực tế (lượt xã)', width: 14, format: INT },
  ]);
  addRows(
    bySector,
    data.sectors.map((s, i) => [i + 1, s.sector, s.team, s.sectorFindings, s.criteria, s.communes, s.overstated]),
    { label: 'Tổng cộng', labelColumn: 2, sumColumns: [3, 4] },
  );

  const outcomes = sheet(5, [
    { header: 'STT', width: 6 },
    { header: 'Loại', width: 10 },
    { header: 'Mã', width: 16 },
    { header: 'Tên xã, sản phẩm', width: 26 },
    { header: 'Căn cứ đưa vào rà soát', width: 36 },
    { header: 'Đoàn', width: 22 },
    { header: 'Kết luận rà soát', width: 16 },
    { header: 'Ngày kết luận', width: 12, format: DATE },
    { header: 'Ghi chú', width: 30 },
    { header: 'Xử lý', width: 26 },
    { header: 'Lý do', width: 30 },
    { header: 'Hạn khắc phục', width: 12, format: DATE },
    { header: 'Ngày khắc phục', width: 12, format: DATE },
    { header: 'Quyết định công nhận liên quan', width: 30 },
    { header: 'Hạng sao', width: 24 },
  ]);
  addRows(
    outcomes,
    round.items.map((item, i) => {
      const o = itemOutcomeView(item);
      return [
        i + 1, item.kind === 'commune' ? 'Xã' : 'Sản phẩm', item.code, item.name, item.reason, item.teamName ?? '', o.result, dateCell(o.checkedOn), o.note ?? '',
        o.outcome ?? '', o.reason ?? '', dateCell(o.remedyDue), dateCell(o.remediedOn), o.decision ?? '', o.stars ?? '',
      ];
    }),
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
