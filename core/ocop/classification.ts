/**
 * Danh mục phân loại sản phẩm OCOP, QĐ 26/2026/QĐ-TTg, Phụ lục I: ngành → nhóm → phân nhóm, one score sheet
 * (bộ tiêu chí số 1–26, Phụ lục II) per line, with the ministry that leads its management (cơ quan chủ trì).
 */
export type OcopClassification = {
  sheetNo: number;
  /** Ngành (Roman numeral and title as printed). */
  sector: string;
  /** Nhóm. */
  group: string;
  /** Phân nhóm, or null where the group has none. */
  subgroup: string | null;
  ministries: string;
};

const NN = 'Bộ Nông nghiệp và Môi trường';
const CT = 'Bộ Công Thương';
const YT = 'Bộ Y tế';
const VH = 'Bộ Văn hóa, Thể thao và Du lịch; Bộ Nông nghiệp và Môi trường';

const I = 'I. Sản phẩm thực phẩm';
const II = 'II. Sản phẩm đồ uống';
const III = 'III. Sản phẩm dược liệu và sản phẩm từ dược liệu';
const IV = 'IV. Sản phẩm hàng thủ công mỹ nghệ';
const V = 'V. Sản phẩm sinh vật cảnh';
const VI = 'VI. Sản phẩm dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch';

export const OCOP_CLASSIFICATION: readonly OcopClassification[] = [
  { sheetNo: 1, sector: I, group: 'Thực phẩm tươi sống', subgroup: 'Rau, củ, quả, hạt tươi', ministries: NN },
  { sheetNo: 2, sector: I, group: 'Thực phẩm tươi sống', subgroup: 'Thịt, thủy sản, trứng, sữa tươi', ministries: NN },
  { sheetNo: 3, sector: I, group: 'Thực phẩm thô, sơ chế', subgroup: 'Gạo, ngũ cốc, hạt sơ chế khác', ministries: NN },
  { sheetNo: 4, sector: I, group: 'Thực phẩm thô, sơ chế', subgroup: 'Mật ong, mật khác và nông sản thực phẩm khác', ministries: NN },
  { sheetNo: 5, sector: I, group: 'Thực phẩm chế biến', subgroup: 'Đồ ăn nhanh', ministries: CT },
  { sheetNo: 6, sector: I, group: 'Thực phẩm chế biến', subgroup: 'Chế biến từ gạo, ngũ cốc', ministries: `${NN}; ${CT}` },
  { sheetNo: 7, sector: I, group: 'Thực phẩm chế biến', subgroup: 'Chế biến từ rau, củ, quả, hạt', ministries: NN },
  {
    sheetNo: 8,
    sector: I,
    group: 'Thực phẩm chế biến',
    subgroup: 'Chế biến từ thịt, trứng, sữa, thủy sản, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác',
    ministries: `${NN}; ${CT}`,
  },
  { sheetNo: 9, sector: I, group: 'Gia vị', subgroup: 'Tương, nước mắm, gia vị dạng lỏng khác', ministries: NN },
  { sheetNo: 10, sector: I, group: 'Gia vị', subgroup: 'Gia vị khác', ministries: NN },
  { sheetNo: 11, sector: I, group: 'Chè', subgroup: 'Chè tươi, chế biến', ministries: NN },
  { sheetNo: 12, sector: I, group: 'Chè', subgroup: 'Sản phẩm chè từ thực vật khác', ministries: NN },
  { sheetNo: 13, sector: I, group: 'Cà phê, ca cao', subgroup: null, ministries: NN },
  { sheetNo: 14, sector: II, group: 'Đồ uống có cồn', subgroup: 'Rượu trắng', ministries: CT },
  { sheetNo: 15, sector: II, group: 'Đồ uống có cồn', subgroup: 'Đồ uống có cồn khác', ministries: CT },
  { sheetNo: 16, sector: II, group: 'Đồ uống không cồn', subgroup: 'Nước khoáng thiên nhiên, nước uống đóng chai', ministries: YT },
  { sheetNo: 17, sector: II, group: 'Đồ uống không cồn', subgroup: 'Đồ uống không cồn', ministries: CT },
  { sheetNo: 18, sector: III, group: 'Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền', subgroup: null, ministries: YT },
  { sheetNo: 19, sector: III, group: 'Mỹ phẩm có thành phần từ dược liệu', subgroup: null, ministries: YT },
  { sheetNo: 20, sector: III, group: 'Tinh dầu và dược liệu khác', subgroup: null, ministries: `${YT}; ${CT}` },
  { sheetNo: 21, sector: IV, group: 'Thủ công mỹ nghệ gia dụng, trang trí', subgroup: null, ministries: `${CT}; ${NN}` },
  { sheetNo: 22, sector: IV, group: 'Vải, may mặc', subgroup: null, ministries: CT },
  { sheetNo: 23, sector: V, group: 'Hoa', subgroup: null, ministries: NN },
  { sheetNo: 24, sector: V, group: 'Cây cảnh', subgroup: null, ministries: NN },
  { sheetNo: 25, sector: V, group: 'Động vật cảnh', subgroup: null, ministries: NN },
  { sheetNo: 26, sector: VI, group: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch', subgroup: null, ministries: VH },
];

export function classificationOf(sheetNo: number): OcopClassification | null {
  return OCOP_CLASSIFICATION.find((c) => c.sheetNo === sheetNo) ?? null;
}

/** One line as Mẫu số 01, mục 3 asks for it: "Ngành, Nhóm, Phân nhóm". */
export function classificationText(sheetNo: number): string {
  const c = classificationOf(sheetNo);
  if (!c) return '';
  return [`Ngành: ${c.sector.replace(/^[IVX]+\. /, "")}`, `Nhóm: ${c.group}`, c.subgroup ? `Phân nhóm: ${c.subgroup}` : null].filter(Boolean).join('; ');
}
