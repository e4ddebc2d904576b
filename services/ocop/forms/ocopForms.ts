import type { OcopEvaluation, OcopProductDetail, OfficeProfile } from '../../../core/contract/index';
import type { OcopSheet } from '../../../core/ocop';
import { PRODUCER_KINDS, REGISTRATION_KINDS, SAMPLE_COUNT, TOURISM_SHEET_NO } from '../../../core/ocop';
import { vnDate } from '../format';
import { orBlank, type FormBlock, type FormDocument } from './formModel';

export type FormData = {
  product: OcopProductDetail;
  office: OfficeProfile;
  /** The sheet the product is scored on, for Mẫu 02 Phần III. */
  sheet: OcopSheet;
  /** The owner's own scoring (level "self"), when recorded. */
  selfEvaluation: OcopEvaluation | null;
  /** Today, for the place-and-date line. */
  today: string;
};

function dateLine(place: string, today: string | null): string {
  if (!today) return `${place}, ngày …… tháng …… năm ……`;
  const [y, m, d] = today.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

const shortPlace = (unitName: string) => unitName.replace(/^(Xã|Phường|Đặc khu|Thị trấn)\s+/, '');

/** Mẫu số 01: Phiếu đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP. */
export function mau01(data: FormData): FormDocument {
  const { product, office } = data;
  const p = product.producer;
  const kinds = (['first', 'upgrade', 're_evaluation'] as const).map((k) => ({ label: REGISTRATION_KINDS[k], checked: product.registrationKind === k }));
  const samples = product.sheetNo === TOURISM_SHEET_NO ? 'Không áp dụng (nhóm dịch vụ du lịch)' : `${String(SAMPLE_COUNT).padStart(2, '0')} sản phẩm`;
  const blocks: FormBlock[] = [
    { kind: 'nationalHeader', left: null },
    { kind: 'title', lines: ['PHIẾU ĐĂNG KÝ', 'Tham gia đánh giá, phân hạng sản phẩm OCOP', `của ${office.provinceName || 'tỉnh ……'} năm ${product.codeYear}`] },
    { kind: 'heading', text: '1. Thông tin về đơn vị đăng ký:' },
    { kind: 'field', label: '- Tên đơn vị', value: p.name },
    { kind: 'field', label: '- Họ tên người đại diện pháp lý', value: p.legalRepName },
    { kind: 'field', label: '- Chức vụ', value: orBlank(p.legalRepTitle) },
    { kind: 'field', label: '- Địa chỉ liên hệ', value: `${p.address}, ${p.unitName}` },
    { kind: 'field', label: '- Điện thoại', value: `${orBlank(p.phone)}    Email: ${orBlank(p.email)}` },
    { kind: 'field', label: '2. Tên sản phẩm', value: product.name },
    { kind: 'field', label: '3. Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm)', value: `${product.classification} (bộ tiêu chí số ${product.sheetNo})` },
    { kind: 'checks', label: '4. Lần đăng ký đánh giá:', items: kinds },
    { kind: 'heading', text: '5. Tài liệu kèm theo:' },
    { kind: 'para', text: '- Báo cáo đánh giá về sản phẩm theo Bộ tiêu chí (bản gốc, bản điện tử).' },
    { kind: 'field', label: '- Sản phẩm mẫu (số lượng)', value: samples },
    {
      kind: 'para',
      text: 'Cam đoan những thông tin trong Phiếu đăng ký là đúng sự thật, chúng tôi xin cam kết tuân thủ các quy định về đánh giá, phân hạng sản phẩm OCOP, chịu trách nhiệm trước Hội đồng và pháp luật về Hồ sơ đăng ký đánh giá, phân hạng sản phẩm.',
    },
    { kind: 'signature', dateLine: dateLine(shortPlace(p.unitName), null), title: 'ĐẠI DIỆN', note: '(Ký, đóng dấu, ghi rõ họ tên)' },
    { kind: 'heading', text: 'PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ' },
    { kind: 'heading', text: 'DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ' },
    { kind: 'para', text: `Phiếu số: ……-……. /PĐK-${office.provinceCode}-${product.unitCode}-${product.codeYear}` },
    { kind: 'para', text: 'Ngày nhận: ……………………   Người tiếp nhận: ……………………   Chữ ký: ……………' },
    { kind: 'heading', text: 'DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH' },
    { kind: 'para', text: `Phiếu số: ……-……. /PĐK-${office.provinceCode}-${product.unitCode}-${product.codeYear}` },
    { kind: 'para', text: 'Ngày nhận: ……………………   Người tiếp nhận: ……………………   Chữ ký: ……………' },
    { kind: 'footnote', text: 'Mẫu số 01, Phụ lục III, Quyết định số 26/2026/QĐ-TTg. Ngành, Nhóm, Phân nhóm theo Phụ lục I.' },
  ];
  return { id: 'mau_01', title: 'Mẫu số 01 — Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP', fileBase: 'Mau01-Phieu-dang-ky', blocks };
}

const IP_LABELS: Record<string, string> = {
  nhan_hieu: 'Giấy chứng nhận đăng ký nhãn hiệu',
  chi_dan_dia_ly: 'Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận',
  sang_che: 'Bằng sáng chế',
  kieu_dang: 'Bằng độc quyền kiểu dáng công nghiệp',
  ban_quyen: 'Giấy chứng nhận bản quyền tác giả',
  khac: 'Khác (ghi rõ)',
};

/** Mẫu số 02: Báo cáo tự đánh giá về sản phẩm, with Phần III filled from the owner's own scoring when recorded. */
export function mau02(data: FormData): FormDocument {
  const { product, sheet, selfEvaluation } = data;
  const p = product.producer;
  const r = product.selfReport;
  const ip = r.intellectualProperty ?? [];
  const self = selfEvaluation?.members[0]?.answers ?? {};
  const rows = sheet.criteria.map((c) => {
    const a = self[c.code];
    let chosen = '';
    let points = '';
    if (typeof a === 'number') {
      const o = c.options[a - 1];
      chosen = o?.label ?? '';
      points = o?.points === null || o?.points === undefined ? '' : String(o.points).replace('.', ',');
    } else if (typeof a === 'boolean') {
      chosen = a ? 'Đạt' : 'Không đạt';
      points = String(a ? c.max : 0).replace('.', ',');
    }
    return [c.code, c.title, String(c.max).replace('.', ','), chosen, points];
  });
  const total = selfEvaluation?.total;
  const blocks: FormBlock[] = [
    { kind: 'title', lines: ['BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM', '(Dành cho chủ thể có sản phẩm đăng ký)'] },
    { kind: 'title', lines: ['Phần I', 'THÔNG TIN CHUNG'] },
    { kind: 'field', label: '1. Tên chủ thể', value: p.name },
    { kind: 'field', label: '2. Loại hình tổ chức', value: PRODUCER_KINDS[p.kind].replace(/ \(chỉ nhóm du lịch\)$/, '') },
    { kind: 'field', label: '3. Địa chỉ', value: `${p.address}, ${p.unitName}` },
    { kind: 'field', label: '4. Điện thoại', value: `${orBlank(p.phone)}    Email: ${orBlank(p.email)}` },
    { kind: 'heading', text: '5. Tên người đại diện pháp luật:' },
    { kind: 'field', label: '- Họ tên', value: p.legalRepName },
    {
      kind: 'field',
      label: '- Giới tính',
      value: `${p.legalRepGender === 'nam' ? 'Nam' : p.legalRepGender === 'nu' ? 'Nữ' : orBlank(null)};  Dân tộc: ${orBlank(p.legalRepEthnicity)}`,
    },
    { kind: 'field', label: '- Địa chỉ thường trú', value: orBlank(p.legalRepAddress) },
    { kind: 'field', label: '6. Ngày thành lập/đăng ký kinh doanh', value: `${orBlank(vnDate(p.foundedOn))}    Số giấy đăng ký (nếu có): ${orBlank(p.taxCode)}` },
    { kind: 'field', label: '7. Tên sản phẩm/dịch vụ, mô tả về quy cách sản phẩm, tiêu chuẩn', value: `${product.name}. ${r.specification ?? product.description ?? ''}`.trim() },
    { kind: 'checks', label: 'a) Giấy đăng ký kinh doanh:', items: [{ label: '', checked: r.hasBusinessRegistration === true }] },
    { kind: 'checks', label: 'b) Đã công bố chất lượng sản phẩm theo quy định:', items: [{ label: '', checked: r.qualityDeclared === true }] },
    { kind: 'para', text: 'c) Đã có các điều kiện sản xuất theo quy định:' },
    {
      kind: 'checks',
      label: '- Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm theo quy định của pháp luật cho sản xuất sản phẩm:',
      items: [{ label: '', checked: r.foodSafetyCertificate === true }],
    },
    {
      kind: 'checks',
      label: '- Giấy chứng nhận cơ sở đủ điều kiện sản xuất bắt buộc theo quy định cho sản phẩm (đối với các sản phẩm bắt buộc theo quy định):',
      items: [{ label: '', checked: r.productionConditionCertificate === true }],
    },
    { kind: 'checks', label: 'd) Đã có đăng ký sở hữu trí tuệ:', items: [{ label: '', checked: ip.length > 0 }] },
    ...Object.entries(IP_LABELS).map(([code, label]): FormBlock => ({
      kind: 'checks',
      label: `+ ${label}${code === 'khac' && r.intellectualPropertyOther ? `: ${r.intellectualPropertyOther}` : ''}:`,
      items: [{ label: '', checked: ip.includes(code as (typeof ip)[number]) }],
    })),
    { kind: 'heading', text: '8. Lịch sử hình thành của chủ thể (nêu các giai đoạn hình thành và phát triển):' },
    { kind: 'para', text: orBlank(r.history) },
    { kind: 'heading', text: '9. Cơ cấu tổ chức của chủ thể:' },
    { kind: 'para', text: orBlank(r.organisation) },
    { kind: 'title', lines: ['Phần II', 'KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH'] },
    { kind: 'para', text: orBlank(r.businessResults) },
    { kind: 'title', lines: ['Phần III', 'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP'] },
    {
      kind: 'para',
      text: `Bộ tiêu chí số ${sheet.no}: ${sheet.name} (${sheet.versionId}). ${selfEvaluation ? `Chủ thể tự đánh giá ngày ${vnDate(selfEvaluation.evaluatedOn)}${total !== null && total !== undefined ? `: tổng ${String(total).replace('.', ',')} điểm` : ' (chưa chấm đủ)'}.` : 'Chủ thể tự đánh giá điểm từng tiêu chí vào bảng dưới đây.'}`,
    },
    { kind: 'table', columns: ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Kết quả tự đánh giá', 'Điểm'], widths: [8, 34, 10, 38, 10], rows },
    { kind: 'para', text: 'Tài liệu minh chứng kèm theo vào phụ lục của Báo cáo, sắp xếp theo thứ tự các chỉ tiêu trong Bộ tiêu chí.', italic: true },
    { kind: 'title', lines: ['Phần IV', 'KẾ HOẠCH SẢN XUẤT, KINH DOANH'] },
    { kind: 'para', text: orBlank(r.plan) },
    { kind: 'signature', dateLine: dateLine(shortPlace(p.unitName), null), title: 'ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ', note: '(Ký, họ tên, đóng dấu)' },
    { kind: 'footnote', text: 'Mẫu số 02, Phụ lục III, Quyết định số 26/2026/QĐ-TTg.' },
  ];
  return { id: 'mau_02', title: 'Mẫu số 02 — Báo cáo tự đánh giá về sản phẩm', fileBase: 'Mau02-Bao-cao-tu-danh-gia', blocks };
}

/** Mẫu số 03: Báo cáo của UBND cấp xã đánh giá một số nội dung của hồ sơ (Điều 7, khoản 2). */
export function mau03(data: FormData): FormDocument {
  const { product, office, today } = data;
  const p = product.producer;
  const c = product.communeReport;
  const communeUpper = product.unitName.toLocaleUpperCase('vi-VN');
  const blocks: FormBlock[] = [
    { kind: 'nationalHeader', left: [`ỦY BAN NHÂN DÂN`, communeUpper] },
    { kind: 'title', lines: ['BÁO CÁO', 'Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP'] },
    { kind: 'heading', text: 'I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM' },
    { kind: 'field', label: '1. Tên chủ thể', value: p.name },
    { kind: 'field', label: '2. Loại hình tổ chức', value: PRODUCER_KINDS[p.kind].replace(/ \(chỉ nhóm du lịch\)$/, '') },
    { kind: 'field', label: '3. Địa chỉ', value: `${p.address}, ${p.unitName}` },
    { kind: 'heading', text: '4. Tên người đại diện pháp luật:' },
    { kind: 'field', label: '- Họ tên', value: p.legalRepName },
    {
      kind: 'field',
      label: '- Giới tính',
      value: `${p.legalRepGender === 'nam' ? 'Nam' : p.legalRepGender === 'nu' ? 'Nữ' : orBlank(null)};  Dân tộc: ${orBlank(p.legalRepEthnicity)}`,
    },
    { kind: 'field', label: '- Địa chỉ thường trú', value: orBlank(p.legalRepAddress) },
    { kind: 'field', label: '5. Sản phẩm đăng ký đánh giá', value: `${product.name} (mã số ${product.productCode}; ${REGISTRATION_KINDS[product.registrationKind].toLowerCase()})` },
    { kind: 'heading', text: 'II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM' },
    { kind: 'heading', text: '1. Về sử dụng nguyên liệu địa phương:' },
    { kind: 'para', text: orBlank(c.localMaterials) },
    { kind: 'heading', text: '2. Về sử dụng lao động địa phương:' },
    { kind: 'para', text: orBlank(c.localLabour) },
    { kind: 'heading', text: '3. Nguồn gốc ý tưởng sản phẩm:' },
    { kind: 'para', text: orBlank(c.ideaOrigin) },
    { kind: 'heading', text: '4. Bản sắc/trí tuệ địa phương:' },
    { kind: 'para', text: orBlank(c.localIdentity) },
    {
      kind: 'para',
      text: `Ủy ban nhân dân ${product.unitName} đề nghị Ủy ban nhân dân ${office.provinceName || 'tỉnh ……'} đánh giá, phân hạng sản phẩm OCOP cho sản phẩm ${product.name} của ${p.name}.`,
    },
    { kind: 'signature', dateLine: dateLine(shortPlace(product.unitName), today), title: `T.M ỦY BAN NHÂN DÂN ${communeUpper}`, note: '(Ký tên và đóng dấu)' },
    { kind: 'footnote', text: 'Mẫu số 03, Phụ lục III, Quyết định số 26/2026/QĐ-TTg.' },
  ];
  return { id: 'mau_03', title: 'Mẫu số 03 — Báo cáo đánh giá của UBND cấp xã', fileBase: 'Mau03-Bao-cao-cua-xa', blocks };
}
