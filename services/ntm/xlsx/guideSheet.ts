import type { Workbook } from 'exceljs';
import type { LoadedCatalog } from '../catalogs';
import { KIND_LABELS, sourcesOf, thresholdSummary } from './indicatorTexts';
import { ASSESSMENT_SHEET, GUIDE_SHEET, NO, VERDICT_MET, VERDICT_NOT_MET, YES } from './sheetLayout';

/** The rules import applies, in the words the person filling the file reads (keep in step with importQuarterXlsx). */
export function guideLines(periodText: string, loaded: LoadedCatalog): string[] {
  const { catalog } = loaded;
  return [
    `HƯỚNG DẪN ĐIỀN BIỂU ĐÁNH GIÁ TIÊU CHÍ NÔNG THÔN MỚI — ${periodText.toUpperCase()}`,
    '',
    `Bộ tiêu chí: ${catalog.name} (${catalog.legalBasis.decision}, ${catalog.legalBasis.title}). Mã bộ tiêu chí ${catalog.id}, lần sửa ${catalog.revision}.`,
    catalog.completeness === 'partial' ? `Lưu ý: bộ tiêu chí chưa đầy đủ — ${catalog.gaps.join('; ')}` : '',
    '',
    '1. Cách điền',
    `• Mỗi dòng của trang "${ASSESSMENT_SHEET}" là một xã, mỗi cột là một chỉ tiêu. Chỉ điền vào các ô trắng; không sửa cột "Mã xã", không thêm, xóa hay đổi chỗ dòng, cột.`,
    '• Ô để trống: giữ nguyên số liệu đang có trong ứng dụng (không xóa). Muốn xóa một số liệu đã nhập, hãy xóa trong ứng dụng.',
    '• Các ô đã điền sẵn là số liệu hiện có; sửa ô nào thì ô đó được cập nhật khi nhập lại.',
    '• Dòng tô xám là xã có kỳ đánh giá đã gửi hoặc đã khóa: không sửa được. Muốn sửa, hãy mở lại kỳ trong ứng dụng (ghi rõ lý do) rồi xuất lại biểu.',
    '',
    '2. Chỉ tiêu đánh giá theo ngưỡng và chỉ tiêu đánh giá thủ công',
    '• Chỉ tiêu "theo ngưỡng": chỉ nhập số liệu vào cột "Số liệu"; ứng dụng tự so với ngưỡng có nguồn (ghi ở dòng tiêu đề và bảng dưới đây) để kết luận đạt hay chưa đạt, theo vùng, nhóm xã và đặc điểm của từng xã đã khai trong ứng dụng.',
    `• Chỉ tiêu "thủ công" (nguồn chưa có ngưỡng định lượng): cán bộ kết luận ở cột "Kết luận" (${VERDICT_MET} / ${VERDICT_NOT_MET}) và ghi minh chứng ở cột "Minh chứng" (số, ngày biên bản, văn bản…). Kết luận không có minh chứng chưa được tính. Cột "Số liệu" của chỉ tiêu thủ công (nếu có) chỉ để tham khảo.`,
    '• Tệp minh chứng (PDF, ảnh…) đính kèm trong ứng dụng, không đính kèm trong tệp Excel này.',
    '',
    '3. Cách ghi giá trị',
    `• Có / Không: ghi "${YES}" hoặc "${NO}" (chọn trong danh sách; viết hoa, thường hay không dấu đều được).`,
    `• Kết luận: "${VERDICT_MET}" hoặc "${VERDICT_NOT_MET}" ("Không đạt" cũng được hiểu là chưa đạt).`,
    '• Số: dùng dấu phẩy thập phân (12,5); số ghi dạng chữ cũng được đọc ("12,5", "12.5"). Một dấu phân cách duy nhất luôn là dấu thập phân; dấu lặp lại theo nhóm 3 chữ số là dấu hàng nghìn ("1.234.567"); có cả hai thì dấu sau cùng là dấu thập phân ("1.234,5"). Số không được âm.',
    '• Tỷ lệ %: ghi số từ 0 đến 100 (85 hoặc 85,5). Ô định dạng phần trăm (gõ 85% trong Excel) được hiểu là 85; ghi "85%" dạng chữ cũng được. Lưu ý: 0,85 trong ô số thường là 0,85%.',
    '• Chọn trong danh sách: chọn đúng một mục của danh sách thả xuống.',
    '• Ngày tháng trong ô văn bản hay minh chứng được ghi lại theo dạng ngày/tháng/năm (dd/mm/yyyy). Ô số mà Excel đã tự đổi thành ngày (ví dụ gõ 12.5) sẽ bị báo lỗi.',
    '• Ô có công thức được đọc theo kết quả đã tính; công thức lỗi (#DIV/0!, #N/A…) bị báo lỗi.',
    '',
    '4. Nhập lại vào ứng dụng',
    '• Dùng chức năng nhập từ Excel của ứng dụng, hoặc dòng lệnh: npm run cli -- ntm assess import --period <kỳ> --xlsx <tệp>.',
    '• Nếu có dù chỉ một ô sai, toàn bộ tệp không được nhập và ứng dụng liệt kê mọi ô sai (trang, địa chỉ ô, lý do) để sửa một lần. Dữ liệu trong ứng dụng không thay đổi.',
    '• Tệp chỉ nhập được cho đúng kỳ và bộ tiêu chí đã xuất; xã không thuộc địa bàn văn phòng bị báo lỗi.',
    '',
    '5. Danh mục chỉ tiêu, ngưỡng và nguồn',
  ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
}

/** Adds the "Hướng dẫn" sheet: how to fill the file, then every indicator with its kind, threshold and source. */
export function addGuideSheet(workbook: Workbook, periodText: string, loaded: LoadedCatalog): void {
  const ws = workbook.addWorksheet(GUIDE_SHEET);
  ws.columns = [
    { width: 10 },
    { width: 28 },
    { width: 60 },
    { width: 18 },
    { width: 14 },
    { width: 50 },
    { width: 60 },
  ];
  const lines = guideLines(periodText, loaded);
  lines.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    if (i === 0 || /^\d\. /.test(text)) cell.font = { bold: true };
  });
  const header = ws.getRow(lines.length + 2);
  header.values = ['Mã', 'Tiêu chí', 'Chỉ tiêu', 'Loại số liệu', 'Cách đánh giá', 'Ngưỡng / tham khảo', 'Nguồn'];
  header.font = { bold: true };
  let r = lines.length + 3;
  for (const ci of loaded.compiled.indicators) {
    const criterion = loaded.catalog.criteria[ci.criterionIndex]!;
    const src = ci.source;
    const row = ws.getRow(r++);
    row.values = [
      src.code,
      `${criterion.no}. ${criterion.name}`,
      src.text + (src.unit ? ` (${src.unit})` : ''),
      KIND_LABELS[src.valueKind] + (src.choices ? `: ${src.choices.map((c) => c.label).join(', ')}` : ''),
      src.judgement === 'rule' ? 'Theo ngưỡng' : 'Thủ công',
      thresholdSummary(src, loaded.catalog),
      sourcesOf(src) || `${loaded.catalog.legalBasis.decision}, ${criterion.name}`,
    ];
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}
